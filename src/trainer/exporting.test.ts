import { describe, expect, it } from 'vitest';
import { createDescent } from '../engine/build';
import { reasonNames, statusNames } from '../engine/descent';
import { findPreset } from '../shared/presets';
import type { Scenario } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { exportOptionProblems, lossCurveText, trajectoryChunks, type TrajectoryRequest } from './exporting';

function scenarioOf(input: unknown): Scenario {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.scenario;
}

const preset = (name: string) => scenarioOf(findPreset(name)!.scenario);

async function text(scenario: Scenario, request: TrajectoryRequest): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of trajectoryChunks(scenario, request)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

function csvRows(csv: string): string[][] {
  expect(csv.endsWith('\n')).toBe(true);
  return csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

/** The run itself, recorded at the given steps: params per particle, full loss, status. */
async function direct(scenario: Scenario, steps: number[]) {
  const d = await createDescent(scenario);
  const out = new Map<number, { epoch: number; params: number[][]; loss: number[]; status: string[]; reason: (string | null)[] }>();
  const take = () => {
    const loss = Array.from(d.fullLoss());
    out.set(d.step, {
      epoch: d.epoch,
      params: Array.from({ length: d.n }, (_, i) => d.particle(i)),
      loss,
      status: Array.from(d.status, (s) => statusNames[s]),
      reason: Array.from(d.reason, (r) => reasonNames[r]),
    });
  };
  take();
  while (d.step < Math.max(...steps)) {
    d.advance();
    if (steps.includes(d.step)) take();
  }
  return out;
}

interface JsonExport {
  name: string;
  paramNames: string[];
  every: number;
  particles: number[];
  steps: { step: number; epoch: number; params: (number | null)[][]; loss: (number | null)[]; status: string[]; reason: (string | null)[] }[];
}

describe('trajectory export', () => {
  const steps = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('replays a race as a race: each group as its optimizer run alone from the same cloud', async () => {
    const race = preset('race-beale');
    const groups = race.groups!;
    const { groups: _, ...shared } = race;
    const solo = await Promise.all(groups.map((group) => direct({ ...shared, optimizer: group.optimizer }, [20])));
    const n = solo[0].get(0)!.params.length; // particles per group
    const chosen = groups.map((_, g) => g * n); // the first particle of each group
    const exported = JSON.parse(await text(race, { format: 'json', target: 20, every: 20, particles: chosen })) as JsonExport;
    const [start, end] = exported.steps;
    // All groups start from the same place, and each ends where its optimizer alone takes that particle.
    for (let g = 0; g < groups.length; g++) {
      expect(start.params[g]).toEqual(solo[g].get(0)!.params[0]);
      expect(end.params[g]).toEqual(solo[g].get(20)!.params[0]);
    }
    expect(new Set(end.params.map((p) => JSON.stringify(p))).size).toBe(groups.length);
  });

  it('CSV of bowl, 100 steps every 10, parses back to the run (x at 100: notebook 002, 0.9999999997962964)', async () => {
    const scenario = preset('bowl');
    const rows = csvRows(await text(scenario, { format: 'csv', target: 100, every: 10, particles: null }));
    expect(rows[0]).toEqual(['step', 'epoch', 'particle', 'status', 'reason', 'loss', 'x', 'y']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(steps);
    const run = await direct(scenario, steps);
    for (const r of rows.slice(1)) {
      const at = run.get(Number(r[0]))!;
      expect(Number(r[1])).toBe(at.epoch);
      expect(r[3]).toBe(at.status[0]);
      expect(r[4]).toBe(at.reason[0] ?? '');
      expect(Number(r[5])).toBe(at.loss[0]);
      expect([Number(r[6]), Number(r[7])]).toEqual(at.params[0]);
    }
    expect(Number(rows[11][6])).toBeCloseTo(0.9999999997962964, 15);
  });

  it('JSON of bowl parses with JSON.parse and holds the same numbers', async () => {
    const scenario = preset('bowl');
    const doc = JSON.parse(await text(scenario, { format: 'json', target: 100, every: 10, particles: null })) as JsonExport;
    expect(doc.name).toBe('bowl');
    expect(doc.paramNames).toEqual(['x', 'y']);
    expect(doc.every).toBe(10);
    expect(doc.particles).toEqual([0]);
    expect(doc.steps.map((s) => s.step)).toEqual(steps);
    const run = await direct(scenario, steps);
    for (const s of doc.steps) {
      const at = run.get(s.step)!;
      expect(s).toEqual({ step: s.step, epoch: at.epoch, params: at.params, loss: at.loss, status: at.status, reason: at.reason });
    }
    expect(doc.steps[10].params[0][0]).toBeCloseTo(0.9999999997962964, 15);
  });

  it('writes only the chosen particles, in the order given, and the last step when it is not a multiple of every', async () => {
    const scenario = preset('bowl-cloud');
    const rows = csvRows(await text(scenario, { format: 'csv', target: 7, every: 3, particles: [5, 2, 999] })).slice(1);
    expect(rows.map((r) => [Number(r[0]), Number(r[2])])).toEqual(
      [0, 3, 6, 7].flatMap((s) => [
        [s, 5],
        [s, 2],
        [s, 999],
      ]),
    );
    const run = await direct(scenario, [3, 6, 7]);
    for (const r of rows) expect([Number(r[6]), Number(r[7])]).toEqual(run.get(Number(r[0]))!.params[Number(r[2])]);
    const doc = JSON.parse(await text(scenario, { format: 'json', target: 7, every: 3, particles: [5, 2, 999] })) as JsonExport;
    expect(doc.particles).toEqual([5, 2, 999]);
    expect(doc.steps.map((s) => s.step)).toEqual([0, 3, 6, 7]);
    expect(doc.steps[3].params).toEqual([5, 2, 999].map((i) => run.get(7)!.params[i]));
  });

  it('stops where the live run would: at the scenario epochs', async () => {
    const rows = csvRows(await text(preset('bowl'), { format: 'csv', target: 500, every: 30, particles: null })).slice(1);
    expect(rows.map((r) => Number(r[0]))).toEqual([0, 30, 60, 90, 100]);
  });

  it('a run left to overflow (regression-eta-0.3, stop.divergence null) writes empty cells and null, never NaN or Infinity', async () => {
    const base = preset('regression-eta-0.3');
    const scenario = { ...base, stop: { ...base.stop, divergence: null } };
    const csv = await text(scenario, { format: 'csv', target: 5000, every: 50, particles: null });
    expect(csv).not.toMatch(/NaN|Infinity/);
    const last = csvRows(csv).at(-1)!;
    expect(last.slice(3, 5)).toEqual(['diverged', 'nonFinite']);
    expect(last.slice(5)).toContain('');
    const json = await text(scenario, { format: 'json', target: 5000, every: 50, particles: null });
    expect(json).not.toMatch(/NaN|Infinity/);
    const doc = JSON.parse(json) as JsonExport;
    const end = doc.steps.at(-1)!;
    expect(end.status).toEqual(['diverged']);
    expect(end.reason).toEqual(['nonFinite']);
    expect([end.loss[0], ...end.params[0]]).toContain(null);
  });

  it('regression-eta-0.3 under the default stop rules stops by "divergence" while its parameters are still finite', async () => {
    const last = csvRows(await text(preset('regression-eta-0.3'), { format: 'csv', target: 5000, every: 50, particles: null })).at(-1)!;
    expect(last.slice(3, 5)).toEqual(['diverged', 'divergence']);
    // A diverged particle's loss reads +∞ (Descent.fullLoss), an empty cell; its parameters stay numbers.
    expect(last[5]).toBe('');
    expect(last.slice(6).every((cell) => cell !== '' && Number.isFinite(Number(cell)))).toBe(true);
  });

  it('refuses bad options, naming the option', () => {
    expect(exportOptionProblems({ format: 'xml' }, 3)).toEqual(['format: must be "csv" or "json", not "xml"']);
    expect(exportOptionProblems({ every: 0 }, 3)[0]).toMatch(/^every: /);
    expect(exportOptionProblems({ every: 1.5 }, 3)[0]).toMatch(/^every: /);
    expect(exportOptionProblems({ particles: [0, 3] }, 3)[0]).toMatch(/^particles\[1\]: /);
    expect(exportOptionProblems({ particles: [1, 1] }, 3)[0]).toMatch(/^particles\[1\]: 1 is listed twice/);
    expect(exportOptionProblems({ particles: 'all' }, 3)[0]).toMatch(/^particles: /);
    expect(exportOptionProblems({ particles: [0, 1, 2, 0] }, 3)[0]).toMatch(/^particles: at most 3/);
    expect(exportOptionProblems({ format: 'csv', every: 2, particles: [2, 0] }, 3)).toEqual([]);
  });

  it('keeps every chunk within the cap, splitting text anywhere yet parsing back whole', async () => {
    const scenario = preset('bowl-cloud');
    const parts: Uint8Array[] = [];
    for await (const chunk of trajectoryChunks(scenario, { format: 'json', target: 20, every: 5, particles: null, chunkBytes: 1000 })) {
      expect(chunk.byteLength).toBeLessThanOrEqual(1000);
      parts.push(chunk);
    }
    expect(parts.length).toBeGreaterThan(100);
    const doc = JSON.parse(Buffer.concat(parts).toString('utf8')) as JsonExport;
    expect(doc.steps.map((s) => s.step)).toEqual([0, 5, 10, 15, 20]);
    expect(doc.steps[4].params).toHaveLength(1000);
  });

  /**
   * Budget: 150 MB of heap and array buffers above the Descent itself (measured: 18–31 MB; see the
   * module's doc). Chunks are discarded as they come, as a Blob or a file writer would take them.
   */
  it('exports a million two-parameter particles chunk by chunk within the memory budget', { timeout: 120_000 }, async () => {
    const scenario = scenarioOf({
      version: 1,
      model: { kind: 'surface', fn: 'bowl' },
      init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: 1_000_000 },
      optimizer: { kind: 'gd', alpha: 0.1 },
      epochs: 3,
    });
    const descentBytes = (await createDescent(scenario)).bytes;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    let peak = 0;
    let bytes = 0;
    let chunks = 0;
    let rows = 0;
    const cap = 1 << 20;
    for await (const chunk of trajectoryChunks(scenario, { format: 'csv', target: 2, every: 1, particles: null })) {
      expect(chunk.byteLength).toBeLessThanOrEqual(cap);
      bytes += chunk.byteLength;
      for (let k = 0; k < chunk.length; k++) if (chunk[k] === 10) rows++;
      if (++chunks % 8 === 0) peak = Math.max(peak, used() - before);
    }
    peak = Math.max(peak, used() - before);
    const overDescent = peak - descentBytes;
    console.log(
      `million-particle CSV: ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks; Descent ${(descentBytes / 1e6).toFixed(1)} MB; peak growth ${(peak / 1e6).toFixed(1)} MB, ${(overDescent / 1e6).toFixed(1)} MB over the Descent (gc ${gc ? 'exposed' : 'not exposed'})`,
    );
    expect(rows).toBe(1 + 3 * 1_000_000);
    expect(overDescent).toBeLessThan(150e6);
  });
});

describe('loss curve', () => {
  it('writes CSV with empty cells and JSON with null for missing losses', () => {
    const points = [
      { step: 0, meanLoss: 5, bestLoss: 1 },
      { step: 1, meanLoss: null, bestLoss: Number.NaN },
    ];
    expect(lossCurveText(points, 'csv')).toBe('step,meanLoss,bestLoss\n0,5,1\n1,,\n');
    expect(JSON.parse(lossCurveText(points, 'json'))).toEqual([
      { step: 0, meanLoss: 5, bestLoss: 1 },
      { step: 1, meanLoss: null, bestLoss: null },
    ]);
  });
});
