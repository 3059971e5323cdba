/**
 * The experiments section (issue 8): optimizer races, stability maps, basins of attraction, one step under
 * the microscope, the landscape around a trained network (issue 16), and the notebooks' lessons. Each tab lives in its own module and is listed here.
 */
import type { MountContext } from '../mounts';
import { basinsTab } from './basins';
import { landscapeTab } from './landscape';
import { lessonsTab } from './lessons';
import { microscopeTab } from './microscope';
import { raceTab } from './race';
import { stabilityTab } from './stability';
import { mountTabs, type ExperimentTab, type ExperimentsHandle } from './tabs';

/** In the order they appear. */
const tabs: ExperimentTab[] = [raceTab, stabilityTab, basinsTab, microscopeTab, landscapeTab, lessonsTab];

export function mountExperiments(container: HTMLElement, context: MountContext): ExperimentsHandle {
  return mountTabs(container, context, tabs);
}
