/** Finds the scenario a command names: a file (size-capped, CSV data read beside it) or a preset. */
import { dirname, resolve } from 'node:path';
import { findPreset } from '../shared/presets';
import { limits } from '../shared/limits';
import { parseScenarioText, validateScenario, type Validation } from '../shared/validate';
import { csvFileSizeProblem, csvSourceOf, withCsvData } from '../shared/csv';
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
  if (!result.ok || !csvSourceOf(result.scenario)) return result;
  return withCsvFile(result.scenario, dirname(source), io);
}

/** Replaces a CSV source (relative to the scenario's folder) by its rows, then validates again. */
function withCsvFile(scenario: Extract<Validation, { ok: true }>['scenario'], folder: string, io: Io): Validation {
  const name = csvSourceOf(scenario)!.csv;
  const file = resolve(folder, name);
  const size = io.fileSize(file);
  if (size === null) return { ok: false, problems: [`data.csv: cannot read "${name}" (looked for ${file})`] };
  const tooBig = csvFileSizeProblem(name, size);
  if (tooBig) return { ok: false, problems: [tooBig] };
  return withCsvData(scenario, io.readFile(file));
}
