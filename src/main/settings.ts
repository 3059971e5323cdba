/**
 * The app's settings file (userData/settings.json): window bounds, the page's preferences (panel state and
 * recording choices), the last experiment and recent files. Plain Node (main passes `app.getPath('userData')`), written atomically; a
 * damaged file is moved aside, never overwritten unseen, and the defaults are used with a notice.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DelayedSave } from '../shared/delayed-save';
import { limits } from '../shared/limits';
import { preferencesSchema } from '../shared/preferences';
import { writeFileAtomic } from './atomic-write';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

/** The largest file that can hold valid settings (the last scenario dominates); anything larger is not read. */
export const MAX_SETTINGS_BYTES = limits.maxScenarioBytes * 2 + 1024 * 1024;
const MAX_PATH = 4096;
const int = z.number().int().min(-1_000_000).max(1_000_000);
const size = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({ x: int, y: int, width: size, height: size, maximized: z.boolean() });

// Every field has a default, so a file written by an older version (missing a newer field) still loads.
export const settingsSchema = z.object({
  version: z.literal(1),
  window: windowStateSchema.nullable().default(null),
  /** The page's preferences (the panel as left, the Record dialog's choices), checked again on arrival. */
  preferences: preferencesSchema.nullable().default(null),
  lastScenario: z.string().max(limits.maxScenarioBytes).nullable().default(null),
  lastFile: z.string().max(MAX_PATH).nullable().default(null),
  recent: z.array(z.string().max(MAX_PATH)).max(MAX_RECENT).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowState = z.infer<typeof windowStateSchema>;

export function defaultSettings(): Settings {
  return { version: 1, window: null, preferences: null, lastScenario: null, lastFile: null, recent: [] };
}

export interface LoadedSettings {
  settings: Settings;
  /** Shown to the user when the file was damaged and moved aside; null otherwise. */
  notice: string | null;
}

/** Reads the settings in `folder`; never throws for a missing or damaged file. */
export function loadSettings(folder: string, now: Date = new Date()): LoadedSettings {
  const file = join(folder, SETTINGS_FILE);
  removeStaleTempFiles(folder);
  let text: string;
  try {
    // Sized before it is read: a settings file grown huge by accident must not fill memory at every start.
    const bytes = statSync(file).size;
    if (bytes > MAX_SETTINGS_BYTES)
      return { settings: defaultSettings(), notice: moveAside(folder, file, now, `is ${bytes} bytes, more than settings can take`) };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings(), notice: null };
    return { settings: defaultSettings(), notice: moveAside(folder, file, now, `could not be read (${(error as Error).message})`) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { settings: defaultSettings(), notice: moveAside(folder, file, now, 'is not valid JSON') };
  }
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(settings)';
    return { settings: defaultSettings(), notice: moveAside(folder, file, now, `has a bad value at ${where}: ${issue?.message ?? 'invalid'}`) };
  }
  return { settings: result.data, notice: null };
}

/** Writes the settings atomically (callers debounce: see SettingsStore). */
export function saveSettings(folder: string, settings: Settings): void {
  mkdirSync(folder, { recursive: true });
  writeFileAtomic(join(folder, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The name a damaged settings file is kept under: settings.corrupt-2026-11-22T01-02-03-456Z.json. */
export function corruptName(now: Date): string {
  return `settings.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}

function moveAside(folder: string, file: string, now: Date, problem: string): string {
  const name = corruptName(now);
  try {
    renameSync(file, join(folder, name));
    return `Your settings file was damaged (it ${problem}); it was kept as ${name} and the defaults are used.`;
  } catch {
    return `Your settings file was damaged (it ${problem}) and could not be moved aside; the defaults are used.`;
  }
}

/** A writer killed between creating and renaming its temporary file leaves it behind: tidy those up. */
function removeStaleTempFiles(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const mine = `${SETTINGS_FILE}.${process.pid}.`;
  for (const name of names) {
    if (/^settings\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name) && !name.startsWith(mine)) {
      try {
        unlinkSync(join(folder, name));
      } catch {
        // another instance may be renaming it right now
      }
    }
  }
}

/**
 * The settings in memory, saved a moment after the last change (window moves come in bursts) and at once
 * on `flush()` (quit). A failed save is reported, never thrown: the app goes on with its settings in memory.
 */
export class SettingsStore {
  private readonly saving: DelayedSave;

  constructor(
    readonly folder: string,
    private current: Settings,
    delayMs = 500,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    this.saving = new DelayedSave(() => this.save(), delayMs);
  }

  get settings(): Readonly<Settings> {
    return this.current;
  }

  /** Applies `patch` and schedules a save. */
  update(patch: Partial<Settings>): void {
    this.current = { ...this.current, ...patch };
    this.saving.schedule();
  }

  /** Saves now if a save is pending. */
  flush(): void {
    this.saving.flush();
  }

  private save(): void {
    try {
      saveSettings(this.folder, this.current);
    } catch (error) {
      this.warn(`Descent Lab could not save its settings: ${(error as Error).message}`);
    }
  }
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Saved bounds made visible on `workArea` (the display nearest them): a window from an unplugged monitor or
 * a smaller screen is shrunk to fit and moved fully onto it.
 */
export function visibleBounds(saved: Rectangle, workArea: Rectangle): Rectangle {
  const width = Math.min(saved.width, workArea.width);
  const height = Math.min(saved.height, workArea.height);
  const x = Math.min(Math.max(saved.x, workArea.x), workArea.x + workArea.width - width);
  const y = Math.min(Math.max(saved.y, workArea.y), workArea.y + workArea.height - height);
  return { x, y, width, height };
}
