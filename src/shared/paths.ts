/**
 * `set(path, value)` on a scenario: which fields are hot (the next step uses them, no reset; decided by the
 * settings table, ./settings.ts) and how a dotted path is written into a copy of the scenario. Everything
 * else (model, data, init, seed) is structural: the run is rebuilt.
 */
export { isHot } from './settings';

const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * A deep copy of `scenario` with `value` at `path` ("optimizer.alpha", "init.mean.0"). Returns a problem
 * line instead when the path cannot be written: the caller reports it like any scenario problem.
 */
export function withValueAt(scenario: unknown, path: string, value: unknown): { ok: true; scenario: unknown } | { ok: false; problem: string } {
  const keys = path.split('.');
  if (keys.some((key) => key === '' || forbidden.has(key))) return { ok: false, problem: `${path}: is not a field of a scenario` };
  const copy = structuredClone(scenario) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') return { ok: false, problem: `${path}: ${key} is not set, so it has no fields (set "${key}" as a whole)` };
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(node) && !/^\d+$/.test(last)) return { ok: false, problem: `${path}: ${last} is not an index` };
  node[last] = structuredClone(value);
  return { ok: true, scenario: copy };
}
