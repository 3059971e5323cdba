/**
 * Steps handed to blocks (./block-steps.ts) against the same steps taken by one descent: the lead and its
 * blocks take turns, settings change hot (the optimizer's kind among them, so its state arrays are made
 * anew), the patience rule is switched on, and the lead is set back to a snapshot, as the trainer does. Every
 * per-particle array, the summary, step and epoch must be the same bits for 1, 2 and 3 blocks. The blocks
 * are stepped one after another here (the trainer's threads run the same calls: src/trainer/pool/); the
 * expected values are the single descent's own, which the engine's other tests hold to the references.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioInput } from '../../shared/scenario';
import { hotSettingsOf } from '../../shared/settings';
import { createDescent } from '../build';
import type { Descent } from '../descent';
import { adoptSteps, leadOrder, sharedBuffersOf, stepBlock } from './block-steps';
import { AttachedMemory, SharedMemory, type SharedBuffers } from './memory';
import { splitBlocks } from './split';
import { base64Of, presetEdited, scenarioOf } from '../testing';

function fingerprint(d: Descent) {
  const arrays = Object.fromEntries(Object.entries(d.namedArrays).map(([key, array]) => [key, base64Of(array)]));
  return { arrays, summary: d.summary(), step: d.step, epoch: d.epoch, settings: JSON.stringify(d.hotSettings) };
}

/** What happens to the run, in order: steps by the blocks, steps by the lead, a hot change, a seek back. */
type Action = { blocks: number } | { lead: number } | { set: (s: Scenario) => Record<string, unknown> } | 'snapshot' | 'restore';

/** The lead over the whole cloud in shared memory and `threads` block descents, each with its own view of the buffers. */
async function split(s: Scenario, threads: number) {
  const lead = await createDescent(s, { memory: new SharedMemory() });
  const blocks = await Promise.all(
    splitBlocks(lead.n, threads).map(async (block) => {
      const memory: SharedBuffers = { ...sharedBuffersOf(lead)! };
      return { memory, descent: await createDescent(s, { memory: new AttachedMemory(memory), ...block }) };
    }),
  );
  return { lead, blocks };
}

async function play(s: Scenario, actions: Action[], threads: number | null) {
  const run = threads === null ? { lead: await createDescent(s), blocks: [] } : await split(s, threads);
  const { lead } = run;
  let kept = lead.snapshot();
  let current = s;
  for (const action of actions) {
    if (action === 'snapshot') kept = lead.snapshot();
    else if (action === 'restore') lead.restore(kept);
    else if ('set' in action) lead.configure(hotSettingsOf((current = scenarioOf(action.set(current) as unknown as ScenarioInput))));
    else if ('lead' in action) for (let k = 0; k < action.lead; k++) lead.advance();
    else if (threads === null) for (let k = 0; k < action.blocks && lead.running > 0 && lead.epoch < s.epochs; k++) lead.advance();
    else {
      const order = leadOrder(lead, action.blocks, s.epochs);
      if (!order) throw new Error('the lead has an array that is not shared');
      adoptSteps(
        lead,
        run.blocks.map(({ descent, memory }) => stepBlock(descent, memory, order)),
      );
    }
  }
  return fingerprint(lead);
}

const alpha = (value: number) => (s: Scenario) => ({ ...s, optimizer: { ...s.optimizer, alpha: value } });

describe('steps handed to blocks', () => {
  it.each<[string, Scenario, Action[]]>([
    // Adam on Rosenbrock (the fused surface loops), a rate change, then momentum: new state arrays.
    [
      'rosenbrock: adam, a new rate, then momentum',
      presetEdited('rosenbrock'),
      [
        { blocks: 7 },
        { lead: 2 },
        { set: alpha(0.02) },
        { blocks: 5 },
        'snapshot',
        { blocks: 9 },
        { set: (s) => ({ ...s, optimizer: { kind: 'momentum', alpha: 0.001, beta: 0.9 } }) },
        { blocks: 6 },
        'restore',
        { blocks: 4 },
      ],
    ],
    // Mini-batches of a linear model (the batch order travels with each order), patience switched on midway.
    [
      'noisy line: mini-batches, patience switched on, a seek back',
      presetEdited('noisy-line-minibatch', (x) => (x.init = { dist: 'gaussian', mean: [4, 4], std: 2, count: 37 })),
      [
        { blocks: 3 },
        'snapshot',
        { blocks: 4 },
        { set: (s) => ({ ...s, stop: { ...s.stop, patience: 3, minDelta: 1e-2 } }) },
        { blocks: 30 },
        'restore',
        { lead: 1 },
        { blocks: 25 },
      ],
    ],
    // Gradient descent too fast for Rosenbrock's walls: particles diverge on the blocks, then on the lead's own
    // steps, then a seek brings them back (each block must count its stopped particles again only then).
    [
      'rosenbrock at a rate its walls throw off: divergence on the blocks and on the lead, a seek back',
      presetEdited('rosenbrock', (x) => (x.optimizer = { kind: 'gd', alpha: 0.004 })),
      [{ blocks: 1 }, 'snapshot', { blocks: 8 }, { lead: 3 }, 'restore', { blocks: 3 }, { lead: 3 }, { blocks: 12 }],
    ],
  ])('%s: the same bits for 1, 2 and 3 blocks', async (name, s, actions) => {
    const expected = await play(s, actions, null);
    expect(expected.step).toBeGreaterThan(10);
    // The fast-rate case must stop some particles and not others, or it would prove nothing of the counts.
    if (name.startsWith('rosenbrock at a rate')) expect([expected.summary.diverged > 0, expected.summary.running > 0]).toEqual([true, true]);
    for (const threads of [1, 2, 3]) expect(await play(s, actions, threads)).toEqual(expected);
  });

  it('stops where the epochs end, as the lead stepping alone would', async () => {
    const s = presetEdited('bowl', (x) => (x.epochs = 5));
    expect(await play(s, [{ blocks: 50 }], 2)).toEqual(await play(s, [{ blocks: 50 }], null));
    expect((await play(s, [{ blocks: 50 }], 2)).step).toBe(5);
  });

  it('an order needs every array of the lead shared: a descent in ordinary memory gets none', async () => {
    expect(leadOrder(await createDescent(presetEdited('bowl')), 1, 10)).toBeNull();
  });
});
