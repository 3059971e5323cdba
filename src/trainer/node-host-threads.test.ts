/**
 * The trainer in a forked process (the stand-in for Electron's utility process) stepping on real worker
 * threads (./pool/node-threads.ts): the same frames as on one thread, and a thread that dies mid-run
 * recovered from. The expected frames are the same host's on one thread (`threads` 1), which
 * node-host.test.ts and the engine's tests hold to the references.
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { FrameMessage } from '../shared/messages';
import type { ScenarioInput } from '../shared/scenario';
import { ForkedTrainer, useNodeHost } from './forked-trainer.testing';

const host = useNodeHost();

// 32,768 Adam particles on Rosenbrock: two threads of 16,384 (./pool/trainer-threads.ts) where there are two cores.
const cloud: ScenarioInput = {
  version: 1,
  name: 'threads',
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1.5, 2], std: 0.5, count: 32_768 },
  optimizer: { kind: 'adam', alpha: 0.05 },
  epochs: 6,
};

const shown = (f: FrameMessage) => ({
  step: f.step,
  status: f.status,
  bytes: [f.positions, f.losses, f.statuses].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')),
  summary: f.summary,
});

/** Every frame of the run, one step each (a frame of one step is never late), in a host allowed `threads`. */
async function run(threads: number | null, env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env); // the forked host and its threads inherit it
  const trainer = new ForkedTrainer(host.entry());
  process.env = saved;
  trainer.post({ type: 'threads', count: threads });
  trainer.post({ type: 'load', scenario: cloud });
  const used = (await trainer.next('threads'), await trainer.next('threads')).used;
  trainer.post({ type: 'play' });
  const frames = [];
  for (let k = 0; k < 40; k++) {
    const frame = await trainer.frame();
    frames.push(shown(frame));
    if (frame.status === 'done') break;
  }
  return { used, frames, trainer };
}

describe('the forked trainer on worker threads', () => {
  it('sends the same frames on two threads as on one', async () => {
    const one = await run(1);
    expect(one.used).toBe(1);
    const two = await run(null);
    expect(two.used).toBe(Math.min(2, availableParallelism()));
    expect(one.frames.at(-1)).toMatchObject({ step: 6, status: 'done' });
    expect(two.frames).toEqual(one.frames);
  });

  it('a thread that dies mid-run: the run is taken back and ends on one thread where it would have', async () => {
    if (availableParallelism() < 2) return; // one core: no second thread to die
    const expected = await run(1);
    const got = await run(null, { DESCENT_TRAINER_THREAD_FAULT: 'exit' });
    const error = await got.trainer.next('error');
    expect(error.message).toContain('a thread of the trainer failed');
    expect(error.problems[0]).toMatch(/^thread 2 failed: it stopped \(exit code 3\)/);
    expect((await got.trainer.next('threads')).used).toBe(1);
    expect(got.frames.at(-1)).toEqual(expected.frames.at(-1));
  });
});
