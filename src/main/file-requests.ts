/**
 * Files the system asks the lab to open: macOS's 'open-file' (a double-click in the Finder, a file dropped on
 * the dock icon) and a second launch's file. One may come before the app is ready (it waits), or while the lab
 * has no window: macOS keeps an app running with none, and a file opened then must open one, not wait for a
 * click on the dock icon (Electron's 'open-file' opens nothing by itself).
 */
import type { ScenarioFiles } from './scenario-files';

export interface FileRequestsOptions {
  hasWindow(): boolean;
  /** Opens the lab's window; the file waits in ScenarioFiles until its page connects. */
  openWindow(): void;
}

export class FileRequests {
  private files: ScenarioFiles | null = null;
  private early: string | null = null;

  constructor(private readonly options: FileRequestsOptions) {}

  /** The app is ready: returns the file asked for before then (the latest), to open with the first window. */
  ready(files: ScenarioFiles): string | null {
    this.files = files;
    const early = this.early;
    this.early = null;
    return early;
  }

  /** Opens `path` in the lab, opening a window first when there is none. */
  open(path: string): void {
    if (!this.files) {
      this.early = path;
      return;
    }
    if (!this.options.hasWindow()) this.options.openWindow();
    void this.files.open(path);
  }
}
