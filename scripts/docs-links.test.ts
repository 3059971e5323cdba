/**
 * The docs a newcomer walks (issue 15): the README stays under 8 KB, and every relative link in it and in
 * docs/ reaches a file of the repository, and its #anchor a heading of that file (GitHub's slugs: lower case,
 * punctuation dropped, spaces to hyphens).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, everything but letters, digits, spaces, hyphens and underscores dropped. */
export function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, (c) => (c === '_' ? '_' : ''))
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slugOf(m[1])));
}

/** Links in a page's prose, code blocks and inline code left out. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the docs', () => {
  it('the README is under 8 KB', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(8192);
  });

  it('GitHub slugs, as the anchors in these pages use them', () => {
    expect(slugOf('Network initialisations (an MLP model only)')).toBe('network-initialisations-an-mlp-model-only');
    expect(slugOf('`lab landscape`: the loss around a trained net')).toBe('lab-landscape-the-loss-around-a-trained-net');
  });

  it.each(pages)('every relative link in %s reaches a file, and its anchor a heading', (page) => {
    const broken: string[] = [];
    for (const link of linksOf(join(root, page))) {
      const [path, anchor] = link.split('#');
      const target = path ? join(dirname(join(root, page)), decodeURI(path)) : join(root, page);
      if (!existsSync(target)) broken.push(`${link}: no such file`);
      else if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor)) broken.push(`${link}: no heading #${anchor} in ${relative(root, target)}`);
    }
    expect(broken).toEqual([]);
  });
});
