/** The trainer in-process, through a recording port: commands, frames, flow control, hot changes, errors. */
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../shared/frame-codec';
import { findPreset } from '../shared/presets';
import { eventSchema, messageProblems, type TrainerCommand, type TrainerEvent } from '../shared/messages';
import type { ScenarioInput } from '../shared/scenario';
import { surfaces } from '../engine/surfaces';
import { Trainer } from './trainer';
import { harness } from './testing';

const onePoint = (alpha = 0.1, epochs = 100): ScenarioInput => ({
  version: 1,
  name: 'one',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha },
  epochs,
});

describe('frame arrays', () => {
  const framesFrom = async (copies: boolean) => {
    const frames: Extract<TrainerEvent, { type: 'frame' }>[] = [];
    const transfers: number[] = [];
    const trainer = new Trainer({
      copies,
      post: (e, transfer) => {
        if (e.type !== 'frame') return;
        frames.push(e);
        transfers.push(transfer?.length ?? 0);
      },
    });
    for (const command of [
      { type: 'load', scenario: findPreset('bowl-cloud')!.scenario },
      { type: 'request-frame' },
      { type: 'step', count: 1 },
      { type: 'request-frame' },
    ])
      trainer.receive(command);
    await trainer.idle();
    return { frames, transfers };
  };

  it('are new and transferred for each frame where the host moves them (a Web Worker)', async () => {
    const { frames, transfers } = await framesFrom(false);
    expect(frames).toHaveLength(2);
    expect(frames[1].positions).not.toBe(frames[0].positions);
    expect(frames[1].statuses).not.toBe(frames[0].statuses);
    expect(transfers.every((count) => count >= 3)).toBe(true);
  });

  it('are the same every frame where the host copies them (Node IPC, MessagePortMain)', async () => {
    const { frames, transfers } = await framesFrom(true);
    expect(frames).toHaveLength(2);
    expect(frames[1].positions).toBe(frames[0].positions);
    expect(frames[1].losses).toBe(frames[0].losses);
    expect(transfers).toEqual([0, 0]);
  });
});

describe('loading', () => {
  it('answers a load with `loaded` (names, count, axes, range) and, once asked, a frame of the starting cloud', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('bowl-cloud')!.scenario });
    expect(h.last('loaded')).toMatchObject({
      paramNames: ['x', 'y'],
      count: 1000,
      axes: ['x', 'y'],
      range: [
        [-3, 5],
        [-2, 6],
      ],
    });
    expect(h.frames()).toHaveLength(0); // no frame before one is asked for
    await h.send({ type: 'request-frame' });
    const frame = h.last('frame')!;
    expect(frame).toMatchObject({ epoch: 0, step: 0, status: 'paused' });
    expect(frame.positions).toBeInstanceOf(Uint16Array); // codes (shared/frame-codec.ts): two per particle
    expect(frame.positions.length).toBe(2000);
    expect(frame.summary.count).toBe(1000);
  });

  it('keeps the range on show for a new start on the same surface inside it, and widens it for one past it', async () => {
    // Rosenbrock's preset cloud reaches past the named range [−2, 2] × [−1, 3] (surface-catalog.ts).
    const cloud = findPreset('rosenbrock')!.scenario;
    const h = harness();
    await h.send({ type: 'load', scenario: cloud });
    const wide = h.last('loaded')!.range;
    expect(wide[0][0]).toBeLessThan(-2);
    expect(wide[1][1]).toBeGreaterThan(3);
    // One start inside: its own range would be the named one, but the one on show stays (no surface moves).
    await h.send({ type: 'load', scenario: { ...cloud, init: { points: [[0.5, 0.5]] } }, undoable: true });
    expect(h.last('loaded')!.range).toEqual(wide);
    // One start past it: the range takes it in.
    await h.send({ type: 'load', scenario: { ...cloud, init: { points: [[-4, 0.5]] } } });
    expect(h.last('loaded')!.range).toEqual([
      [-4, 2],
      [-1, 3],
    ]);
    // Another surface: its own named range (the start lies inside it).
    await h.send({ type: 'load', scenario: { ...cloud, model: { kind: 'surface', fn: 'bowl' }, init: { points: [[0.5, 0.5]] } } });
    expect(h.last('loaded')!.range).toEqual(surfaces.bowl.range);
  });

  it('refuses an invalid scenario as an error value and keeps the current run', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'load', scenario: { ...onePoint(), epochs: 0 } });
    expect(h.last('error')).toMatchObject({ message: 'the scenario has problems', problems: ['epochs: must be an epoch count from 1 to 10000000'] });
    await h.send({ type: 'step', count: 1 }, { type: 'request-frame' });
    expect(h.last('frame')!.step).toBe(1);
  });

  it('refuses malformed messages and commands before a load, without throwing', async () => {
    const h = harness();
    await h.send({ type: 'warp', speed: 9 }, { type: 'step', count: -1 }, { type: 'play' }, 42 as unknown as Record<string, unknown>);
    const errors = h.events.filter((e) => e.type === 'error');
    expect(errors.map((e) => (e as { message: string }).message)).toEqual([
      'malformed message',
      'malformed message',
      'nothing is loaded yet: "play" needs a scenario',
      'malformed message',
    ]);
  });
});

