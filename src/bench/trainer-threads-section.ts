/**
 * The trainer on its threads (issue 17): the trainer's Node host (the stand-in for Electron's utility process,
 * as in ./frames-section.ts) takes `step(200)` of a million Adam particles on Rosenbrock, on one thread and
 * on every core (src/trainer/pool/), three times each, interleaved. Wall-clock time from the command to the
 * frame after the last step, the fastest of each; both must end on the same mean loss (the same bits, as
 * src/trainer/pool/trainer-threads.test.ts checks). Beside ./threads-section.ts (the engine's split alone),
 * this is what the page and the desktop app get: the orders, their messages and the lead's hand-over included.
 */
import { availableParallelism } from 'node:os';
import type { ScenarioInput } from '../shared/scenario';
import { forkTrainer } from './frames-section';
import type { ModuleSection } from './section';

const n = 1_000_000;
const steps = 200;
const repeats = 3;
const scenario: ScenarioInput = {
  version: 1,
  name: 'trainer threads',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1, 1.5], std: 0.3, count: n },
  optimizer: { kind: 'adam', alpha: 0.001 },
  epochs: 1_000_000,
  seed: 1,
};

/** Seconds for `steps` steps in a fresh host limited to `threads` (null: every core), the threads it used, and the mean loss at the end. */
async function timeSteps(entry: string, threads: number | null): Promise<{ seconds: number; used: number; meanLoss: number | null }> {
  const trainer = forkTrainer(entry);
  const event = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (message: { type?: string }) => {
        if (message.type !== type) return;
        trainer.child.off('message', on);
        resolve(message as T);
      };
      trainer.child.on('message', on);
    });
  // The trainer says how many threads step the run each time that changes (a load among them): the last word counts.
  let used = 1;
  trainer.child.on('message', (message: { type?: string; used?: number }) => {
    if (message.type === 'threads') used = message.used!;
  });
  try {
    trainer.post({ type: 'threads', count: threads });
    trainer.post({ type: 'load', scenario: scenario as never });
    await event('loaded');
    trainer.post({ type: 'step', count: 5 }); // the threads started, their code warm
    await trainer.frame();
    const start = performance.now();
    trainer.post({ type: 'step', count: steps });
    const frame = await trainer.frame();
    const seconds = (performance.now() - start) / 1000;
    if (frame.step !== 5 + steps) throw new Error(`the trainer stopped at step ${frame.step}`);
    return { seconds, used, meanLoss: frame.summary.meanLoss };
  } finally {
    trainer.child.kill();
  }
}

export const trainerThreadsSection: ModuleSection = {
  id: 'trainer-threads',
  title: 'The trainer on its threads',
  async run({ log, nodeTrainer }) {
    const entry = await nodeTrainer();
    const cores = availableParallelism();
    const best = { one: Infinity, all: Infinity };
    const means = new Set<number | null>();
    let used = 1;
    for (let r = 0; r < repeats; r++) {
      const one = await timeSteps(entry, 1);
      const all = await timeSteps(entry, null);
      best.one = Math.min(best.one, one.seconds);
      best.all = Math.min(best.all, all.seconds);
      means.add(one.meanLoss).add(all.meanLoss);
      used = all.used;
      log(`  run ${r + 1}: 1 thread ${one.seconds.toFixed(2)} s, ${all.used} threads ${all.seconds.toFixed(2)} s`);
    }
    if (means.size !== 1) throw new Error(`the thread counts ended on different mean losses: ${[...means].join(', ')}`);
    return {
      columns: ['particles', 'steps', '1 thread s', `every core (${used} of ${cores}) s`, 'speed-up'],
      rows: [[n, steps, best.one, best.all, best.one / best.all]],
      notes: [
        `Adam on Rosenbrock in the trainer's Node host: wall-clock seconds of step(${steps}) up to the next frame, the fastest of ${repeats} interleaved runs, each in a fresh host.`,
        'Both thread counts end on the same mean loss (checked in the run). Compare with the threads section’s ceiling: the speed-up this machine gives independent work on every core.',
      ],
    };
  },
};
