/**
 * The views' colours, read from the page's CSS variables (style.css, views.css) so that canvas drawing and
 * the stylesheet never disagree. The fallbacks are the same values, for a page without the stylesheet.
 */
export interface Palette {
  background: string;
  line: string;
  text: string;
  muted: string;
  mean: string;
  best: string;
  selected: string;
  points: string;
}

const fallback: Palette = {
  background: '#0b0e12',
  line: '#262c35',
  text: '#e3e7ec',
  muted: '#8c96a3',
  mean: '#5cc8b4',
  best: '#e6c36a',
  selected: '#b69cf0',
  points: '#7f9bb8',
};

/** The palette as the CSS variables of `element` (and its ancestors) define it. */
export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, value: string) => style.getPropertyValue(name).trim() || value;
  return {
    background: read('--view-bg', fallback.background),
    line: read('--line', fallback.line),
    text: read('--text', fallback.text),
    muted: read('--muted', fallback.muted),
    mean: read('--series-mean', fallback.mean),
    best: read('--series-best', fallback.best),
    selected: read('--series-selected', fallback.selected),
    points: read('--data-points', fallback.points),
  };
}

export const defaultPalette: Readonly<Palette> = fallback;
