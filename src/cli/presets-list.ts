/** `lab presets`: a table to read (name, model, title), or with --json the list for programs (CONTRACTS §10). */
import { presets, type Preset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';

/** The model in a few words: `surface bowl`, `linear`, `mlp 3-2-2`, `surface (formula)`; a race says so. */
export function modelLabel(scenario: ScenarioInput): string {
  const model = scenario.model;
  let label: string;
  if (model.kind === 'surface') label = 'fn' in model && model.fn ? `surface ${model.fn}` : 'surface (formula)';
  else if (model.kind === 'mlp') label = `mlp ${model.layers.join('-')}`;
  else label = model.kind;
  return scenario.groups?.length ? `${label}, race of ${scenario.groups.length}` : label;
}

export function presetsTable(list: readonly Preset[] = presets): string {
  const rows = [['name', 'model', 'title'], ...list.map((p) => [p.name, modelLabel(p.scenario), p.title])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map(([name, model, title]) => `${name.padEnd(widths[0])}  ${model.padEnd(widths[1])}  ${title}`);
  return lines.join('\n') + '\n\nlab show NAME prints one as a scenario file; lab presets --json adds each one’s lesson and source.\n';
}

/** The machine form: one object per preset, as `lab presets` printed before it became a table. */
export function presetsJson(list: readonly Preset[] = presets): string {
  return JSON.stringify(list.map(({ name, group, title, source, lesson }) => ({ name, group, title, source: source ?? null, lesson }))) + '\n';
}
