import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPreferences, type Preferences } from '../shared/preferences';
import { PreferenceStore, storageBackend, storageKey, type PreferenceBackend } from './preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: vi.fn((key: string, value: string) => void items.set(key, value)), items };
}

const hiddenPanel: Preferences = { ...defaultPreferences(), panel: { hidden: true, closedFolders: ['Optimizer'] } };

afterEach(() => vi.useRealTimers());

describe('PreferenceStore', () => {
  it('reads what was kept, and says nothing when it is whole', async () => {
    const storage = memoryStorage({ [storageKey]: JSON.stringify(hiddenPanel) });
    const store = new PreferenceStore(storageBackend(storage));
    const ready = vi.fn();
    store.events.on('ready', ready);
    await expect(store.load()).resolves.toBeNull();
    expect(store.get()).toEqual(hiddenPanel);
    expect(ready).toHaveBeenCalledWith(hiddenPanel);
  });

  it('uses the defaults for a damaged part and tells the user', async () => {
    const damaged = { ...hiddenPanel, recording: { ...defaultPreferences().recording, seconds: -3 } };
    const store = new PreferenceStore(storageBackend(memoryStorage({ [storageKey]: JSON.stringify(damaged) })));
    await expect(store.load()).resolves.toMatch(/damaged/);
    expect(store.get()).toEqual({ panel: hiddenPanel.panel, recording: defaultPreferences().recording, trainer: defaultPreferences().trainer });
  });

  it('treats text that is not JSON as damaged', async () => {
    const store = new PreferenceStore(storageBackend(memoryStorage({ [storageKey]: '{"panel":' })));
    await expect(store.load()).resolves.toMatch(/damaged/);
    expect(store.get()).toEqual(defaultPreferences());
  });

  it('goes on with the defaults when the backend fails', async () => {
    const store = new PreferenceStore({ read: () => Promise.reject(new Error('gone')), write: vi.fn() });
    await expect(store.load()).resolves.toMatch(/could not be read/);
    expect(store.get()).toEqual(defaultPreferences());
  });

  it('ignores changes made before the stored preferences are read', async () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const store = new PreferenceStore({ read: async () => hiddenPanel, write });
    store.update('panel', { hidden: false, closedFolders: [] });
    await store.load();
    vi.runAllTimers();
    expect(write).not.toHaveBeenCalled();
    expect(store.get()).toEqual(hiddenPanel);
  });

  it('saves once, a moment after a burst of changes, and at once on flush', async () => {
    vi.useFakeTimers();
    const write = vi.fn<PreferenceBackend['write']>();
    const store = new PreferenceStore({ read: async () => null, write }, 300);
    await store.load();
    for (const seconds of [6, 7, 8]) store.update('recording', { ...defaultPreferences().recording, seconds });
    vi.advanceTimersByTime(299);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0][0].recording.seconds).toBe(8);
    store.update('panel', { hidden: true, closedFolders: [] });
    store.flush();
    expect(write).toHaveBeenCalledTimes(2);
    store.flush(); // nothing pending
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('writes to localStorage as JSON, and survives a storage that refuses', async () => {
    const storage = memoryStorage();
    const store = new PreferenceStore(storageBackend(storage));
    await store.load();
    store.update('panel', hiddenPanel.panel);
    store.flush();
    expect(JSON.parse(storage.items.get(storageKey)!)).toEqual(hiddenPanel);
    storage.setItem.mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    store.update('panel', defaultPreferences().panel);
    expect(() => store.flush()).not.toThrow();
  });
});
