/**
 * What the Help dialog says, as data (no DOM, so it is tested in node): the controls, the keys, and one
 * paragraph per preset: its lesson from the notebooks (src/shared/presets.ts), then what to watch and what to
 * try: for a notebook's experiment and the flat-and-sharp-minima network, the guided lesson's
 * (src/shared/lessons.ts, each claim held to a run by lessons.test.ts); for a surface, a suggestion below.
 */
import { findLesson } from '../../shared/lessons';
import { presets, type Preset } from '../../shared/presets';
import type { KeyActions } from '../keyboard';

export interface HelpEntry {
  readonly term: string;
  readonly text: string;
}

/** The controls, where they are and what they do. */
export const controls: readonly HelpEntry[] = [
  { term: 'Scenario', text: 'Every preset, grouped into the notebooks’ experiments and the surfaces. Changing it starts a new run.' },
  {
    term: 'Threads',
    text: 'How many threads step a cloud of 32,768 particles or more: every core by default. The run is the same for any count; About says how many are in use.',
  },
  {
    term: 'Optimizer and Learning rate',
    text: 'Gradient descent, momentum, Nesterov, AdaGrad, RMSprop or Adam with their settings; the learning rate on a log scale. These change the running descent at once.',
  },
  {
    term: 'Starting cloud',
    text: 'Init (points, Gaussian, uniform, grid) with its centre and spread, the number of Particles and the Seed. These start the run again.',
  },
  { term: 'Batch size, Clip', text: 'Full batch, mini-batches or one row at a time; clipping by value or by norm. Each applies from the next step.' },
  {
    term: 'Stopping',
    text: 'When a particle stops: Tolerance (its loss barely changes), Stop below loss, Stop at gradient norm, Patience with Min delta (it has stalled) count it converged; Diverged at loss (1e100 by default) or a loss that is no longer a number count it diverged. Hover Converged or Diverged in the header for the counts by reason. Changes apply from the next step.',
  },
  { term: 'Freeze', text: 'Holds a parameter at its value: its gradient is set to zero before the step.' },
  {
    term: 'Scene',
    text: 'Drag to orbit, scroll to zoom, “Top view” for the contours. Click the surface to start a single particle there, or Shift-drag a box to seed a cloud.',
  },
  { term: 'Timeline', text: 'The scrubber under the scene replays any earlier step exactly; playing on from there starts a new future.' },
  {
    term: 'Views',
    text: 'The loss curve (mean and best), the data with the best particle’s fit, and the forward pass of one particle printed as the notebook prints it.',
  },
  { term: 'Record… and Screenshot', text: 'A WebM or MP4 video, a GIF, or a PNG of the scene at the size you choose, rendered on a fixed clock.' },
  {
    term: 'Files',
    text: 'Open… and Save a scenario file (*.descent or *.descent.json), open a CSV of your own data, export trajectories or the loss curve. In the browser, Copy link shares the scenario as a URL; in the desktop app, Copy scenario copies it as JSON.',
  },
];

/** A key and what it does; `action` names the KeyActions entry it triggers, where it is one of the lab’s keys. */
export interface ShortcutEntry {
  readonly keys: readonly string[];
  readonly text: string;
  readonly action?: keyof KeyActions;
}

export const shortcuts: readonly ShortcutEntry[] = [
  { keys: ['Space'], text: 'Play or pause', action: 'toggle' },
  { keys: ['→'], text: 'One step', action: 'step' },
  { keys: ['R'], text: 'Reset the run to its start', action: 'reset' },
  { keys: ['H'], text: 'Hide or show the panel', action: 'hidePanel' },
  { keys: ['F'], text: 'Frame the view on the surface and the cloud', action: 'frameView' },
  { keys: ['V'], text: 'Split the scene: the 3D view and the contour map side by side', action: 'splitView' },
  { keys: ['?', 'F1'], text: 'This help', action: 'help' },
  { keys: ['←', '→'], text: 'On the Replay scrubber (once it has the focus): one step back or forward in the history' },
  { keys: ['Ctrl/⌘ O'], text: 'Open a scenario file' },
  { keys: ['Ctrl/⌘ S', 'Ctrl/⌘ Shift S'], text: 'Save, Save as' },
  { keys: ['Esc'], text: 'Close a dialog' },
];

/** Something to try with each preset, after its lesson: a change to make and what it shows. */
/**
 * Something to try on each surface, whose presets have no guided lesson: a change to make and what it shows.
 * The numbers follow from the curvatures the presets' lessons give; unlike the guided lessons' claims, these
 * are not held to a run by a test.
 */
export const tryNext: Readonly<Record<string, string>> = {
  'bowl-cloud': 'Switch to momentum: the cloud overshoots the minimum and swings back and forth before it settles.',
  rosenbrock: 'Compare gradient descent with Adam on the same cloud, and watch the valley floor.',
  beale: 'Try RMSprop or Adam: their per-parameter step sizes cope with the plateaus and the walls alike.',
  himmelblau: 'Use a grid start to see the four basins of attraction side by side.',
  saddle: 'Only a particle started exactly on the line y = 0 would stop at the saddle, where its gradient in y is 0: any offset, however small, grows.',
  rastrigin: 'Try a larger learning rate or momentum: longer steps can carry a particle over the nearest bumps, but too long and nothing settles.',
  valley: 'Lower α to 0.1 and the zig-zag goes, but progress along the valley slows further; momentum gives you both.',
  booth: 'Raise α above 0.11 and the cloud diverges along the direction (1, 1), the one of the largest curvature (18).',
};

/** The headings the presets are listed under, as the panel's Scenario list groups them. */
export const groupTitles: Readonly<Record<Preset['group'], string>> = { notebooks: 'From the notebooks', surfaces: 'Surfaces', networks: 'Networks on data' };

/** The help paragraph of one preset: its notebook lesson and source, then what to watch and what to try. */
export function presetParagraph(preset: Preset): string {
  const parts = [`${preset.lesson}${preset.source ? ` (${preset.source})` : ''}`];
  const guided = findLesson(preset.name);
  if (guided) parts.push(guided.look, ...guided.tries.map((entry) => `${entry.label}: ${entry.expect}`));
  else if (tryNext[preset.name]) parts.push(tryNext[preset.name]);
  return parts.join(' ');
}

/** Every preset with its paragraph, in the panel's order, grouped as the panel groups them. */
export function presetHelp(): { group: Preset['group']; name: string; title: string; text: string }[] {
  return presets.map((preset) => ({ group: preset.group, name: preset.name, title: preset.title, text: presetParagraph(preset) }));
}