describe('playing and flow control', () => {
  it('advances stepsPerFrame steps per requested frame while playing, and sends nothing unasked', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'speed', stepsPerFrame: 5 }, { type: 'play' });
    expect(h.frames()).toHaveLength(0);
    for (let k = 1; k <= 3; k++) {
      await h.send({ type: 'request-frame' });
      expect(h.frames()).toHaveLength(k);
      expect(h.last('frame')!.step).toBe(5 * k);
    }
  });

  it('stops at the scenario’s epochs with status done', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint(0.1, 12) }, { type: 'speed', stepsPerFrame: 5 }, { type: 'play' });
    for (let k = 0; k < 4; k++) await h.send({ type: 'request-frame' });
    expect(h.last('frame')).toMatchObject({ step: 12, status: 'done' });
  });

  it('a page that is behind gets only the newest state: one frame per request, built when sent, no credit banked', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'request-frame' });
    expect(h.frames().map((f) => f.step)).toEqual([0]);
    // The page is busy: steps go on, nothing is sent, and no frame of steps 1–8 is kept for later.
    for (let k = 0; k < 9; k++) await h.send({ type: 'step', count: 1 });
    expect(h.frames()).toHaveLength(1);
    // Its next request gets step 9, at (1 − 0.8⁹)·(1, 2): the bowl's closed form at α = 0.1, each step
    // shrinking the distance to (1, 2) by 1 − 2α.
    await h.send({ type: 'request-frame' });
    expect(h.frames().map((f) => f.step)).toEqual([0, 9]);
    const [x, y] = decodeFrame(h.last('frame')!).positions;
    expect(x).toBeCloseTo(1 - 0.8 ** 9, 6);
    expect(y).toBeCloseTo(2 * (1 - 0.8 ** 9), 6);
    // Two requests while nothing changed are one credit: two more steps bring one frame, not two.
    await h.send({ type: 'request-frame' }, { type: 'request-frame' }, { type: 'step', count: 1 }, { type: 'step', count: 1 });
    expect(h.frames().map((f) => f.step)).toEqual([0, 9, 10]);
  });

  it('while paused, a request is answered only when something changed', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'request-frame' }, { type: 'request-frame' });
    expect(h.frames()).toHaveLength(1);
    await h.send({ type: 'step', count: 3 });
    expect(h.frames()).toHaveLength(2);
    expect(h.last('frame')!.step).toBe(3);
  });
});

