/**
 * The trainer in a real child process (child_process.fork of the bundled node host, the test stand-in for
 * Electron's utility process): frames as typed arrays, hot changes, reset, flow control with a slow consumer,
 * and the child's memory over thousands of frames. The storm of injected crashes is node-host-crashes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../shared/frame-codec';
import type { FrameMessage } from '../shared/messages';
import { findPreset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
import { ForkedTrainer, sleep, useNodeHost, type Message } from './forked-trainer.testing';

const host = useNodeHost();

const bowlCloud = findPreset('bowl-cloud')!.scenario;
const onePoint: ScenarioInput = {
  version: 1,
  name: 'one',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 100,
};

describe('the trainer in a forked process', () => {
  it('loads a preset and streams frames whose positions are Uint16 codes, 2·count of them', async () => {
    const trainer = new ForkedTrainer(host.entry());
    trainer.post({ type: 'load', scenario: bowlCloud });
    expect(await trainer.next('loaded')).toMatchObject({ count: 1000, scenario: { name: 'bowl-cloud' } });
    trainer.post({ type: 'play' });
    for (let k = 1; k <= 5; k++) {
      const frame = await trainer.frame();
      expect(frame.positions).toBeInstanceOf(Uint16Array); // shared/frame-codec.ts
      expect(frame.positions.length).toBe(2000);
      expect(frame.step).toBe(k);
    }
  });

  it('applies a hot learning-rate change at the next step: α 0.1 then 0.5 from (0, 0) lands on (1, 2)', async () => {
    const trainer = new ForkedTrainer(host.entry());
    trainer.post({ type: 'load', scenario: onePoint });
    trainer.post({ type: 'step', count: 1 });
    // One step of α = 0.1 on (x−1)² + (y−2)²: (0, 0) − 0.1·(−2, −4) = (0.2, 0.4).
    expect([...decodeFrame(await trainer.frame()).positions]).toEqual([Math.fround(0.2), Math.fround(0.4)]);
    trainer.post({ type: 'set', path: 'optimizer.alpha', value: 0.5 });
    trainer.post({ type: 'step', count: 1 });
    // Closed form: each step multiplies the distance to (1, 2) by 1 − 2α, which is 0 for α = 0.5.
    const frame = await trainer.frame();
    expect(frame.step).toBe(2);
    expect([...decodeFrame(frame).positions]).toEqual([1, 2]);
  });

  it('returns to the initial cloud on reset', async () => {
    const trainer = new ForkedTrainer(host.entry());
    trainer.post({ type: 'load', scenario: bowlCloud });
    // Decoded: on the bowl, gd shrinks the cloud toward (1, 2) uniformly, and codes (relative to each frame's
    // own scales) would not see it.
    const initial = decodeFrame(await trainer.frame());
    trainer.post({ type: 'step', count: 10 });
    expect(decodeFrame(await trainer.frame()).positions).not.toEqual(initial.positions);
    trainer.post({ type: 'reset' });
    const reset = decodeFrame(await trainer.frame());
    expect(reset.step).toBe(0);
    expect(reset.positions).toEqual(initial.positions);
  });
});

describe('flow control and memory', () => {
  const tenThousand: ScenarioInput = {
    ...bowlCloud,
    name: 'ten-thousand',
    init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: 10_000 },
    epochs: 10_000_000,
    tolerance: null,
  };

  /** A playing 10k-particle trainer and a consumer that takes whatever frames have arrived. */
  function playingCloud() {
    const trainer = new ForkedTrainer(host.entry(), false);
    let pending: FrameMessage[] = [];
    let received = 0;
    let wake = () => {};
    trainer.onMessage((message) => {
      if ((message as Message).type === 'frame') {
        pending.push(message as FrameMessage);
        received++;
        wake();
      }
    });
    trainer.post({ type: 'load', scenario: tenThousand });
    trainer.post({ type: 'play' });
    const take = async () => {
      while (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const taken = pending;
      pending = [];
      return taken;
    };
    /** Frames as fast as the trainer makes them; returns the time per frame. */
    const fullSpeed = async (count: number) => {
      const started = performance.now();
      for (let k = 0; k < count; k++) {
        trainer.post({ type: 'request-frame' });
        await take();
      }
      return (performance.now() - started) / count;
    };
    // Listens until the memory reply itself: other messages (a late frame, a history event) may come first.
    const memory = () =>
      new Promise<Extract<Message, { type: 'memory' }>>((resolve) => {
        const listener = (m: Message) => {
          if (m.type !== 'memory') return;
          trainer.child.off('message', listener);
          resolve(m);
        };
        trainer.child.on('message', listener);
        trainer.post({ type: 'fault', kind: 'memory' });
      });
    return { trainer, take, fullSpeed, memory, received: () => received };
  }

  it('a consumer 5× slower than the trainer never has more than two frames pending, and gets only what it asked for', async () => {
    const cloud = playingCloud();
    await cloud.fullSpeed(100); // the load and the JIT's warm-up stay out of the measured pace
    const producerMs = await cloud.fullSpeed(100);
    let mostPending = 0;
    for (let k = 0; k < 100; k++) {
      cloud.trainer.post({ type: 'request-frame' });
      await sleep(5 * producerMs); // the consumer's own work: five frames' worth of the trainer's time
      const taken = await cloud.take();
      mostPending = Math.max(mostPending, taken.length);
      expect(taken.at(-1)!.positions.length).toBe(20_000);
    }
    console.info(`flow: ${producerMs.toFixed(2)} ms per frame at 10k particles; consumer waits ${(5 * producerMs).toFixed(1)} ms; most pending ${mostPending}`);
    expect(mostPending).toBeLessThanOrEqual(2);
    expect(cloud.received()).toBe(300); // one frame per request (100 + 100 + 100): nothing unasked
  }, 30_000);

  it('keeps the child’s memory flat over 2000 frames of a 10k-particle cloud', async () => {
    const cloud = playingCloud();
    await cloud.fullSpeed(300); // warm-up: JIT, the serializer's buffers
    const before = await cloud.memory();
    const samples = [before];
    for (let k = 0; k < 2; k++) {
      await cloud.fullSpeed(1000);
      samples.push(await cloud.memory());
    }
    const after = samples.at(-1)!;
    const row = (key: 'heapUsed' | 'arrayBuffers' | 'rss') => `${key} ${samples.map((s) => mb(s[key])).join(' → ')} MB`;
    console.info(`memory after each 1000 frames (after a GC): ${row('heapUsed')}; ${row('arrayBuffers')}; ${row('rss')}`);
    // Bounds, after a GC: the JS heap grows by less than 20 % of its warmed-up size; typed arrays by less than
    // 4 MB (a frame is 130 kB, so 2000 kept frames would be 260 MB, and 2 kB kept per frame would show; a few
    // MB of serializer buffers come and go); rss by less than 64 MB (4000 frames were measured until 2026-12-06:
    // a one-time step of ≈ 15 MB around frame 3000, then flat).
    expect(after.heapUsed).toBeLessThan(before.heapUsed * 1.2);
    expect(after.arrayBuffers).toBeLessThan(before.arrayBuffers + 4 * 2 ** 20);
    expect(after.rss).toBeLessThan(before.rss + 64 * 2 ** 20);
  }, 120_000); // ≈ 3 s alone; the whole suite shares two cores with it
});

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
