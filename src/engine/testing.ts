/** Helpers shared by the engine's tests: build and run scenarios and presets in one call. */
import { findPreset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { createDescent } from './build';
import type { Descent } from './descent';

/** A validated scenario, throwing with every problem if it is not valid (tests want to know why). */
export function scenarioOf(input: ScenarioInput | string) {
  const value = typeof input === 'string' ? findPreset(input)?.scenario : input;
  if (!value) throw new Error(`no preset named ${input as string}`);
  const result = validateScenario(value);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.scenario;
}

/** A preset's scenario with `edit` applied to a copy of it, validated (defaults filled in) as scenarioOf does. */
export function presetEdited(name: string, edit: (copy: Record<string, unknown>) => void = () => {}) {
  const copy = structuredClone(findPreset(name)?.scenario) as unknown as Record<string, unknown> | undefined;
  if (!copy) throw new Error(`no preset named ${name}`);
  edit(copy);
  return scenarioOf(copy as unknown as ScenarioInput);
}

/** A typed array's bytes as base64: two arrays are the same bits exactly when these are equal (and a mismatch prints short). */
export function base64Of(a: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }): string {
  // btoa, not Node's Buffer: the engine's files are type-checked for the page, which has no Buffer.
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Builds a descent; with `trace`, particle 0's steps are recorded. */
export async function descentOf(input: ScenarioInput | string, trace = false): Promise<Descent> {
  const descent = await createDescent(scenarioOf(input));
  if (trace) descent.traceParticle(0);
  return descent;
}

/** Builds and runs a scenario for its epochs (or `epochs`). */
export async function runOf(input: ScenarioInput | string, options: { epochs?: number; trace?: boolean } = {}): Promise<Descent> {
  const descent = await descentOf(input, options.trace);
  descent.run(options.epochs ?? descent.scenario.epochs);
  return descent;
}

/** Asserts |a − b| ≤ tol·max(1, |b|) element by element, with a message naming the index. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, label = ''): void {
  if (actual.length !== expected.length) throw new Error(`${label}: length ${actual.length} ≠ ${expected.length}`);
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k];
    const b = expected[k];
    if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)))) throw new Error(`${label}[${k}]: ${a} ≠ ${b} (tolerance ${tol})`);
  }
}
