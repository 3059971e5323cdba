/**
 * The command lines that README.md and docs/command-line.md show as examples (a `$ npm run …` line, or a
 * full line without placeholders) run and exit 0, so the pages cannot drift from the grammar.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab } from './testing';

const prefix = 'npm run --silent lab -- ';

/** Words as a shell splits them: spaces, and single quotes kept together (enough for these pages). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

function examples(page: string): string[][] {
  return readFileSync(page, 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\$ /, '').replace(/\s+#.*$/, ''))
    .filter((line) => line.startsWith(prefix) && !/[<[]/.test(line))
    .map((line) => words(line.slice(prefix.length)));
}

describe.each(['README.md', 'docs/command-line.md'])('the examples in %s', (page) => {
  it('are there, and each exits 0', async () => {
    const all = examples(page);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const argv of all) {
      const r = await lab(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
  }, 60_000);
});