describe('hot changes and reset', () => {
  it('a new learning rate is used by the next step (bowl: α = 0.5 reaches (1, 2) in one step, as 1 − 2α = 0)', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: onePoint() },
      { type: 'step', count: 1 },
      { type: 'set', path: 'optimizer.alpha', value: 0.5 },
      { type: 'step', count: 1 },
      { type: 'request-frame' },
    );
    const frame = h.last('frame')!;
    expect([...decodeFrame(frame).positions]).toEqual([1, 2]);
    expect(frame.step).toBe(2);
  });

  it('a refused change leaves the run as it was and says which field', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: onePoint() },
      { type: 'set', path: 'optimizer.alpha', value: 0 },
      { type: 'set', path: '__proto__.polluted', value: 1 },
    );
    const errors = h.events.filter((e) => e.type === 'error') as Extract<TrainerEvent, { type: 'error' }>[];
    expect(errors[0].problems).toEqual(['optimizer.alpha: must be a finite number > 0']);
    expect(errors[1].problems[0]).toMatch(/^__proto__\.polluted: is not a field/);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a structural change (the seed) rebuilds the run; reset returns to the same starting cloud', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('rosenbrock')!.scenario }, { type: 'request-frame' });
    const start = decodeFrame(h.last('frame')!).positions;
    await h.send({ type: 'step', count: 10 }, { type: 'reset' }, { type: 'request-frame' });
    expect(decodeFrame(h.last('frame')!).positions).toEqual(start);
    await h.send({ type: 'set', path: 'seed', value: 1 }, { type: 'request-frame' });
    expect(decodeFrame(h.last('frame')!).positions).not.toEqual(start);
    expect(h.last('loaded')!.scenario.seed).toBe(1);
  });

  it('reports checkpoints for the supervisor: the scenario, whether it plays, and the speed', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'speed', stepsPerFrame: 7 }, { type: 'play' });
    expect(h.reports.at(-1)).toMatchObject({ type: 'checkpoint', playing: true, stepsPerFrame: 7, scenario: { name: 'one' } });
  });
});

describe('what the page is shown', () => {
  it('diverged particles keep their last finite place and loss: no NaN or Infinity ever reaches the page', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('regression-eta-0.3')!.scenario }, { type: 'speed', stepsPerFrame: 400 }, { type: 'play' });
    for (let k = 0; k < 6; k++) await h.send({ type: 'request-frame' });
    const frame = h.last('frame')!;
    expect(frame.statuses[0]).toBe(3);
    expect(frame.status).toBe('done');
    const shown = decodeFrame(frame);
    expect([...shown.positions, ...shown.losses].every(Number.isFinite)).toBe(true);
  });

  it('a model with more parameters is shown projected: along two chosen axes, or two random directions', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: findPreset('two-layer-net')!.scenario });
    expect(h.last('loaded')!.axes).toEqual(['W1_1_1', 'W1_1_2']);
    await h.send({ type: 'view', view: { axes: [2, 5] } }, { type: 'request-frame' });
    expect(h.last('loaded')!.axes).toEqual(['W1_2_1', 'W1_3_2']); // a new view is announced
    // The preset's one particle: W1_2_1 = 0.8 and W1_3_2 = 0.5 (notebook 001, cell 4).
    expect([...decodeFrame(h.last('frame')!).positions]).toEqual([Math.fround(0.8), 0.5]);
    await h.send({ type: 'view', view: { random: 3 } }, { type: 'request-frame' });
    expect([...decodeFrame(h.last('frame')!).positions]).toEqual([0, 0]); // the plane passes through the cloud's mean
  });

  it('every frame carries the best particle’s parameters, and those of a selected one', async () => {
    const h = harness();
    const scenario = {
      ...onePoint(),
      init: {
        points: [
          [0, 0],
          [1, 2.5],
          [3, 3],
        ],
      },
    };
    await h.send({ type: 'load', scenario }, { type: 'select', index: 2 }, { type: 'request-frame' });
    // Losses at the start: 5, 0.25, 5 (the bowl at each point, closed form): the best is particle 1.
    expect(h.last('frame')!.best).toEqual({ index: 1, params: Float64Array.of(1, 2.5) });
    expect(h.last('frame')!.selected).toEqual({ index: 2, params: Float64Array.of(3, 3) });
  });

  it('sends the loss surface over the view as float32 values', async () => {
    const h = harness();
    await h.send(
      { type: 'load', scenario: onePoint() },
      {
        type: 'request-surface',
        id: 7,
        resolution: 3,
        range: [
          [0, 2],
          [2, 4],
        ],
      },
    );
    const surface = h.last('surface')!;
    expect(surface.id).toBe(7);
    expect([...surface.values]).toEqual([1, 0, 1, 2, 1, 2, 5, 4, 5]); // (x−1)² + (y−2)² on the 3 × 3 grid
  });
});

