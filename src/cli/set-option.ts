/**
 * `--set PATH=VALUE` (CONTRACTS §10): one field of the scenario, by its dotted path, changed before the
 * scenario is checked, so `run x --set optimizer.alpha=0.3` runs exactly what a copy of x with that field
 * edited would. Indices are written either way, `init.points[0][1]` or `init.points.0.1`.
 */
import { withValueAt } from '../shared/paths';
import { CommandMistake } from './mistake';

export interface Setting {
  /** Dotted, indices as keys: `init.points.0.1`. */
  path: string;
  value: unknown;
}

/** PATH=VALUE, the value read as JSON and, when it is not JSON, taken as the string it is. */
export function parseSetting(text: string): Setting {
  const at = text.indexOf('=');
  const path = text
    .slice(0, at)
    .trim()
    .replace(/\[(\d+)\]/g, '.$1');
  if (at <= 0 || path === '') throw new CommandMistake(`--set must be PATH=VALUE (e.g. --set optimizer.alpha=0.3), not "${text}"`);
  const raw = text.slice(at + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: a bare word such as adam or my run is meant as the string it is.
  }
  return { path: path.replace(/^\./, ''), value };
}

/** The scenario value with each setting written in turn (a later one wins), or the problem with one of them. */
export function withSettings(scenario: unknown, settings: readonly Setting[]): { ok: true; scenario: unknown } | { ok: false; problems: string[] } {
  let edited = scenario;
  for (const { path, value } of settings) {
    const written = withValueAt(edited, path, value);
    if (!written.ok) return { ok: false, problems: [written.problem] };
    edited = written.scenario;
  }
  return { ok: true, scenario: edited };
}
