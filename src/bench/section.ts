/** The shapes a bench section deals in (the contract is told at the top of ./sections.ts). */

/** One section's table: rows of plain strings and numbers, and notes printed under it. */
export interface SectionResult {
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

/** What the runner hands a section. */
export interface BenchContext {
  /** The repository root, with a trailing slash. */
  root: string;
  /** A progress line on standard error (never in the results). */
  log(message: string): void;
  /** Builds the trainer's Node host once per bench run and returns its entry script (for child_process.fork). */
  nodeTrainer(): Promise<string>;
}

/** A section run inside the bench process. */
export interface ModuleSection {
  id: string;
  title: string;
  run(context: BenchContext): Promise<SectionResult>;
}

/**
 * A section that is a Node script of its own (for example one that drives headless Chromium): the runner
 * runs `node <script> [...args]` from the repository root with BENCH_RESULT set to a file path, and the
 * script writes its SectionResult there as JSON. Its standard output and error are shown as progress; a
 * non-zero exit fails the section.
 */
export interface ScriptSection {
  id: string;
  title: string;
  /** Path from the repository root. */
  script: string;
  args?: string[];
}

export type BenchSection = ModuleSection | ScriptSection;
