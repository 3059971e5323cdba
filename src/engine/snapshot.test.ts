/** Snapshot and restore: stepping on from a restored snapshot repeats the original run bit for bit. */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../shared/scenario';
import type { Descent } from './descent';
import { History, historyBudget, historyBudgetFor, snapshotBytes, snapshotBytesOf } from './snapshot';
import { descentOf } from './testing';

/** 40 rows in batches of 8, shuffled: a snapshot at step 37 falls mid-epoch, with a used generator. */
const shuffledCloud: ScenarioInput = {
  version: 1,
  model: { kind: 'linear', bias: true },
  data: { generate: 'line', n: 40, xmin: 0, xmax: 1, slope: 2, intercept: 1, noise: 0.3 },
  init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 50 },
  optimizer: { kind: 'momentum', alpha: 0.05 },
  batch: { size: 8, shuffle: true },
  epochs: 100,
  seed: 11,
};

const adamRosenbrock: ScenarioInput = {
  version: 1,
  model: { kind: 'surface', fn: 'rosenbrock' },
  init: { dist: 'gaussian', mean: [-1, 1], std: 0.5, count: 64 },
  optimizer: { kind: 'adam', alpha: 0.01 },
  epochs: 1000,
  seed: 3,
};

function steps(d: Descent, count: number): void {
  for (let k = 0; k < count; k++) d.advance();
}

const bytesOf = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Runs 37 steps, snapshots, runs 50 more (A); restores and runs the same 50 again (B). */
async function replayed(input: ScenarioInput, between?: (d: Descent) => void) {
  const d = await descentOf(input);
  steps(d, 37);
  const snapshot = d.snapshot();
  between?.(d);
  steps(d, 50);
  const a = { params: d.params.slice(), loss: d.loss.slice(), status: d.status.slice(), step: d.step, epoch: d.epoch };
  d.restore(snapshot);
  between?.(d);
  steps(d, 50);
  return { a, b: d };
}

describe('snapshot and restore', () => {
  it.each([
    ['a shuffled mini-batch linear cloud with momentum', shuffledCloud],
    ['adam on rosenbrock', adamRosenbrock],
  ])('%s: the steps after a restore are bit-identical to those after the snapshot', async (_, input) => {
    const { a, b } = await replayed(input);
    expect(bytesOf(b.params).equals(bytesOf(a.params))).toBe(true);
    expect(bytesOf(b.loss).equals(bytesOf(a.loss))).toBe(true);
    expect(bytesOf(b.status).equals(bytesOf(a.status))).toBe(true);
    expect([b.step, b.epoch]).toEqual([a.step, a.epoch]);
    expect(a.step).toBe(87);
  });

  it('restores the hot settings too: a change made after the snapshot is undone by the restore', async () => {
    const d = await descentOf(shuffledCloud);
    steps(d, 37);
    const snapshot = d.snapshot();
    d.configure({ optimizer: { ...d.hotSettings.optimizer, alpha: 0.2 }, batch: { ...d.hotSettings.batch, size: 5 } });
    steps(d, 10);
    d.restore(snapshot);
    expect(d.hotSettings.optimizer.alpha).toBe(0.05);
    steps(d, 50);
    const fresh = await descentOf(shuffledCloud);
    steps(fresh, 87);
    expect(bytesOf(d.params).equals(bytesOf(fresh.params))).toBe(true);
  });

  it('a snapshot is a copy: stepping on does not change it, and it can be restored twice', async () => {
    const { a } = await replayed(shuffledCloud);
    const d = await descentOf(shuffledCloud);
    steps(d, 37);
    const snapshot = d.snapshot();
    for (let round = 0; round < 2; round++) {
      d.restore(snapshot);
      steps(d, 50);
      expect(bytesOf(d.params).equals(bytesOf(a.params))).toBe(true);
    }
  });

  it('counts its bytes: params, losses, status, reasons, stopping steps, optimizer state and row order', async () => {
    const d = await descentOf(shuffledCloud);
    // 50 particles × 2 params × 8 (params) + 2 × 50 × 8 (losses) + 50 (status) + 50 (reason) + 50 × 4 (stopping
    // step) + 100 × 8 (velocity) + 40 × 4 (order).
    expect(snapshotBytes(d.snapshot())).toBe(800 + 800 + 50 + 50 + 200 + 800 + 160);
    // The patience rule keeps each particle's best loss and steps waited: 50 × (8 + 4) more.
    d.configure({ stop: { ...d.hotSettings.stop, patience: 5 } });
    expect(snapshotBytes(d.snapshot())).toBe(800 + 800 + 50 + 50 + 200 + 800 + 160 + 600);
    expect(snapshotBytesOf(d)).toBe(snapshotBytes(d.snapshot()));
  });
});

