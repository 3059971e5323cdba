/**
 * One lab at a time: a second launch (a double-clicked `*.descent.json`, or `descent-lab file.json` typed in
 * a terminal) hands its file to the lab already running and quits, instead of opening a second window
 * that would fight the first over the settings file.
 */
import { fileExists } from './recent';
import { isScenarioPath, scenarioPathFromArgv } from './scenario-files';

/** The part of Electron's `app` this needs (injected, so tests need no Electron). */
export interface SingleInstanceApp {
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void): unknown;
  quit(): void;
}

export interface SingleInstanceOptions {
  isPackaged: boolean;
  /** This launch's own command line: the file it names is handed over if another lab is running. */
  argv: readonly string[];
  cwd: string;
  /** Bring the running lab's window forward. */
  focus(): void;
  /** Open a file the second launch named (an absolute path to an existing file). */
  open(path: string): void;
  isFile?: (path: string) => boolean;
}

/**
 * Takes the lock. True: this is the lab that runs (it will hear of later launches). False: another lab has
 * the lock and was given this launch's file; this one quits.
 */
export function claimSingleInstance(app: SingleInstanceApp, options: SingleInstanceOptions): boolean {
  const isFile = options.isFile ?? fileExists;
  const ownFile = scenarioPathFromArgv(options.argv, options.isPackaged, isFile, options.cwd);
  if (!app.requestSingleInstanceLock({ file: ownFile })) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    options.focus();
    // The file the other launch resolved itself; its command line (relative to its own folder) as a fallback,
    // since Chromium may rewrite the command line it passes on.
    const handed = fileFrom(additionalData);
    const file =
      handed && isFile(handed)
        ? handed
        : Array.isArray(argv)
          ? scenarioPathFromArgv(argv.map(String), options.isPackaged, isFile, String(workingDirectory))
          : null;
    if (file) options.open(file);
  });
  return true;
}

/** The `file` a second launch passed, if it is a plausible path (it comes from another process). */
function fileFrom(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const file = (data as { file?: unknown }).file;
  return typeof file === 'string' && file.length > 0 && file.length <= 4096 && isScenarioPath(file) ? file : null;
}
