/**
 * Finds the scenario a command names: a file (size-capped, CSV data read beside it) or a preset, with the
 * command's --set changes written in before it is checked. A name that is neither is a command mistake.
 */
import { dirname, resolve } from 'node:path';
import { findPreset, presets } from '../shared/presets';
import { limits } from '../shared/limits';
import { parseScenarioText, validateScenario, type Validation } from '../shared/validate';
import { csvFileSizeProblem, csvSourceOf, withCsvData } from '../shared/csv';
import type { Io } from './io';
import { CommandMistake, didYouMean } from './mistake';
import { withSettings, type Setting } from './set-option';

export function loadScenario(source: string, io: Io, settings: readonly Setting[] = []): Validation {
  const size = io.fileSize(source);
  if (size === null) {
    const preset = findPreset(source);
    if (!preset)
      throw new CommandMistake(
        `no file or preset named "${source}"${didYouMean(
          source,
          presets.map((p) => p.name),
        )} (lab presets lists them)`,
      );
    const edited = withSettings(preset.scenario, settings);
    return edited.ok ? validateScenario(edited.scenario) : edited;
  }
  if (size > limits.maxScenarioBytes) {
    return {
      ok: false,
      problems: [`(scenario): ${source} is ${size} bytes; the limit is ${limits.maxScenarioBytes} (${limits.maxScenarioBytes / 1048576} MiB)`],
    };
  }
  const result = parseWithSettings(io.readFile(source), settings);
  if (!result.ok || !csvSourceOf(result.scenario)) return result;
  return withCsvFile(result.scenario, dirname(source), io);
}

/** The file's text with the settings written in: checked exactly as the file edited by hand would be. */
function parseWithSettings(text: string, settings: readonly Setting[]): Validation {
  if (settings.length === 0) return parseScenarioText(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseScenarioText(text); // which says where the JSON breaks
  }
  const edited = withSettings(value, settings);
  // Written back to text, so that the size and nesting caps apply to the edited scenario too.
  return edited.ok ? parseScenarioText(JSON.stringify(edited.scenario)) : edited;
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