describe('history', () => {
  it('stays within its budget by thinning, and still replays every step exactly', async () => {
    const d = await descentOf(shuffledCloud);
    const perSnapshot = snapshotBytes(d.snapshot());
    const history = new History<null>(perSnapshot * 10);
    history.begin(d, null);
    const recorded: Float64Array[] = [d.params.slice()];
    for (let k = 0; k < 200; k++) {
      d.advance();
      history.stepped(d, null);
      recorded.push(d.params.slice());
      expect(history.heldBytes).toBeLessThanOrEqual(perSnapshot * 10);
    }
    expect(history.spacing).toBeGreaterThan(1);
    const none = { restored: () => {}, changed: () => {} };
    for (const step of [0, 1, 37, 128, 199, 200]) {
      expect(history.seek(d, step, none)).toBe(step);
      expect(bytesOf(d.params).equals(bytesOf(recorded[step]))).toBe(true);
    }
  });
});

describe('a replay in pieces', () => {
  /** A history of 60 steps with α changed at 20 and at 45 (tags: the α in force), and each step's parameters. */
  async function recordedRun() {
    const d = await descentOf(shuffledCloud);
    // No room for a snapshot: every replay runs from step 0, rebuilt from the scenario, through both changes.
    const history = new History<number>(snapshotBytes(d.snapshot()) - 1);
    history.begin(d, 0.05);
    const setAlpha = (alpha: number) => d.configure({ optimizer: { ...d.hotSettings.optimizer, alpha } });
    const recorded: Float64Array[] = [d.params.slice()];
    for (let k = 1; k <= 60; k++) {
      d.advance();
      history.stepped(d, d.hotSettings.optimizer.alpha);
      recorded.push(d.params.slice());
      if (k === 20 || k === 45) {
        const alpha = k === 20 ? 0.01 : 0.2;
        setAlpha(alpha);
        history.changed(k, alpha);
      }
    }
    // A snapshot holds the settings in force: `restored` has nothing to do; a logged change is made again.
    const hooks = { restored: () => {}, changed: setAlpha };
    return { d, history, recorded, hooks };
  }

  it('stopped part way, the descent is at a recorded step exactly, with the changes up to it made again', async () => {
    const { d, history, recorded, hooks } = await recordedRun();
    const replay = history.replay(d, 55, hooks);
    expect(replay.target).toBe(55);
    expect([d.step, replay.count]).toEqual([0, 55]);
    while (d.step < 30) expect(replay.step()).toBe(true);
    expect(bytesOf(d.params).equals(bytesOf(recorded[30]))).toBe(true);
    expect(d.hotSettings.optimizer.alpha).toBe(0.01); // the change at 20, and not yet the one at 45
  });

  it('taken step by step to the end, it reaches the same place as a seek, and then refuses another step', async () => {
    const { d, history, recorded, hooks } = await recordedRun();
    const replay = history.replay(d, 1000, hooks); // clamped to the furthest step, 60
    expect(replay.target).toBe(60);
    let taken = 0;
    while (replay.step()) taken++;
    expect(taken).toBe(replay.count);
    expect(d.step).toBe(60);
    expect(bytesOf(d.params).equals(bytesOf(recorded[60]))).toBe(true);
    expect(d.hotSettings.optimizer.alpha).toBe(0.2);
    expect(replay.step()).toBe(false);
    expect(d.step).toBe(60);
  });
});

