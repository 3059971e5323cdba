/** The page's control surface against a real Trainer in-process, with a stand-in for the page's frame loop. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { type LabEvents } from './lab';
import { wiredLab } from './wired-lab.testing';

const wired = () => wiredLab();

describe('Lab', () => {
  it('continueRun at "done" raises the epochs by as many again and plays on; with every particle stopped it does nothing', async () => {
    const { lab } = wired();
    await lab.load('bowl'); // one particle, 100 epochs, no tolerance: still moving at the end
    expect(lab.canContinue()).toBe(false);
    await lab.step(100);
    expect(lab.state().status).toBe('done');
    const accepted: string[] = [];
    lab.events.on('accepted', (path) => accepted.push(path));
    expect(lab.canContinue()).toBe(true);
    await lab.continueRun(false);
    expect(accepted).toEqual(['epochs']);
    expect(lab.state().scenario!.epochs).toBe(200);
    expect(lab.state().status).toBe('paused');
    await lab.step(100);
    expect(lab.state()).toMatchObject({ epoch: 200, status: 'done' });
    // regression-eta-0.3 diverges (its one particle stops): nothing to continue.
    await lab.load('regression-eta-0.3');
    await lab.step(1000);
    expect(lab.state()).toMatchObject({ status: 'done', summary: { running: 0 } });
    expect(lab.canContinue()).toBe(false);
    await lab.continueRun();
    expect(lab.state().scenario!.epochs).toBe(findPreset('regression-eta-0.3')!.scenario.epochs);
  });

  it('state().loaded is false until the trainer has loaded a scenario, and again after a restart until the new one has', async () => {
    const { lab } = wired();
    expect(lab.state().loaded).toBe(false);
    await lab.load('bowl');
    expect(lab.state().loaded).toBe(true);
    lab.restarted('The trainer stopped answering and was restarted with your scenario, paused.');
    expect(lab.state().loaded).toBe(false);
    await lab.load('bowl');
    expect(lab.state().loaded).toBe(true);
  });

  it('a long step shows its progress in state().stepping, and pause() cancels it: the call rejects, the steps taken stay', async () => {
    const { lab } = wired();
    // 2,000 particles that never stop (no tolerance): a million steps take far longer than one progress report.
    await lab.load({
      ...findPreset('bowl-cloud')!.scenario,
      name: 'long',
      init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: 2000 },
      tolerance: null,
      epochs: 10_000_000,
    });
    const seen: { done: number; count: number }[] = [];
    lab.events.on('progress', () => {
      if (seen.push(lab.state().stepping!) === 1) lab.pause();
    });
    const error = await lab.step(1_000_000).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^the steps were cancelled by a pause:\n {2}step: \d+ of 1000000 steps were taken$/);
    expect(seen[0].count).toBe(1_000_000);
    const taken = Number(/step: (\d+) of/.exec(error!.message)![1]);
    expect(taken).toBeGreaterThanOrEqual(seen[0].done);
    await lab.step(1); // the frame after it
    expect(lab.state()).toMatchObject({ step: taken + 1, stepping: null, status: 'paused' });
  }, 30_000);

  it('steps the notebook’s bowl 100 times: epoch 100, loss ((0.8^100)·|(1, 2)|)² ≈ 2.07e-19', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    expect(lab.state()).toMatchObject({ name: 'bowl', epoch: 0, status: 'paused' });
    await lab.step(100);
    const state = lab.state();
    expect(state).toMatchObject({ epoch: 100, step: 100, status: 'done' });
    // Closed form (notebook 002, cells 7–10): each step shrinks the distance to (1, 2) by 0.8.
    expect(state.summary.bestLoss).toBeLessThan(1e-18);
    expect(state.summary.bestLoss).toBeCloseTo(0.8 ** 200 * 5, 21);
  });

  it('hears the furthest step of the history from the trainer, also when a step forward forgets a future', async () => {
    const { lab } = wired();
    const told: number[] = [];
    lab.events.on('history', (furthest) => told.push(furthest));
    await lab.load('bowl');
    await lab.step(10);
    await lab.seek(4);
    await lab.step(1); // from step 4: the trainer forgets steps 6–10, so its history now ends at 5
    expect(told.at(-1)).toBe(5);
    expect(told).toContain(10);
  });

  it('resolves step with the frame after the steps, however many were asked at once', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    await Promise.all([lab.step(3), lab.step(4)]);
    expect(lab.state().epoch).toBe(7);
  });

  it('rejects a refused change with the trainer’s problem, and keeps the run as it was', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    await expect(lab.set('optimizer.alpha', 0)).rejects.toThrow(/optimizer\.alpha: must be a finite number > 0/);
    expect(lab.state().scenario?.optimizer).toMatchObject({ alpha: 0.1 });
  });

  it('keeps its copy of the scenario in step with a hot change', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    await lab.set('optimizer.alpha', 0.3);
    expect(lab.state().scenario?.optimizer).toMatchObject({ kind: 'gd', alpha: 0.3 });
  });

  it('rejects a bad scenario naming the field, before sending anything', async () => {
    const { lab, sent } = wired();
    const bad = {
      version: 1,
      name: 'bad',
      model: { kind: 'surface', fn: 'bowl' },
      init: { points: [[0, 0]] },
      optimizer: { kind: 'gd', alpah: 0.1 },
      epochs: 10,
    };
    await expect(lab.load(bad)).rejects.toThrow(/optimizer/);
    await expect(lab.load('no-such-preset')).rejects.toThrow(/no preset named "no-such-preset"[\s\S]*bowl-cloud/);
    expect(sent).toEqual([]);
  });

  it('rejects a step count that is not a positive integer', async () => {
    const { lab } = wired();
    await expect(lab.step(0)).rejects.toThrow('step: n must be an integer from 1 to 1000000, not 0');
    await expect(lab.step(1.5)).rejects.toThrow(/not 1.5/);
  });

  it('resets to the start of the scenario', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    await lab.step(5);
    await lab.reset();
    expect(lab.state()).toMatchObject({ epoch: 0, step: 0 });
  });

  it('plays a diverging regression to done: one particle diverged, no finite loss left', async () => {
    const { lab } = wired();
    await lab.load('regression-eta-0.3');
    const done = new Promise<void>((resolve) => lab.events.on('change', (state) => state.status === 'done' && resolve()));
    lab.speed(100);
    lab.play();
    await done;
    expect(lab.state().summary).toMatchObject({ count: 1, diverged: 1, running: 0 });
  });

  it('reports a trainer error that answers none of its calls as a problem', async () => {
    const { lab } = wired();
    const problems: LabEvents['problem'][] = [];
    lab.events.on('problem', (problem) => problems.push(problem));
    lab.play(); // nothing is loaded yet
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(problems.map((p) => p.heading)).toEqual(['nothing is loaded yet: "play" needs a scenario']);
  });

  it('rejects every call once the trainer is lost, with its reason', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    lab.lost('The trainer stopped three times in five minutes.');
    await expect(lab.step()).rejects.toThrow('three times');
  });
});

describe('Lab: surfaces, views and selection', () => {
  it('requestSurface resolves with the grid over the view (the bowl (x−1)² + (y−2)² at its corners, closed form)', async () => {
    const { lab } = wired();
    await lab.load('bowl');
    const surface = await lab.requestSurface(2, [
      [0, 2],
      [2, 4],
    ]);
    expect([...surface.values]).toEqual([1, 1, 5, 5]);
  });

  it('setView announces the new axes; select brings that particle’s parameters with each frame', async () => {
    const { lab } = wired();
    const frames: { selected: unknown }[] = [];
    const axes: string[][] = [];
    lab.events.on('frame', (frame) => frames.push(frame));
    lab.events.on('loaded', (event) => axes.push(event.axes));
    await lab.load('two-layer-net');
    await lab.setView({ axes: [12, 13] });
    expect(axes.at(-1)).toEqual(['b2_1', 'b2_2']);
    await lab.select(0);
    expect(frames.at(-1)!.selected).toMatchObject({ index: 0 });
    await expect(lab.setView({ axes: [0, 99] })).rejects.toThrow(/view\.axes/);
  });
});

describe('Lab: a lost trainer', () => {
  it('emits lost with the reason, and every call then rejects with it', async () => {
    const { lab } = wired();
    const heard: string[] = [];
    lab.events.on('lost', (reason) => heard.push(reason));
    lab.lost('The trainer crashed 3 times in 5 minutes.');
    expect(heard).toEqual(['The trainer crashed 3 times in 5 minutes.']);
    await expect(lab.load('bowl')).rejects.toThrow('crashed 3 times');
  });
});
