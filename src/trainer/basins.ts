/**
 * Basins of attraction off the page's thread: the messages between the page and the basins worker
 * (./basins-worker.ts), validated on arrival, and the job itself (../engine/experiments/basins.ts) with
 * a few dozen progress reports. One job per worker; the page cancels by terminating it.
 */
import { z } from 'zod';
import { computeBasins, type BasinsResult } from '../engine/experiments/basins';
import { validateScenario } from '../shared/validate';

/** Starts per side: the page offers 50 to 400 (160,000 runs). */
export const maxBasinsResolution = 400;

const range2 = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

export const basinsCommandSchema = z.strictObject({
  type: z.literal('basins'),
  /** A surface scenario: its optimizer, epochs and tolerance run every start. */
  scenario: z.unknown(),
  resolution: z.int().gte(2).lte(maxBasinsResolution),
  range: range2.optional(),
});
export type BasinsCommand = z.infer<typeof basinsCommandSchema>;

export type BasinsEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: BasinsResult }
  | { type: 'error'; message: string; problems: string[] };

/** Runs one basins job for a message from the page, reporting through `post`. Never throws. */
export async function runBasins(message: unknown, post: (event: BasinsEvent, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const command = basinsCommandSchema.safeParse(message);
  if (!command.success) {
    post({ type: 'error', message: 'the basins request is malformed', problems: command.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`) });
    return;
  }
  const validation = validateScenario(command.data.scenario);
  if (!validation.ok) {
    post({ type: 'error', message: 'the scenario has problems', problems: validation.problems });
    return;
  }
  try {
    const result = await computeBasins(validation.scenario, {
      resolution: command.data.resolution,
      range: command.data.range,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    if (result) post({ type: 'result', result }, [result.labels.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', message: 'the basins cannot be computed', problems: [(error as Error).message] });
  }
}
