/**
 * What the page opens first, from its URL: `?scenario=` + URL-encoded JSON (checked like a scenario file),
 * else `?preset=NAME`, else the default preset. A bad link never leaves the page empty: its problems are
 * shown and the default preset opens instead. With no link at all the default plays at once, so that a
 * newcomer sees the bowl descending; a link opens paused (scripts and recordings start from a known
 * state) unless it says `play`. No DOM: tested in node.
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
  /** Start playing once loaded. */
  play: boolean;
}

/** Reads `location.search` (with or without its leading "?"). */
export function openingFromQuery(search: string): Opening {
  const params = new URLSearchParams(search);
  const play = params.has('play') || (!params.has('scenario') && !params.has('preset'));
  return { ...linkedOpening(params), play };
}

function linkedOpening(params: URLSearchParams): Omit<Opening, 'play'> {
  // URLSearchParams has already undone the URL encoding.
  const text = params.get('scenario');
  if (text !== null) {
    const validation = parseScenarioText(text);
    if (validation.ok) return { load: validation.scenario, notice: null };
    return {
      load: defaultPreset,
      notice: { heading: `The scenario in the link has problems; opened "${defaultPreset}" instead`, problems: validation.problems },
    };
  }
  const name = params.get('preset');
  if (name !== null) {
    if (findPreset(name)) return { load: name, notice: null };
    return {
      load: defaultPreset,
      notice: {
        heading: `There is no preset named "${name}"; opened "${defaultPreset}" instead`,
        problems: [`presets: ${presets.map((p) => p.name).join(', ')}`],
      },
    };
  }
  return { load: defaultPreset, notice: null };
}
