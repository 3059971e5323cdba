/**
 * `lab sweep`, run in-process with an in-memory file system: the output's shape (CONTRACTS §2), its
 * determinism, CSV, and the exit statuses of a bad scenario and a malformed command (every kind of
 * mistake in the sweep's options: mistakes.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { lab } from './testing';

const momentumBowl = JSON.stringify({
  version: 1,
  name: 'momentum bowl',
  model: { kind: 'surface', fn: 'bowl' },
  init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 30 },
  optimizer: { kind: 'momentum', alpha: 0.1, beta: 0.9 },
  tolerance: 1e-10,
  epochs: 300,
});

describe('lab sweep', () => {
  it('writes alpha, vs and one row of cells per vs value (CONTRACTS §2)', async () => {
    const r = await lab(['sweep', 'm.json', '--alpha', '0.01:1:3', '--vs', 'optimizer.beta=0.5:0.9:2'], { 'm.json': momentumBowl });
    expect(r.code, r.stderr).toBe(0);
    const result = r.json();
    expect(Object.keys(result)).toEqual(['alpha', 'vs', 'cells']);
    expect(result.alpha[0]).toBe(0.01);
    expect(result.alpha[1]).toBeCloseTo(0.1, 15); // the geometric middle of 0.01 and 1
    expect(result.alpha[2]).toBe(1);
    expect(result.vs).toEqual({ field: 'optimizer.beta', values: [0.5, 0.9] });
    expect(result.cells).toHaveLength(2);
    for (const row of result.cells) {
      expect(row).toHaveLength(3);
      for (const cell of row) {
        expect(Object.keys(cell)).toEqual(['converged', 'diverged', 'medianSteps']);
        expect(cell.converged + cell.diverged).toBeLessThanOrEqual(1);
      }
    }
  });

  it('has a single row and vs null without --vs; a preset by name works the same', async () => {
    const r = await lab(['sweep', 'bowl-cloud', '--alpha', '0.5:2:2', '--epochs', '3000']);
    expect(r.code, r.stderr).toBe(0);
    // bowl-cloud: GD on the bowl converges for α < 1 and diverges for α > 1 (closed form: factor |1 − 2α|).
    expect(r.json()).toMatchObject({
      alpha: [0.5, 2],
      vs: null,
      cells: [
        [
          { converged: 1, diverged: 0 },
          { converged: 0, diverged: 1, medianSteps: null },
        ],
      ],
    });
  });

  it('gives byte-identical output for the same input', async () => {
    const args = ['sweep', 'm.json', '--alpha', '0.05:2:4', '--vs', 'init.std=0.5:3:3', '--epochs', '200'];
    const a = await lab(args, { 'm.json': momentumBowl });
    const b = await lab(args, { 'm.json': momentumBowl });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('writes CSV when --out ends in .csv: one row per cell', async () => {
    const r = await lab(['sweep', 'm.json', '--alpha', '0.1:1:2', '--vs', 'clip.limit=1:2:2', '--out', 'map.csv'], { 'm.json': momentumBowl });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.files['map.csv'].trimEnd().split('\n');
    expect(lines[0]).toBe('clip.limit,alpha,converged,diverged,medianSteps');
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1].split(',').slice(0, 2)).toEqual(['1', '0.1']);
  });

  it('reports progress on standard error (every 5 s when not a terminal)', async () => {
    const r = await lab(['sweep', 'm.json', '--alpha', '0.1:1:3'], { 'm.json': momentumBowl }, 3000);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^lab: sweep cell \d\/3 \(\d+%\)/m);
  });

  it('exits 1 for an invalid scenario, with its field', async () => {
    const bad = JSON.stringify({ ...JSON.parse(momentumBowl), optimizer: { kind: 'momentum', alpha: -1 } });
    const r = await lab(['sweep', 'bad.json', '--alpha', '0.1:1:3'], { 'bad.json': bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('optimizer.alpha: must be a finite number > 0');
  });

  it('exits 2 for a malformed command', async () => {
    expect((await lab(['sweep', 'bowl'])).code).toBe(2); // no --alpha
    const r = await lab(['sweep', 'bowl', '--alpha', '0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--alpha must be MIN:MAX:COUNT');
    expect((await lab(['sweep', 'bowl', '--alpha', '0.1:1:3', '--vs', '0.1:1:3'])).code).toBe(2);
    expect((await lab(['sweep', '--alpha', '0.1:1:3'])).code).toBe(2);
  });
});

describe('lab run of a race (the groups run, not the top-level optimizer)', () => {
  it('runs every group: G × count particles, group by group', async () => {
    const r = await lab(['run', 'race-valley', '--epochs', '5']);
    expect(r.code, r.stderr).toBe(0);
    const result = r.json();
    // race-valley: 4 groups of 200 (src/shared/presets.ts).
    expect(result.summary.count).toBe(800);
    // The identical start in every group, then different optimizers: group 0 (GD) and group 1 (momentum) part.
    expect(result.final.params[0]).not.toEqual(result.final.params[200]);
  });

  it('says which group each particle ran in, and gives the results table a line per group', async () => {
    const result = (await lab(['run', 'race-valley', '--epochs', '300'])).json();
    const names = result.groups.map((g: { name: string }) => g.name);
    expect(names).toHaveLength(4);
    // Group by group, 200 particles each (src/shared/presets.ts).
    for (let g = 0; g < 4; g++) expect(new Set(result.final.group.slice(g * 200, (g + 1) * 200))).toEqual(new Set([names[g]]));
    for (const key of ['count', 'converged', 'diverged', 'running'] as const) {
      expect(result.groups.reduce((sum: number, g: Record<string, number>) => sum + g[key], 0)).toBe(result.summary[key]);
    }
    expect(result.groups.every((g: { count: number }) => g.count === 200)).toBe(true);
    expect(Object.keys(result)).toEqual(['name', 'paramNames', 'final', 'summary', 'groups']);
  });

  it('writes the group as a CSV column, and the summary as a line for all and one per group', async () => {
    const particles = await lab(['run', 'race-valley', '--epochs', '5', '--out', 'race.csv']);
    const rows = particles.files['race.csv'].trim().split('\n');
    expect(rows[0]).toBe('particle,group,status,reason,stoppedAt,loss,x,y');
    expect(rows).toHaveLength(801);
    const summary = await lab(['run', 'race-valley', '--epochs', '5', '--summary-only', '--out', 'summary.csv']);
    const lines = summary.files['summary.csv'].trim().split('\n');
    expect(lines[0]).toBe('group,count,converged,diverged,running,bestLoss,meanLoss,tolerance,belowLoss,gradNorm,patience,nonFinite,divergence');
    expect(lines.map((l) => l.split(',')[0]).slice(1, 2)).toEqual(['all']);
    expect(lines).toHaveLength(6);
  });

  it('exits 1 naming groups when a race passes the particle limit', async () => {
    const race = {
      ...JSON.parse(momentumBowl),
      init: { dist: 'gaussian', mean: [0, 0], std: 1, count: 1_500_000 },
      groups: [{ optimizer: { kind: 'gd', alpha: 0.1 } }, { optimizer: { kind: 'gd', alpha: 0.2 } }],
    };
    const r = await lab(['validate', 'race.json'], { 'race.json': JSON.stringify(race) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('groups: 2 groups of 1500000 particles make 3000000; at most 2000000 in all\n');
  });
});
