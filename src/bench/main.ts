/**
 * The bench runner (`npm run bench`, through scripts/bench.mjs): runs the sections of ./sections.ts one
 * after the other, prints each as a table, and merges their results into bench/results.json with the
 * machine they ran on.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveTask } from './child';
import type { BenchContext, BenchSection, SectionResult } from './section';
import { sections } from './sections';
import { formatTable, markdownTable } from './table';

// A child the bench forked for one measurement (./child.ts) serves it; the bench itself goes on to main().
serveTask();

/** One section's entry in bench/results.json. */
interface SavedSection extends SectionResult {
  title: string;
  date: string;
  seconds: number;
}

interface Results {
  date: string;
  node: string;
  cpu: { model: string; count: number };
  sections: Record<string, SavedSection>;
}

interface Options {
  root: string;
  argv: string[];
  nodeTrainer(): Promise<string>;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Returns the process exit code: 0, 1 when a section failed, 2 for a mistake in the command. */
export async function main({ root, argv, nodeTrainer }: Options): Promise<number> {
  const resultsPath = join(root, 'bench', 'results.json');
  if (argv.includes('--list')) {
    for (const s of sections) console.log(`${s.id.padEnd(12)} ${s.title}`);
    return 0;
  }
  if (argv.includes('--markdown')) return printMarkdown(resultsPath);
  const unknownFlags = argv.filter((a) => a.startsWith('-'));
  const unknownIds = argv.filter((a) => !a.startsWith('-') && !sections.some((s) => s.id === a));
  if (unknownFlags.length || unknownIds.length) {
    log(`bench: unknown ${[...unknownFlags, ...unknownIds].join(', ')}; sections: ${sections.map((s) => s.id).join(', ')}`);
    log('usage: npm run bench [-- section …] [--list] [--markdown]');
    return 2;
  }
  const chosen = argv.length ? sections.filter((s) => argv.includes(s.id)) : sections;
  const context: BenchContext = { root, log, nodeTrainer };
  const results = readResults(resultsPath);
  let failed = 0;
  for (const section of chosen) {
    log(`\n${section.title} (${section.id})…`);
    const began = performance.now();
    try {
      const result = await runSection(section, context);
      const seconds = Math.round((performance.now() - began) / 100) / 10;
      console.log(`\n## ${section.title} (${seconds} s)\n${formatTable(result)}`);
      results.sections[section.id] = { title: section.title, date: new Date().toISOString(), seconds, ...result };
    } catch (error) {
      failed++;
      log(`bench: ${section.id} failed: ${(error as Error)?.stack ?? error}`);
    }
  }
  Object.assign(results, machine());
  writeAtomically(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nbench: results in ${resultsPath}${failed ? ` (${failed} section${failed > 1 ? 's' : ''} failed)` : ''}`);
  return failed ? 1 : 0;
}

function runSection(section: BenchSection, context: BenchContext): Promise<SectionResult> {
  return 'run' in section ? section.run(context) : runScript(section.script, section.args ?? [], context.root);
}

/** A script section: `node script …args` with BENCH_RESULT naming the file it writes its result to. */
async function runScript(script: string, args: string[], root: string): Promise<SectionResult> {
  const folder = mkdtempSync(join(tmpdir(), 'descent-bench-'));
  const file = join(folder, 'result.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, BENCH_RESULT: file },
      });
      child.on('error', reject);
      child.on('exit', (status, signal) => resolve(signal ? -1 : status));
    });
    if (code !== 0) throw new Error(`${script} exited with ${code === -1 ? 'a signal' : `status ${code}`}`);
    const result = JSON.parse(readFileSync(file, 'utf8')) as SectionResult;
    if (!Array.isArray(result.columns) || !Array.isArray(result.rows)) throw new Error(`${script} wrote no { columns, rows }`);
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function machine(): Pick<Results, 'date' | 'node' | 'cpu'> {
  const list = cpus();
  return { date: new Date().toISOString(), node: process.version, cpu: { model: list[0]?.model.trim() ?? 'unknown', count: list.length } };
}

/** The last results, or an empty set when there are none (a fresh clone) or the file is unreadable. */
function readResults(path: string): Results {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Results;
    if (parsed && typeof parsed.sections === 'object' && parsed.sections) return parsed;
  } catch {
    // none yet, or damaged: start afresh (the file is rewritten whole below)
  }
  return { ...machine(), sections: {} };
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** The README's tables: every section of the last results, in registry order, then any others. */
function printMarkdown(path: string): number {
  const results = readResults(path);
  const ids = [...sections.map((s) => s.id), ...Object.keys(results.sections)].filter((id, k, all) => all.indexOf(id) === k && results.sections[id]);
  if (!ids.length) {
    log(`bench: no results in ${path} yet; run npm run bench first`);
    return 1;
  }
  console.log(`Measured ${results.date.slice(0, 10)} with Node ${results.node} on ${results.cpu.model} (${results.cpu.count} cores).`);
  for (const id of ids) console.log(`\n#### ${results.sections[id].title}\n\n${markdownTable(results.sections[id])}`);
  return 0;
}
