/**
 * Scenario files (CONTRACTS §1) on main's side: File › Open, Save and Save As, recent files and a file given
 * on the command line. Main reads a file only after checking its size, and hands its text to the page, which
 * validates it and shows any problem while keeping its run; main validates again before writing a file.
 */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { OpenedFile, SaveRequest, SaveResult } from '../shared/desktop';
import { csvFileSizeProblem, csvSourceOf, withCsvData } from '../shared/csv';
import { limits } from '../shared/limits';
import { parseScenarioText } from '../shared/validate';
import { writeFileAtomic } from './atomic-write';
import { fileExists } from './recent';

/**
 * What the app saves a new scenario as, and the extension the installers associate with the lab: one part,
 * because Windows (and macOS's type declarations) match only the last one, so `.descent.json` would always
 * go to the JSON editor. Files named `*.descent.json` (the command line's and the browser's) open as well.
 */
export const SCENARIO_EXTENSION = '.descent';
export const DEFAULT_FILE_NAME = `scenario${SCENARIO_EXTENSION}`;
// Electron's filters take one-dot extensions: '.descent.json' matches as 'json'.
export const scenarioFilters: FileFilter[] = [
  { name: 'Descent Lab scenarios (*.descent, *.descent.json)', extensions: ['descent', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** True for a name the lab opens as a scenario: `*.descent`, or any `*.json` (so `*.descent.json`). */
export function isScenarioPath(path: string): boolean {
  return /\.(descent|json)$/i.test(path);
}
/** At most this many problems are listed when a save is refused; the page lists them all. */
const MAX_LISTED_PROBLEMS = 5;

export type ReadResult = { ok: true; file: OpenedFile } | { ok: false; reason: string };

/** Reads a scenario file: its size is checked before a byte is read, so a huge file never reaches memory. */
export async function readScenarioFile(path: string, maxBytes: number = limits.maxScenarioBytes): Promise<ReadResult> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: `“${name}” is not a file.` };
    if (info.size > maxBytes) {
      return { ok: false, reason: `“${name}” is ${mib(info.size)}; scenario files are limited to ${mib(maxBytes)}. The current experiment is unchanged.` };
    }
    const raw = await readFile(path, 'utf8');
    // A byte-order mark from some editors is not part of the JSON.
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    return await withCsvBeside(path, { name, text });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist (any more)' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : (error as Error).message;
    return { ok: false, reason: `“${name}” could not be opened: ${why}.` };
  }
}

/**
 * A scenario whose data is `{"csv": …}` gets its CSV file (relative to the scenario's folder) read here,
 * as the command line does (src/cli/scenarios.ts, through the same src/shared/csv.ts): the page has no
 * file access, so it receives the scenario with the named columns as inline rows. Any other text (valid or
 * not) passes unchanged, and the page reports its problems as for any file.
 */
async function withCsvBeside(path: string, file: OpenedFile): Promise<ReadResult> {
  const validation = parseScenarioText(file.text);
  const source = validation.ok ? csvSourceOf(validation.scenario) : null;
  if (!validation.ok || !source) return { ok: true, file };
  const refuse = (why: string): ReadResult => ({ ok: false, reason: `“${file.name}” could not be opened: ${why}. The current experiment is unchanged.` });
  const csvPath = resolve(dirname(path), source.csv);
  let csvText: string;
  try {
    const info = await stat(csvPath);
    const tooBig = info.isFile() ? csvFileSizeProblem(source.csv, info.size) : `data.csv: "${source.csv}" is not a file`;
    if (tooBig) return refuse(tooBig);
    csvText = await readFile(csvPath, 'utf8');
  } catch {
    return refuse(`data.csv: cannot read "${source.csv}" (looked for ${csvPath})`);
  }
  const read = withCsvData(validation.scenario, csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText);
  if (!read.ok) {
    const listed = read.problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = read.problems.length - listed.length;
    return refuse(`${listed.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`);
  }
  // The file's own fields as written (defaults are the page's to fill in), with the rows in place of the CSV source.
  const text = JSON.stringify({ ...(JSON.parse(file.text) as object), data: read.scenario.data });
  if (Buffer.byteLength(text) > limits.maxScenarioBytes)
    return refuse(`with its CSV rows in place the scenario is over ${mib(limits.maxScenarioBytes)}, the limit for a scenario`);
  return { ok: true, file: { name: file.name, text } };
}

/** Validates `text` as a scenario and writes it atomically to `path`. */
export function writeScenarioFile(path: string, text: string): { ok: true } | { ok: false; reason: string } {
  const refused = refusal(text);
  if (refused) return { ok: false, reason: refused };
  try {
    writeFileAtomic(path, text.endsWith('\n') ? text : `${text}\n`);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `“${basename(path)}” could not be saved: ${(error as Error).message}` };
  }
}

/** Why `text` may not be saved (its problems, each naming its field), or null when it is a valid scenario. */
export function refusal(text: string): string | null {
  const validation = parseScenarioText(text);
  if (validation.ok) return null;
  const listed = validation.problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = validation.problems.length - listed.length;
  return `The scenario was not saved: ${listed.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`;
}

