/**
 * What the page opens first, from its URL: `?scenario=` + URL-encoded JSON (checked like a scenario file),
 * else `?preset=NAME`, else the default preset. A bad link never leaves the page empty: its problems are
 * shown and the default preset opens instead. No DOM: tested in node.
 */
import { findPreset, presets } from '../shared/presets';
import type { Scenario } from '../shared/scenario';
import { parseScenarioText } from '../shared/validate';

export const defaultPreset = 'bowl-cloud';

export interface Opening {
  /** A preset name or a validated scenario, ready for `Lab.load`. */
  load: string | Scenario;
  /** Why the link was not followed, or null when it was. */
  notice: { heading: string; problems: string[] } | null;
}

/** Reads `location.search` (with or without its leading "?"). */
export function openingFromQuery(search: string): Opening {
  const params = new URLSearchParams(search);
  // URLSearchParams has already undone the URL encoding.
  const text = params.get('scenario');
  if (text !== null) {
    const validation = parseScenarioText(text);
    if (validation.ok) return { load: validation.scenario, notice: null };
    return { load: defaultPreset, notice: { heading: `The scenario in the link has problems; opened "${defaultPreset}" instead`, problems: validation.problems } };
  }
  const name = params.get('preset');
  if (name !== null) {
    if (findPreset(name)) return { load: name, notice: null };
    return {
      load: defaultPreset,
      notice: { heading: `There is no preset named "${name}"; opened "${defaultPreset}" instead`, problems: [`presets: ${presets.map((p) => p.name).join(', ')}`] },
    };
  }
  return { load: defaultPreset, notice: null };
}
