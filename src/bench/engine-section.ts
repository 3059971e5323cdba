/**
 * Engine stepping: particle-steps per second of Descent.advance on the bowl and Rosenbrock with gd and
 * adam, beside the floor (./engine-floor.ts): the same arithmetic in one fused loop with nothing else. The
 * engine also checks every loss and new value for divergence and walks the cloud in blocks, so the ratio is
 * what those and its modularity cost. Each case runs in a fresh process (./child.ts), and two cases run
 * again after every surface has been stepped in the process, as in a long session. Goal: ≥ 0.7 at 1M
 * particles, those two included.
 */
import { inChild, registerTask } from './child';
import { floors, floorState } from './engine-floor';
import type { ModuleSection } from './section';
import { formatCell } from './table';
import { surfaceNames } from '../engine/surfaces';
import { benchDescent, fastest, sizeLabel } from './timing';

type SurfaceKind = keyof typeof floors;
type OptimizerKind = 'gd' | 'adam';
interface Case {
  surface: SurfaceKind;
  kind: OptimizerKind;
  n: number;
  /** Step every named surface first, as a session that visits them all does (see `visitAll`). */
  visited?: boolean;
}

const sizes = [10_000, 100_000, 1_000_000];
/** Particle-steps per timed run: long enough to swamp the timer, short enough for the five-minute bench. */
const work = 6_000_000;
const repeats = 5;
/** Learning rates at which no particle of the cloud diverges (a diverged particle stops, skewing the rate). */
const alpha: Record<SurfaceKind, Record<OptimizerKind, number>> = { bowl: { gd: 0.01, adam: 0.01 }, rosenbrock: { gd: 1e-4, adam: 0.001 } };

/**
 * Steps a small cloud of every named surface with the optimizer, as a session that tours the presets does.
 * V8 stops inlining a call once it has seen a second target: a loop shared by all surfaces would from then
 * on call its kernel through, at a quarter of the speed (src/engine/surface-steps.ts).
 */
async function visitAll(kind: OptimizerKind): Promise<void> {
  for (const fn of surfaceNames) {
    const d = await benchDescent({
      version: 1,
      model: { kind: 'surface', fn },
      init: { dist: 'gaussian', mean: [0.5, 0.5], std: 0.1, count: 10_000 },
      optimizer: { kind, alpha: 1e-4 },
      epochs: 1_000_000,
      seed: 1,
    });
    for (let k = 0; k < 50; k++) d.advance();
  }
}

/** One case, in a child: seconds of the fastest engine run and of the fastest floor run of `steps` steps. */
async function measure({ surface, kind, n, visited }: Case): Promise<{ steps: number; engine: number; floor: number }> {
  if (visited) await visitAll(kind);
  const d = await benchDescent({
    version: 1,
    model: { kind: 'surface', fn: surface },
    init: { dist: 'gaussian', mean: surface === 'bowl' ? [-2, 4] : [-1, 1.5], std: 0.3, count: n },
    optimizer: { kind, alpha: alpha[surface][kind] },
    epochs: 1_000_000,
    seed: 1,
  });
  const state = floorState(d.params, n);
  const floorStep = floors[surface][kind];
  const lr = alpha[surface][kind];
  const steps = Math.max(3, Math.round(work / n));
  const [engine, floor] = fastest(repeats, [
    () => {
      for (let k = 0; k < steps; k++) d.advance();
    },
    () => {
      for (let k = 0; k < steps; k++) floorStep(state, lr);
    },
  ]);
  if (d.diverged || d.converged) throw new Error(`${surface} ${kind} ${n}: ${d.diverged} diverged, ${d.converged} converged; the rates would be skewed`);
  return { steps, engine, floor };
}
registerTask('engine-stepping', measure);

export const engineSection: ModuleSection = {
  id: 'engine',
  title: 'Engine stepping',
  async run({ log }) {
    const rows: (string | number)[][] = [];
    let worst = Infinity;
    for (const surface of ['bowl', 'rosenbrock'] as const) {
      for (const kind of ['gd', 'adam'] as const) {
        for (const n of sizes) {
          const { steps, engine, floor } = await inChild<Awaited<ReturnType<typeof measure>>>('engine-stepping', { surface, kind, n });
          const ratio = floor / engine;
          if (n === sizes.at(-1)) worst = Math.min(worst, ratio);
          rows.push([surface, kind, sizeLabel(n), (n * steps) / engine, (n * steps) / floor, Math.round(ratio * 100) / 100]);
          log(`  ${rows.at(-1)!.map(formatCell).join('  ')}`);
        }
      }
    }
    for (const kind of ['gd', 'adam'] as const) {
      const n = sizes.at(-1)!;
      const { steps, engine, floor } = await inChild<Awaited<ReturnType<typeof measure>>>('engine-stepping', { surface: 'bowl', kind, n, visited: true });
      worst = Math.min(worst, floor / engine);
      rows.push(['bowl, after all 8', kind, sizeLabel(n), (n * steps) / engine, (n * steps) / floor, Math.round((floor / engine) * 100) / 100]);
      log(`  ${rows.at(-1)!.map(formatCell).join('  ')}`);
    }
    return {
      columns: ['surface', 'optimizer', 'particles', 'engine steps/s', 'floor steps/s', 'ratio'],
      rows,
      notes: [
        `Particle-steps per second of processor time, the fastest of ${repeats} interleaved runs of ${work.toLocaleString('en-US')} particle-steps each, every case in a fresh process.`,
        'Floor: one fused hand-written loop (loss, gradient, update); the engine also checks every loss and new value for divergence, and walks the cloud in blocks that can each leave the fused loop.',
        `Goal ≥ 0.7 at 1M particles: worst ${worst.toFixed(2)} (${worst >= 0.7 ? 'met' : 'not met'}).`,
        '"after all 8": the same case in a process that first stepped every named surface, as a session touring the presets does (src/engine/surface-steps.ts says why that once cost a factor of four).',
      ],
    };
  },
};
