/**
 * The committed fixtures are what their script writes: reference.py, run to a temporary file, gives
 * src/engine/fixtures/reference.json byte for byte. A change to the script without `npm run fixtures` (or a
 * hand edit of the JSON) fails here. The script needs Python 3 alone (standard library only); without it
 * the test is skipped, and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const committed = join(root, 'src/engine/fixtures/reference.json');
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
if (!hasPython) console.info(`skipped: reference.json against reference.py needs python3 on the PATH (${python.error?.message ?? python.stderr})`);

const folder = mkdtempSync(join(tmpdir(), 'descent-reference-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Where two texts first differ, with a little of each around it; null when they are the same. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return `first difference at character ${k}: committed …${a.slice(Math.max(0, k - 40), k + 40)}… script …${b.slice(Math.max(0, k - 40), k + 40)}…`;
}

it.skipIf(!hasPython)(
  'reference.py writes the committed reference.json, byte for byte (else: npm run fixtures)',
  () => {
    const written = join(folder, 'reference.json');
    execFileSync('python3', [join(root, 'scripts/reference/reference.py'), written], { encoding: 'utf8' });
    const [expected, actual] = [readFileSync(committed), readFileSync(written)];
    expect(firstDifference(expected.toString('utf8'), actual.toString('utf8'))).toBeNull();
    expect(actual.equals(expected)).toBe(true);
  },
  60_000,
); // about 3 s alone; far longer on a loaded machine
