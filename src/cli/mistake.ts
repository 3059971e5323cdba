/** A mistake in the command itself (exit status 2, CONTRACTS §10), and the nearest name to offer instead. */
import type { CommandSpec } from './commands';

export class CommandMistake extends Error {
  /** `command`: whose usage line to show after the message; null: the command being run (or the list of commands). */
  constructor(
    message: string,
    readonly command: CommandSpec | null = null,
  ) {
    super(message);
  }
}

/** `; did you mean "x"?` when one of `names` is a likely typo of `typed` (or its prefix), else ''. */
export function didYouMean(typed: string, names: readonly string[], quote = (name: string) => `"${name}"`): string {
  const best = nearest(typed, names);
  return best === null ? '' : `; did you mean ${quote(best)}?`;
}

/** The name closest to `typed`, within about a third of its length in edits; ties go to the earlier name. */
export function nearest(typed: string, names: readonly string[]): string | null {
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    // A name the user began to type ("presets" for "pre") is as good as one edit.
    const distance = typed.length >= 3 && name.startsWith(typed) ? 1 : editDistance(typed, name);
    if (distance <= limit && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn a into b: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
