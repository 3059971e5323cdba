/** Finds the scenario a command names: a file (size-capped, CSV data read beside it) or a preset. */
import { dirname, resolve } from 'node:path';
import { findPreset } from '../shared/presets';
import { limits } from '../shared/limits';
import { parseScenarioText, validateScenario, type Validation } from '../shared/validate';
import { csvColumns } from '../shared/csv';
import type { Io } from './io';

export function loadScenario(source: string, io: Io): Validation {
  const size = io.fileSize(source);
  if (size === null) {
    const preset = findPreset(source);
    if (preset) return validateScenario(preset.scenario);
    return { ok: false, problems: [`(scenario): no file or preset named "${source}" (presets: lab presets)`] };
  }
  if (size > limits.maxScenarioBytes) {
    return { ok: false, problems: [`(scenario): ${source} is ${size} bytes; the limit is ${limits.maxScenarioBytes} (${limits.maxScenarioBytes / 1048576} MiB)`] };
  }
  const result = parseScenarioText(io.readFile(source));
  if (!result.ok || !result.scenario.data || !('csv' in result.scenario.data)) return result;
  return withCsvData(result.scenario, dirname(source), io);
}

/** Replaces a CSV source by its rows, then validates again: the shapes can only be checked now. */
function withCsvData(scenario: Extract<Validation, { ok: true }>['scenario'], folder: string, io: Io): Validation {
  const spec = scenario.data as { csv: string; x: string[]; y: string[] };
  const file = resolve(folder, spec.csv);
  const size = io.fileSize(file);
  if (size === null) return { ok: false, problems: [`data.csv: cannot read "${spec.csv}" (looked for ${file})`] };
  if (size > 4 * limits.maxScenarioBytes) return { ok: false, problems: [`data.csv: ${spec.csv} is ${size} bytes; the limit is ${4 * limits.maxScenarioBytes}`] };
  const columns = csvColumns(io.readFile(file), spec.csv, spec.x, spec.y);
  if (!columns.ok) return columns;
  return validateScenario({ ...scenario, data: columns.data });
}
