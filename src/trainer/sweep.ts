/**
 * The stability map off the page's thread: the page's messages to the sweep worker (./sweep-worker.ts;
 * their schema is ../shared/sweep-messages.ts), validated on arrival, and the job itself
 * (../engine/experiments/sweep.ts) with at most about a hundred progress reports. One job per worker; the page cancels by terminating it, which
 * also works in Electron's renderer (a Web Worker, like the export's and the basins').
 */
import { planSweep, runSweep } from '../engine/experiments/sweep';
import { sweepCommandSchema, type SweepEvent } from '../shared/sweep-messages';
import { validateScenario } from '../shared/validate';

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

export type { SweepCommand, SweepEvent } from '../shared/sweep-messages';