/** `bowl` → `bowl.descent`; a name already ending in .descent or .json is kept as chosen. */
export function withScenarioExtension(path: string): string {
  return isScenarioPath(path) ? path : `${path}${SCENARIO_EXTENSION}`;
}

/**
 * The scenario file named on the command line, if any: after the executable (and, unpackaged, the app's own
 * folder), the last argument that is not a switch, ends in .descent or .json and is a file.
 */
export function scenarioPathFromArgv(
  argv: readonly string[],
  isPackaged: boolean,
  isFile: (path: string) => boolean = fileExists,
  cwd = process.cwd(),
): string | null {
  const args = argv.slice(isPackaged ? 1 : 2).filter((arg) => !arg.startsWith('-') && isScenarioPath(arg));
  for (let k = args.length - 1; k >= 0; k--) {
    const path = resolve(cwd, args[k]!);
    if (isFile(path)) return path;
  }
  return null;
}

/** The native dialogs ScenarioFiles uses (injected, so it is testable without Electron's). */
export interface FileDialogs {
  chooseOpen(defaultPath: string | undefined): Promise<string | null>;
  chooseSave(defaultPath: string): Promise<string | null>;
  showError(message: string): void;
}

export interface ScenarioFilesOptions {
  dialogs: FileDialogs;
  /** Hands a file to the page; false when there is no page to take it. */
  send(file: OpenedFile): boolean;
  /** A file was opened or saved: remember it (recent files, settings). */
  remember(path: string): void;
  /** A recent file could not be opened: drop it from the list. */
  forget(path: string): void;
  /** The last file used, for the dialogs' starting folder. */
  lastFile?: string | null;
}

/** The file the experiment belongs to, and the File menu's actions on it. */
export class ScenarioFiles {
  private current: string | null = null;
  private pending: string | null = null;
  private pageReady = false;
  private lastFile: string | null;

  constructor(private readonly options: ScenarioFilesOptions) {
    this.lastFile = options.lastFile ?? null;
  }

  /** The file Save writes to, once the experiment came from a file or was saved to one. */
  get currentPath(): string | null {
    return this.current;
  }

  /** File › Open…: asks for a file, then opens it. */
  async openDialog(): Promise<boolean> {
    const path = await this.options.dialogs.chooseOpen(this.lastFile ? dirname(this.lastFile) : undefined);
    return path ? this.open(path) : false;
  }

  /**
   * Opens `path` in the page (or, before the page is ready, as soon as it is). A file that cannot be read is
   * reported and the experiment is left as it was; an invalid one is still handed over, for the page to name
   * its problems, but does not become the file Save writes to.
   */
  async open(path: string): Promise<boolean> {
    if (!this.pageReady) {
      this.pending = path;
      return false;
    }
    const read = await readScenarioFile(path);
    if (!read.ok) {
      this.options.dialogs.showError(read.reason);
      this.options.forget(resolve(path));
      return false;
    }
    if (!this.options.send(read.file)) return false;
    if (parseScenarioText(read.file.text).ok) {
      this.current = resolve(path);
      this.lastFile = this.current;
      this.options.remember(this.current);
    }
    return true;
  }

  /**
   * The page connected (first load or reload): opens a file that was waiting for it. Returns true when one
   * was, so the caller restores the last experiment only otherwise.
   */
  async pageConnected(): Promise<boolean> {
    this.pageReady = true;
    const path = this.pending;
    this.pending = null;
    return path ? this.open(path) : false;
  }

  /** The page went away (reload, navigation): files wait for it again. */
  pageGone(): void {
    this.pageReady = false;
  }

  /** The page's answer to File › Save / Save As: validates, asks for a name when needed, writes atomically. */
  async save(request: SaveRequest): Promise<SaveResult> {
    const refused = refusal(request.text);
    if (refused) return { ok: false, reason: refused }; // before any dialog: nothing to name yet
    let path = request.as ? null : this.current;
    if (!path) {
      const start = this.current ?? (this.lastFile ? join(dirname(this.lastFile), DEFAULT_FILE_NAME) : DEFAULT_FILE_NAME);
      const chosen = await this.options.dialogs.chooseSave(start);
      if (!chosen) return { ok: false, reason: 'Save was cancelled.' };
      path = resolve(withScenarioExtension(chosen));
    }
    const written = writeScenarioFile(path, request.text);
    if (!written.ok) return written;
    this.current = path;
    this.lastFile = path;
    this.options.remember(path);
    return { ok: true, name: basename(path) };
  }
}

/** FileDialogs with Electron's native dialogs, attached to the window when there is one. */
export function electronDialogs(getWindow: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseOpen(defaultPath) {
      const options = { title: 'Open scenario', defaultPath, properties: ['openFile' as const], filters: scenarioFilters };
      const window = getWindow();
      const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSave(defaultPath) {
      const options = {
        title: 'Save scenario',
        defaultPath,
        filters: scenarioFilters,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const window = getWindow();
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showError(message) {
      const options = { type: 'error' as const, title: 'Descent Lab', message, buttons: ['OK'] };
      const window = getWindow();
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
  };
}

function mib(bytes: number): string {
  const value = bytes / 1048576;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}