describe('replay (seek)', () => {
  const bowl = () => findPreset('bowl-cloud')!.scenario;
  const framed = async (h: ReturnType<typeof harness>, ...commands: (TrainerCommand | Record<string, unknown>)[]) => {
    await h.send(...commands, { type: 'request-frame' });
    return decodeFrame(h.last('frame')!); // coordinates and losses, not codes: equal frames mean equal places
  };

  it('seeks back to step 10 exactly as a fresh run stepped 10 times, and plays on to the original step 30', async () => {
    const fresh = harness();
    const at10 = await framed(fresh, { type: 'load', scenario: bowl() }, { type: 'step', count: 10 });
    const h = harness();
    await h.send({ type: 'load', scenario: bowl() }, { type: 'request-frame' });
    const at30 = await framed(h, { type: 'step', count: 30 });
    expect(h.last('history')).toEqual({ type: 'history', furthest: 30 });
    const seeked = await framed(h, { type: 'seek', step: 10 });
    expect(seeked).toMatchObject({ step: 10, status: 'paused' });
    expect(seeked.positions).toEqual(at10.positions);
    expect(seeked.summary).toEqual(at10.summary);
    expect(h.last('history')!.furthest).toBe(30); // the history beyond stays
    const again = await framed(h, { type: 'step', count: 20 });
    expect(again.step).toBe(30);
    expect(again.positions).toEqual(at30.positions);
    expect(again.summary).toEqual(at30.summary);
  });

  it('makes a hot change again at its step: a seek to 25 matches the original 25 with α changed at 15', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: bowl() }, { type: 'request-frame' }, { type: 'step', count: 15 }, { type: 'request-frame' });
    const at25 = await framed(h, { type: 'set', path: 'optimizer.alpha', value: 0.02 }, { type: 'request-frame' }, { type: 'step', count: 10 });
    expect(at25.step).toBe(25);
    await framed(h, { type: 'step', count: 5 });
    await framed(h, { type: 'seek', step: 5 }); // before the change: the replay must not carry it back
    const seeked = await framed(h, { type: 'seek', step: 25 });
    expect(seeked.step).toBe(25);
    expect(seeked.positions).toEqual(at25.positions);
    // And without the change the positions differ, so the test can tell.
    const plain = harness();
    const plain25 = await framed(plain, { type: 'load', scenario: bowl() }, { type: 'step', count: 25 });
    expect(plain25.positions).not.toEqual(at25.positions);
  });

  it('a step after a seek records a new future: the furthest step drops back, and a seek past it stops there', async () => {
    const h = harness();
    await h.send({ type: 'load', scenario: onePoint() }, { type: 'request-frame' });
    await framed(h, { type: 'step', count: 40 });
    await framed(h, { type: 'seek', step: 20 });
    await framed(h, { type: 'set', path: 'optimizer.alpha', value: 0.05 });
    const after = await framed(h, { type: 'step', count: 2 });
    expect(after.step).toBe(22);
    expect(h.last('history')!.furthest).toBe(22);
    const clamped = await framed(h, { type: 'seek', step: 1000 });
    expect(clamped.step).toBe(22);
  });
});

describe('metrics beyond the training loss', () => {
  it('a classifier’s frames carry its best particle’s held-out loss and accuracies in the summary, a valid event', async () => {
    const { send, frames } = harness();
    const circle: ScenarioInput = {
      version: 1,
      name: 'circle',
      model: { kind: 'mlp', layers: [2, 3, 2], hidden: 'tanh', output: 'softmax' },
      data: { generate: 'circle', n: 40, noise: 0.1, test: 0.25 },
      init: { dist: 'gaussian', mean: Array(17).fill(0), std: 0.5, count: 4 },
      optimizer: { kind: 'adam', alpha: 0.05 },
      epochs: 50,
    };
    await send({ type: 'load', scenario: circle }, { type: 'request-frame' }, { type: 'step', count: 5 }, { type: 'request-frame' });
    const [first, second] = frames();
    for (const frame of [first, second]) {
      expect(messageProblems(eventSchema, frame)).toBeNull();
      expect(Number.isFinite(frame.summary.testLoss)).toBe(true);
      expect(frame.summary.trainAccuracy! * 30).toBeCloseTo(Math.round(frame.summary.trainAccuracy! * 30), 9); // 30 training rows
      expect(frame.summary.testAccuracy! * 10).toBeCloseTo(Math.round(frame.summary.testAccuracy! * 10), 9); // 10 held out
    }
    expect(second.summary.testLoss).not.toBe(first.summary.testLoss);
  });

  it('a surface’s frames have none of them', async () => {
    const { send, frames } = harness();
    await send({ type: 'load', scenario: onePoint() }, { type: 'request-frame' });
    expect(Object.keys(frames()[0].summary)).not.toContain('testLoss');
  });
});