describe('step 0 rebuilt from the scenario', () => {
  it.each([
    ['a shuffled mini-batch linear cloud with momentum', shuffledCloud],
    ['adam on rosenbrock', adamRosenbrock],
  ])('%s: restart, then the same steps as a fresh run, bit for bit', async (_, input) => {
    const d = await descentOf(input);
    steps(d, 40);
    d.configure({ optimizer: { ...d.hotSettings.optimizer, alpha: 0.2 }, tolerance: 1e-3 });
    steps(d, 10);
    d.restart();
    expect([d.step, d.epoch, d.converged, d.diverged]).toEqual([0, 0, 0, 0]);
    expect(d.hotSettings.optimizer.alpha).toBe(d.scenario.optimizer.alpha);
    steps(d, 87);
    const fresh = await descentOf(input);
    steps(fresh, 87);
    expect(bytesOf(d.params).equals(bytesOf(fresh.params))).toBe(true);
    expect(bytesOf(d.loss).equals(bytesOf(fresh.loss))).toBe(true);
    expect(bytesOf(d.status).equals(bytesOf(fresh.status))).toBe(true);
  });

  it('a history keeps no bytes for step 0 and still seeks to it and past it exactly', async () => {
    const d = await descentOf(shuffledCloud);
    const history = new History<null>();
    history.begin(d, null);
    expect(history.heldBytes).toBe(0);
    const recorded: Float64Array[] = [d.params.slice()];
    for (let k = 0; k < 30; k++) {
      d.advance();
      history.stepped(d, null);
      recorded.push(d.params.slice());
    }
    const none = { restored: () => {}, changed: () => {} };
    for (const step of [0, 13, 30, 0]) {
      expect(history.seek(d, step, none)).toBe(step);
      expect(bytesOf(d.params).equals(bytesOf(recorded[step]))).toBe(true);
    }
  });

  it('says the step after which it keeps its next snapshot: the same steps taken in one go keep what step by step keeps', async () => {
    // Steps taken in one go by threads (the trainer, issue 17) stop at `nextKeep`, then call `stepped` once.
    const d = await descentOf(adamRosenbrock);
    const byStep = new History(snapshotBytesOf(d) * 4); // room for four snapshots: the spacing grows past them
    byStep.begin(d, 0);
    for (let k = 0; k < 40; k++) {
      const next = byStep.nextKeep(d);
      const before = byStep.snapshotCount;
      d.advance();
      byStep.stepped(d, 0);
      // Every step short of `next` keeps nothing; the step at `next` keeps one (a dropped one makes room).
      if (d.step < next) expect(byStep.snapshotCount).toBe(before);
    }
    const inGoes = await descentOf(adamRosenbrock);
    const history = new History(snapshotBytesOf(inGoes) * 4);
    history.begin(inGoes, 0);
    while (inGoes.step < 40) {
      steps(inGoes, Math.min(history.nextKeep(inGoes), 40) - inGoes.step);
      history.stepped(inGoes, 0);
    }
    expect(history.spacing).toBeGreaterThan(1);
    expect(history.spacing).toBe(byStep.spacing);
    expect(history.snapshotCount).toBe(byStep.snapshotCount);
    expect(history.heldBytes).toBe(byStep.heldBytes);
    expect(new History(1).nextKeep(inGoes)).toBe(inGoes.step); // nothing kept yet: a snapshot now
  });

  it('takes no snapshot bigger than its budget, and replays from step 0 instead', async () => {
    const d = await descentOf(adamRosenbrock);
    const history = new History<null>(snapshotBytes(d.snapshot()) - 1);
    history.begin(d, null);
    const recorded: Float64Array[] = [d.params.slice()];
    for (let k = 0; k < 40; k++) {
      d.advance();
      history.stepped(d, null);
      recorded.push(d.params.slice());
    }
    expect([history.heldBytes, history.snapshotCount]).toEqual([0, 1]);
    const none = { restored: () => {}, changed: () => {} };
    for (const step of [17, 40, 3]) {
      expect(history.seek(d, step, none)).toBe(step);
      expect(bytesOf(d.params).equals(bytesOf(recorded[step]))).toBe(true);
    }
  });

  it.each([
    ['momentum, 40 rows', shuffledCloud],
    ['adam, a surface', adamRosenbrock],
  ])('knows the size of a snapshot before taking it (%s)', async (_, input) => {
    const d = await descentOf(input);
    d.advance();
    expect(snapshotBytesOf(d)).toBe(snapshotBytes(d.snapshot()));
  });

  it('gives a million Adam particles no room for a snapshot beside the trainer’s arrays, and a small cloud the whole 64 MiB', async () => {
    const million = await descentOf({ ...adamRosenbrock, init: { dist: 'gaussian', mean: [-1, 1], std: 0.5, count: 1_000_000 } });
    // The cloud: 1M × (2 params + 2 + 2 Adam moments) × 8 + 2 losses × 8 + 1 status + 1 reason + 4 (stopping
    // step) = 70 MB (no gradient until a step takes the separate passes; no third array without AMSGrad).
    expect(million.bytes).toBe(70_000_000);
    const budget = historyBudgetFor(million.bytes + 48 * million.n); // as the trainer asks (src/trainer/trainer.ts)
    expect(budget).toBeLessThan(snapshotBytesOf(million));
    expect(historyBudgetFor((await descentOf(adamRosenbrock)).bytes)).toBe(historyBudget);
  });
});
