/**
 * `lab run --threads N` and `lab sweep --threads N` as a user runs them: the built command line (one bundle, which is also each worker
 * thread's script) in a child process. The output is the same bytes for 1, 2 and 3 threads (a race's too); a thread that
 * fails mid-run fails the run with a message, and the command ends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';

let folder = '';
let entry = '';

beforeAll(async () => {
  // A fresh folder: two test runs at once never overwrite each other's bundle.
  folder = mkdtempSync(join(tmpdir(), 'descent-cli-threads-'));
  await bundleForNode({ entry: 'src/cli/index.ts', outDir: folder, fileName: 'lab.mjs' });
  entry = join(folder, 'lab.mjs');
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function lab(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [entry, ...argv], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe('lab run --threads N', () => {
  it.each([
    // Adam on Rosenbrock's 1,000 particles (the fused surface loops), tracing a particle of the last block.
    ['a surface', ['rosenbrock', '--epochs', '60', '--trace', '--particle', '900']],
    // A linear model with mini-batches of 10, shuffled each epoch from the seed: 37 particles.
    ['a linear model with mini-batches', ['noisy-line-minibatch', '--epochs', '10', '--set', 'init={"dist":"gaussian","mean":[4,4],"std":2,"count":37}']],
    // An MLP cloud: 25 particles of the 3-2-2 net, 14 parameters each, some diverging at α = 3.
    [
      'an MLP cloud',
      ['two-layer-net', '--epochs', '20', '--set', 'optimizer.alpha=3', '--set', `init={"dist":"gaussian","mean":[${Array(14).fill(0)}],"std":3,"count":25}`],
    ],
    // A race of two of Beale's optimizers, 200 particles each, run group by group over the threads (one
    // thread: in lockstep); a particle of the second group traced. Two groups: each spawns its threads.
    [
      'a race',
      [
        'race-beale',
        '--epochs',
        '40',
        '--trace',
        '--particle',
        '250',
        '--set',
        'groups=[{"optimizer":{"kind":"momentum","alpha":0.01,"beta":0.9}},{"optimizer":{"kind":"adam","alpha":0.05}}]',
      ],
    ],
  ])(
    '%s: the same bytes for 1, 2 and 3 threads',
    async (_, argv) => {
      const runs = await Promise.all([1, 2, 3].map((n) => lab(['run', ...argv, '--threads', String(n)])));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(runs[0].stdout.length).toBeGreaterThan(1000);
      expect(runs[1].stdout).toBe(runs[0].stdout);
      expect(runs[2].stdout).toBe(runs[0].stdout);
      // The same command with a fault in its second thread fails: so it did run on two threads.
      expect((await lab(['run', ...argv, '--threads', '2'], { DESCENT_THREAD_FAULT: 'throw' })).code).toBe(70);
    },
    60_000,
  );

  it('sweep: the same map for 1, 2 and 3 threads, its cells shared out', async () => {
    const argv = ['sweep', 'rosenbrock', '--alpha', '0.001:0.5:5', '--vs', 'init.std=0.1:1:2', '--epochs', '60'];
    const runs = await Promise.all([1, 2, 3].map((n) => lab([...argv, '--threads', String(n)])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(runs[0].stdout).cells).toHaveLength(2);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
    const failed = await lab([...argv, '--threads', '2'], { DESCENT_THREAD_FAULT: 'exit' });
    expect(failed.code).toBe(70);
    expect(failed.stderr).toMatch(/^lab: the sweep failed: thread 2 of 2 stopped \(exit code 3\) before its cells were done$/m);
  }, 60_000);

  it('landscape: the same grid and path for 1, 2 and 3 threads (its training is run’s)', async () => {
    // Rosenbrock's 1,000 particles for 60 steps; the path of particle 900, in the last block.
    const argv = ['landscape', 'rosenbrock', '--set', 'epochs=60', '--directions', 'pca', '--grid', '5', '--particle', '900'];
    const runs = await Promise.all([1, 2, 3].map((n) => lab([...argv, '--threads', String(n)])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(runs[0].stdout).path).toHaveLength(61);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
    expect((await lab([...argv, '--threads', '2'], { DESCENT_THREAD_FAULT: 'throw' })).code).toBe(70);
  }, 60_000);

  it('landscape: the grid of one network on 1, 2 and 3 threads is the same, and a thread that fails fails it', async () => {
    // The two-layer net is one particle: its training takes one thread, its 9 × 9 grid's rows every thread asked for.
    const argv = ['landscape', 'two-layer-net', '--directions', 'filter', '--grid', '9', '--seed', '3'];
    const runs = await Promise.all([1, 2, 3].map((n) => lab([...argv, '--threads', String(n)])));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(runs[0].stdout).loss.flat()).toHaveLength(81);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
    const failed = await lab([...argv, '--threads', '2'], { DESCENT_THREAD_FAULT: 'throw' });
    expect(failed.code).toBe(70);
    expect(failed.stderr).toMatch(/^lab: the landscape failed: thread 2 of 2 failed: injected fault$/m);
  }, 60_000);

  it.each([
    ['throws', 'throw', /^lab: the run failed: thread 2 of 2 failed: injected fault$/m],
    ['exits', 'exit', /^lab: the run failed: thread 2 of 2 stopped \(exit code 3\) before its particles were done$/m],
  ])(
    'a thread that %s mid-run fails the run with a message, and nothing hangs',
    async (_, fault, message) => {
      const r = await lab(['run', 'rosenbrock', '--threads', '2'], { DESCENT_THREAD_FAULT: fault });
      expect(r.code).toBe(70);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    },
    60_000,
  );
});
