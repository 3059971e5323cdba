/** The race's group colours on the page (the palette itself is ../../group-colours.ts, shared with the scene). */
import { groupColour } from '../../group-colours';

export { groupColour };

/** A small square of a group's colour, for the legend, the table and the builder. */
export function swatch(group: number): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'race-swatch';
  span.style.cssText = `display:inline-block;width:0.85em;height:0.85em;border-radius:2px;flex:none;vertical-align:middle;margin-right:0.35em;background:${groupColour(group)}`;
  return span;
}
