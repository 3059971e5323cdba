/**
 * The named analytic surfaces f(x, y) of CONTRACTS §1 and §9: each kernel (./surface-kernels.ts) with its
 * formula, view and minima from the one catalogue the page shares (../shared/surface-catalog.ts).
 */
import { surfaceCatalog } from '../shared/surface-catalog';
import { surfaceNames, type SurfaceName } from '../shared/scenario';
import * as kernels from './surface-kernels';
import type { SurfaceKernel } from './surface-kernels';

export * from './surface-kernels';

export interface SurfaceInfo {
  /** The formula as a person would write it (docs, axis titles). */
  readonly formula: string;
  readonly evaluate: SurfaceKernel;
  /** A view that shows the interesting part: [[xmin, xmax], [ymin, ymax]]. */
  readonly range: readonly [readonly [number, number], readonly [number, number]];
  /** Known minima (the basins view colours starts by these); a saddle has none. */
  readonly minima: readonly (readonly [number, number])[];
}

/** A surface's kernel is named after it in camel case: `goldstein-price` is `goldsteinPrice`. */
export const kernelName = (name: SurfaceName): string => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

function entry(name: SurfaceName): SurfaceInfo {
  const { formula, range, minima } = surfaceCatalog[name];
  const evaluate = (kernels as unknown as Record<string, SurfaceKernel | undefined>)[kernelName(name)];
  if (!evaluate) throw new Error(`surfaces: no kernel ${kernelName(name)} for the surface ${name}`);
  return { formula, evaluate, range, minima: minima.map(({ at }) => at) };
}

export const surfaces = Object.fromEntries(surfaceNames.map((name) => [name, entry(name)])) as Record<SurfaceName, SurfaceInfo>;

export { surfaceNames, type SurfaceName };
