/**
 * The stability map off the page's thread: the messages between the page and the sweep worker
 * (./sweep-worker.ts), validated on arrival, and the job itself (../engine/experiments/sweep.ts) with at
 * most about a hundred progress reports. One job per worker; the page cancels by terminating it, which
 * also works in Electron's renderer (a Web Worker, like the export's and the basins').
 */
import { z } from 'zod';
import { planSweep, runSweep, sweepFields, type SweepResult } from '../engine/experiments/sweep';
import { validateScenario } from '../shared/validate';

const axis = { min: z.number(), max: z.number(), count: z.int() };

export const sweepCommandSchema = z.strictObject({
  type: z.literal('sweep'),
  /** The scenario whose learning rate (and second setting) is swept; a race's groups are ignored. */
  scenario: z.unknown(),
  alpha: z.strictObject(axis),
  vs: z.strictObject({ field: z.enum(sweepFields), ...axis }).nullable(),
  epochs: z.int().optional(),
});
export type SweepCommand = z.infer<typeof sweepCommandSchema>;

export type SweepEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: SweepResult }
  | { type: 'error'; message: string; problems: string[] };

/** Runs one sweep for a message from the page, reporting through `post`. Never throws. */
export async function runSweepJob(message: unknown, post: (event: SweepEvent) => void): Promise<void> {
  const command = sweepCommandSchema.safeParse(message);
  if (!command.success) {
    post({ type: 'error', message: 'the sweep request is malformed', problems: command.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`) });
    return;
  }
  const validation = validateScenario(command.data.scenario);
  if (!validation.ok) {
    post({ type: 'error', message: 'the scenario has problems', problems: validation.problems });
    return;
  }
  const { groups: _race, ...scenario } = validation.scenario;
  const { alpha, vs, epochs } = command.data;
  const planned = planSweep(scenario, { alpha, vs, epochs });
  if (!planned.ok) {
    post({ type: 'error', message: 'the sweep has problems', problems: planned.problems });
    return;
  }
  let reported = 0;
  try {
    const result = await runSweep(scenario, planned.plan, {
      progress: (done, total) => {
        if (done === total || done - reported >= Math.max(1, Math.floor(total / 100))) {
          reported = done;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'error', message: 'the sweep cannot be computed', problems: [(error as Error).message] });
  }
}
