/**
 * Memory: bytes per particle of each optimizer (from the cloud's arrays), and the trainer's footprint with a
 * million Adam particles, measured in its own process: the Node host (src/trainer/node-host.ts) forked as
 * the tests fork it, its memory probe answering after two full GCs. Goal: under 200 MB.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { snapshotBytes } from '../engine/snapshot';
import type { OptimizerKind, ScenarioInput } from '../shared/scenario';
import { optimizerChoices } from '../shared/settings';
import type { ModuleSection } from './section';
import { formatCell } from './table';
import { benchDescent } from './timing';

/** Every optimizer of the settings table, at its defaults (AMSGrad and a centred RMSprop would add a state array). */
const kinds: OptimizerKind[] = optimizerChoices.map((choice) => choice.value);
const million = 1_000_000;
const MB = 1e6;

function cloud(kind: OptimizerKind, count: number): ScenarioInput {
  return {
    version: 1,
    model: { kind: 'surface', fn: 'bowl' },
    init: { dist: 'gaussian', mean: [-2, 4], std: 0.5, count },
    optimizer: { kind, alpha: 0.01 },
    epochs: 1_000_000,
    seed: 1,
  };
}

interface Memory {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

/** The forked trainer, with a way to wait for the next message of a type. */
class Trainer {
  private inbox: { type: string }[] = [];
  private wake: (() => void) | null = null;
  constructor(readonly child: ChildProcess) {
    child.on('message', (message: { type: string }) => {
      // Frames are dropped at once: the bench keeps nothing of them, as the page keeps only the latest.
      if (message.type !== 'frame') this.inbox.push(message);
      else this.inbox.push({ type: 'frame' });
      this.wake?.();
    });
  }
  send(message: unknown): void {
    this.child.send(message as never);
  }
  async next<T>(type: string, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as T;
      const error = this.inbox.find((m) => m.type === 'error');
      if (error) throw new Error(`trainer: ${JSON.stringify(error)}`);
      if (Date.now() > deadline) throw new Error(`trainer: no "${type}" within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }
  async frame(): Promise<void> {
    this.send({ type: 'request-frame' });
    await this.next('frame');
  }
  async memory(): Promise<Memory> {
    this.send({ type: 'fault', kind: 'memory' });
    return this.next<Memory>('memory');
  }
}

export const memorySection: ModuleSection = {
  id: 'memory',
  title: 'Memory',
  async run({ log, nodeTrainer }) {
    const rows: (string | number)[][] = [];
    for (const kind of kinds) {
      const d = await benchDescent(cloud(kind, 10_000));
      d.advance(); // what a cloud holds once stepping (a fused surface step makes no gradient array)
      const perSnapshot = snapshotBytes(d.snapshot());
      rows.push([`cloud, ${kind}`, d.bytes / d.n, perSnapshot / d.n, ((d.bytes / d.n) * million) / MB, '']);
    }

    const entry = await nodeTrainer();
    const phases = await trainerPhases(entry, {}, log);
    // The same with glibc told to hand freed blocks of 1 MiB and more straight back to the system: what the
    // resident set then keeps is the trainer's, not freed frame buffers the allocator holds on to.
    const [, , , , played] = await trainerPhases(entry, { MALLOC_MMAP_THRESHOLD_: String(1 << 20) }, log);
    phases.push([`${played[0]}, MALLOC_MMAP_THRESHOLD_=1MiB`, played[1]]);
    // And on one thread: each of the pool's worker threads is a V8 isolate of its own, resident beside the trainer's.
    const [, , , , alone] = await trainerPhases(entry, {}, log, 1);
    phases.push([`${alone[0]}, 1 thread`, alone[1]]);
    let worst = 0;
    let worstLive = 0;
    for (const [phase, m] of phases) {
      worst = Math.max(worst, m.rss);
      worstLive = Math.max(worstLive, m.heapUsed + m.arrayBuffers);
      rows.push([phase, '', '', m.rss / MB, (m.heapUsed + m.arrayBuffers) / MB]);
      log(`  ${rows.at(-1)!.map(formatCell).join('  ')}`);
    }
    return {
      columns: ['what', 'bytes/particle', 'snapshot bytes/particle', 'MB (1M particles or RSS)', 'heap + array buffers MB'],
      rows,
      notes: [
        'Cloud rows: the arrays of a two-parameter cloud after one step (params, loss, previous loss, status, optimizer state; no gradient array, which only a step through the separate passes makes), and of one history snapshot; the MB column is that for a million particles.',
        'Trainer rows: the forked Node host (src/trainer/node-host.ts) after two full GCs; MB is its resident set. Its history gets what the run leaves of 128 MiB (src/engine/snapshot.ts): a million Adam particles keep no snapshot and a seek replays from step 0.',
        `Goal: 1M Adam particles under 200 MB in the trainer: what it holds (heap + array buffers) at most ${(worstLive / MB).toFixed(0)} MB (${worstLive < 200 * MB ? 'met' : 'not met'}); its resident set at most ${(worst / MB).toFixed(0)} MB (${worst < 200 * MB ? 'met' : 'not met'}), of which about ${(phases[0][1].rss / MB).toFixed(0)} MB is Node's own (the idle row).`,
      ],
    };
  },
};

/** The trainer's memory at each phase of a million-particle Adam run (on `threads`, else every core): load, 100 steps, a seek, 30 frames played. */
async function trainerPhases(
  entry: string,
  env: Record<string, string>,
  log: (message: string) => void,
  threads: number | null = null,
): Promise<[string, Memory][]> {
  const child = fork(entry, [], {
    serialization: 'advanced',
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env, DESCENT_TRAINER_FAULTS: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const trainer = new Trainer(child);
  const phases: [string, Memory][] = [];
  try {
    phases.push(['trainer, idle', await trainer.memory()]);
    if (threads !== null) trainer.send({ type: 'threads', count: threads });
    trainer.send({ type: 'load', scenario: cloud('adam', million) });
    await trainer.next('loaded');
    await trainer.frame();
    phases.push(['trainer, 1M adam loaded', await trainer.memory()]);
    trainer.send({ type: 'step', count: 100 });
    await trainer.frame();
    phases.push(['trainer, 1M adam, 100 steps', await trainer.memory()]);
    trainer.send({ type: 'seek', step: 37 });
    await trainer.frame();
    phases.push(['trainer, 1M adam, seek to 37', await trainer.memory()]);
    trainer.send({ type: 'play' });
    for (let k = 0; k < 30; k++) await trainer.frame();
    trainer.send({ type: 'pause' });
    await trainer.frame();
    phases.push(['trainer, 1M adam, 30 frames played', await trainer.memory()]);
    log(`  trainer phases done${Object.keys(env).length ? ` (${Object.keys(env).join(', ')})` : ''}`);
  } finally {
    child.kill();
  }
  return phases;
}
