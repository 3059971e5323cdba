/**
 * Basins of attraction off the page's thread: the page's messages to the basins worker (./basins-worker.ts;
 * their schema is ../shared/basins-messages.ts), validated on arrival, and the job itself
 * (../engine/experiments/basins.ts) with a few dozen progress reports. One job per worker; the page cancels by terminating it.
 */
import { computeBasins } from '../engine/experiments/basins';
import { basinsCommandSchema, type BasinsEvent } from '../shared/basins-messages';
import { validateScenario } from '../shared/validate';

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

export { maxBasinsResolution, type BasinsCommand, type BasinsEvent } from '../shared/basins-messages';
