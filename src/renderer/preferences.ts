/**
 * The page's preferences between sessions (the panel as left, the Record dialog's choices): read once at
 * start, then saved a moment after each change. On the desktop they live in main's settings file (written
 * atomically there); in the browser build, in localStorage. What comes back is checked part by part
 * (src/shared/preferences.ts): a damaged part falls back to its defaults, and the user is told.
 */
import { DelayedSave } from '../shared/delayed-save';
import { defaultPreferences, readPreferences, type Preferences } from '../shared/preferences';
import { Emitter } from './emitter';

/** Where the preferences are kept. */
export interface PreferenceBackend {
  read(): Promise<unknown>;
  write(preferences: Preferences): void;
}

export const storageKey = 'descent-lab:preferences';

/** The desktop: main keeps them in its settings file. */
export function desktopBackend(bridge: { loadPreferences(): Promise<unknown>; rememberPreferences(preferences: Preferences): void }): PreferenceBackend {
  return { read: () => bridge.loadPreferences(), write: (preferences) => bridge.rememberPreferences(preferences) };
}

/** The browser: localStorage, as JSON (a storage that refuses, private mode or full, only loses the preferences). */
export function storageBackend(storage: Pick<Storage, 'getItem' | 'setItem'>): PreferenceBackend {
  return {
    read: async () => {
      const text = storage.getItem(storageKey);
      if (text === null) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return 'not JSON';
      }
    },
    write: (preferences) => {
      try {
        storage.setItem(storageKey, JSON.stringify(preferences));
      } catch {
        // Nowhere to keep them: this session still has them in memory.
      }
    },
  };
}

export class PreferenceStore {
  /** `ready`: the stored preferences have been read (parts apply them then). */
  readonly events = new Emitter<{ ready: Readonly<Preferences> }>();
  private current: Preferences = defaultPreferences();
  private loaded = false;
  private readonly saving: DelayedSave;

  constructor(
    private readonly backend: PreferenceBackend,
    delayMs = 300,
  ) {
    this.saving = new DelayedSave(() => this.backend.write(this.current), delayMs);
  }

  get(): Readonly<Preferences> {
    return this.current;
  }

  get ready(): boolean {
    return this.loaded;
  }

  /** Reads the stored preferences; resolves with a notice for the user when some were damaged. */
  async load(): Promise<string | null> {
    let stored: unknown = null;
    let failed = false;
    try {
      stored = await this.backend.read();
    } catch {
      failed = true;
    }
    const { preferences, damaged } = readPreferences(stored);
    this.current = preferences;
    this.loaded = true;
    this.events.emit('ready', this.current);
    if (failed) return 'Your saved preferences could not be read; the defaults are used.';
    return damaged ? 'Some of your saved preferences were damaged and were reset to their defaults.' : null;
  }

  /**
   * Changes a part and saves a moment later. Ignored until the stored preferences are read: what the page
   * does while starting (folders built closed, the dialog's defaults) must not overwrite them.
   */
  update<K extends keyof Preferences>(part: K, value: Preferences[K]): void {
    if (!this.loaded) return;
    this.current = { ...this.current, [part]: value };
    this.saving.schedule();
  }

  /** Saves now if a save is pending (the page is going away). */
  flush(): void {
    this.saving.flush();
  }
}
