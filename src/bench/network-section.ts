/**
 * The neuron and the MLP: particle-steps per second of notebook 001's two-layer net (preset `two-layer-net`:
 * 3 inputs, a sigmoid hidden layer of 2, a softmax output of 2) on 200 rows at 10k particles, and of the
 * three-input neuron (notebook 000) on the same rows. The MLP's forward and backward passes run a block
 * of particles at once (src/engine/models/mlp-cloud.ts) in scratch arrays allocated once per model, so a
 * step allocates nothing; the section checks that by the heap, which must not grow across the timed steps.
 */
import { Random } from '../engine/random';
import { findPreset } from '../shared/presets';
import type { ScenarioInput } from '../shared/scenario';
import { inChild, registerTask } from './child';
import type { ModuleSection } from './section';
import { formatCell } from './table';
import { benchDescent, fastest, sizeLabel } from './timing';

const rows = 200;
const particles = 10_000;

/** 200 rows of three inputs in [0, 1) (the preset's one row is [0.29, 0.11, 0.8]), one-hot targets. */
function data(outputs: 'one-hot' | 'value') {
  const random = new Random(7);
  const x = Array.from({ length: rows }, () => [random.uniform(), random.uniform(), random.uniform()]);
  const y = x.map(([a, b, c]) => (outputs === 'one-hot' ? (a + b > c ? [1, 0] : [0, 1]) : [0.5 * a - 0.2 * b + c]));
  return { x, y };
}

function scenarioOf(model: 'two-layer-net' | 'neuron'): ScenarioInput {
  if (model === 'two-layer-net') {
    const preset = findPreset('two-layer-net')!.scenario;
    const start = (preset.init as { points: number[][] }).points[0];
    return { ...preset, data: data('one-hot'), init: { dist: 'gaussian', mean: start, std: 0.5, count: particles }, epochs: 1_000_000 };
  }
  return {
    version: 1,
    model: { kind: 'neuron' },
    data: data('value'),
    init: { dist: 'gaussian', mean: [0.1, 0.2, -0.1], std: 0.5, count: particles },
    optimizer: { kind: 'gd', alpha: 0.1 },
    epochs: 1_000_000,
  };
}

type Case = 'two-layer-net' | 'neuron' | 'two-layer-net, after tanh and relu nets';

/** Steps small tanh and relu versions of the net first, as a session that tries the activations does. */
async function tryOtherActivations(): Promise<void> {
  for (const hidden of ['tanh', 'relu'] as const) {
    const base = scenarioOf('two-layer-net');
    const d = await benchDescent({
      ...base,
      model: { ...(base.model as object), hidden } as ScenarioInput['model'],
      init: { ...(base.init as object), count: 1000 } as ScenarioInput['init'],
    });
    for (let k = 0; k < 20; k++) d.advance();
  }
}

async function measure(which: Case): Promise<{ seconds: number; steps: number; heapGrowth: number; params: number }> {
  const model = which === 'neuron' ? 'neuron' : 'two-layer-net';
  if (which !== model) await tryOtherActivations();
  const d = await benchDescent(scenarioOf(model));
  const steps = 2;
  const gc = (globalThis as { gc?: () => void }).gc!; // the child runs with --expose-gc
  d.advance(); // the first step's one-off allocations (the batch order) are not the steps'
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [seconds] = fastest(3, [
    () => {
      for (let k = 0; k < steps; k++) d.advance();
    },
  ]);
  gc();
  return { seconds, steps, heapGrowth: process.memoryUsage().heapUsed - heapBefore, params: d.paramCount };
}
registerTask('network', measure);

export const networkSection: ModuleSection = {
  id: 'network',
  title: 'Neuron and MLP',
  async run({ log }) {
    const out: (string | number)[][] = [];
    for (const model of ['two-layer-net', 'neuron', 'two-layer-net, after tanh and relu nets'] as const) {
      const { seconds, steps, heapGrowth, params } = await inChild<Awaited<ReturnType<typeof measure>>>('network', model, ['--expose-gc']);
      out.push([model, params, rows, sizeLabel(particles), (particles * steps) / seconds, (particles * steps * rows) / seconds, Math.round(heapGrowth / 1024)]);
      log(`  ${out.at(-1)!.map(formatCell).join('  ')}`);
    }
    return {
      columns: ['model', 'parameters', 'rows', 'particles', 'particle-steps/s', 'row passes/s', 'heap growth KiB'],
      rows: out,
      notes: [
        'Full batch of 200 rows, gd; processor time, the fastest of 3 runs of 2 steps after a warm-up, in a fresh process.',
        '"after tanh and relu nets": in a process that first stepped the net with the other hidden activations (V8 keeps one call target per call site; src/engine/activations.ts).',
        'A row pass is one row forward and backward for one particle. Heap growth: the heap after the 8 timed steps less the heap before them, both after a full GC (10k particles allocating even 8 bytes a step would show 625 KiB).',
      ],
    };
  },
};
