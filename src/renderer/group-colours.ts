/**
 * The colours of a race's groups, shared by the 3D scene and the Race tab: Okabe and Ito's colour-blind-safe
 * palette (2008), in an order whose first colours stay apart for every common colour-vision deficiency and
 * read on the page's dark background.
 */
export const groupColours = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#D55E00'] as const;

export function groupColour(group: number): `#${string}` {
  return groupColours[group % groupColours.length];
}
