/**
 * The race's group colours: Okabe and Ito's colour-blind-safe palette (2008), in an order whose first
 * colours stay apart for every common colour-vision deficiency and read on the page's dark background.
 */
export const groupColours = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#D55E00'] as const;

export function groupColour(group: number): `#${string}` {
  return groupColours[group % groupColours.length];
}

/** A small square of a group's colour, for the legend, the table and the builder. */
export function swatch(group: number): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'race-swatch';
  span.style.cssText = `display:inline-block;width:0.85em;height:0.85em;border-radius:2px;flex:none;vertical-align:middle;margin-right:0.35em;background:${groupColour(group)}`;
  return span;
}
