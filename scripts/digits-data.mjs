/**
 * Writes src/engine/datasets/digits-data.ts, the 8×8 handwritten digits shipped with the lab (issue 16), from
 * the copy scikit-learn ships as sklearn/datasets/data/digits.csv.gz: the test set (optdigits.tes, 1,797
 * rows) of UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin and C. Kaynak, 1998,
 * doi 10.24432/C50P49, CC BY 4.0). Taken once from Debian's python3-sklearn 1.2.1+dfsg-1
 * (`apt-get download python3-sklearn`, then `dpkg-deb -x`); nothing reads it at run time.
 *
 *   node scripts/digits-data.mjs path/to/digits.csv.gz
 *
 * Each row of the file is 64 pixel counts (0 to 16, row by row of the 8×8 image) and the digit. The output
 * keeps the file's order and writes each row as 65 characters: each count as the letter 'a' + count, then the
 * digit, so the 1,797 rows take about 120 kB instead of the file's 400 kB of text.
 * src/engine/datasets/digits.test.ts checks the SHA-256 of the rows written back as the file's text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/digits-data.mjs path/to/digits.csv.gz');
  process.exit(2);
}

const lines = gunzipSync(readFileSync(source)).toString('utf8').trim().split('\n');
const rows = lines.map((line, r) => {
  const values = line.split(',').map(Number);
  if (values.length !== 65) throw new Error(`row ${r + 1}: ${values.length} values, not 65`);
  const pixels = values.slice(0, 64);
  const digit = values[64];
  if (!pixels.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)) throw new Error(`row ${r + 1}: a pixel outside 0..16`);
  if (!(Number.isInteger(digit) && digit >= 0 && digit <= 9)) throw new Error(`row ${r + 1}: digit ${digit}`);
  return pixels.map((v) => String.fromCharCode(97 + v)).join('') + digit;
});

const header = `/**
 * The 8×8 handwritten digits: the test set (optdigits.tes) of "Optical Recognition of Handwritten Digits" by
 * E. Alpaydin and C. Kaynak (1998), as the UCI Machine Learning Repository publishes it: doi 10.24432/C50P49,
 * licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). 32×32 bitmaps of digits written by 13
 * people, each cut into 4×4 blocks whose on pixels are counted: 64 counts from 0 to 16.
 *
 * Written by scripts/digits-data.mjs from the copy scikit-learn ships (sklearn/datasets/data/digits.csv.gz,
 * Debian's python3-sklearn 1.2.1+dfsg-1), in its order; nothing loads either at run time. Do not edit by hand.
 *
 * Each row: 64 letters, the counts of the image row by row ('a' = 0 … 'q' = 16), then the digit.
 */

/** The 1,797 rows in the source's order. */
export const digitsRows: readonly string[] = [
`;
writeFileSync(join(root, 'src/engine/datasets/digits-data.ts'), header + rows.map((row) => `  '${row}',\n`).join('') + '];\n');
console.log(`${rows.length} rows written to src/engine/datasets/digits-data.ts`);
