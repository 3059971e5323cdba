/**
 * The bench's registry: `npm run bench` runs every section below in this order, one after the other, and
 * `npm run bench -- ID …` runs only those. Add a section by adding one entry here.
 *
 * The contract:
 * - A section has a unique kebab-case `id` (the results file's key and the command-line name) and a `title`.
 * - A module section (TypeScript under src/bench, bundled and run under Node, no DOM) has
 *   `run(context): Promise<{ columns, rows, notes? }>`; rows hold strings and numbers (raw numbers: the
 *   runner rounds them for printing, the results file keeps them whole). `context` gives the repository
 *   root, a progress logger and `nodeTrainer()`, the path of the trainer's Node host built once per run
 *   (fork it with `serialization: 'advanced'`). A section may spawn child processes but must end them.
 * - A script section is `{ id, title, script, args? }`: a Node script (.mjs) run from the repository root
 *   with the environment variable BENCH_RESULT naming a file, to which it writes the same
 *   `{ columns, rows, notes? }` as JSON. Anything it prints is shown as progress; a non-zero exit fails it.
 * - A section measures ratios within its own run (machine load shifts absolute numbers between runs) and
 *   keeps to about a minute: the whole default bench stays under five.
 * - The runner prints each table, then merges into bench/results.json: the sections run replace their
 *   entries, the others keep their last results. A failed section keeps its last result and the run exits 1.
 */
import type { BenchSection } from './section';
import { engineSection } from './engine-section';
import { trainerThreadsSection } from './trainer-threads-section';
import { threadsSection } from './threads-section';
import { jobsSection } from './jobs-section';
import { linearSection } from './linear-section';
import { networkSection } from './network-section';
import { landscapeSection } from './landscape-section';
import { memorySection } from './memory-section';
import { framesSection } from './frames-section';
import { slowPageSection } from './slow-page-section';
import { pageSection } from './page-section';

export const sections: BenchSection[] = [
  engineSection,
  threadsSection,
  trainerThreadsSection,
  jobsSection,
  linearSection,
  networkSection,
  landscapeSection,
  memorySection,
  framesSection,
  slowPageSection,
  pageSection,
];
