import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  corruptName,
  defaultSettings,
  loadSettings,
  MAX_SETTINGS_BYTES,
  saveSettings,
  SETTINGS_FILE,
  settingsSchema,
  SettingsStore,
  visibleBounds,
} from './settings';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'descent-settings-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const NOW = new Date('2026-11-22T01:02:03.456Z');

describe('loadSettings and saveSettings', () => {
  it('uses the defaults, without a notice, when there is no file yet', () => {
    expect(loadSettings(tempFolder())).toEqual({ settings: defaultSettings(), notice: null });
    expect(loadSettings(join(tempFolder(), 'not-created-yet'))).toEqual({ settings: defaultSettings(), notice: null });
  });

  it('round-trips every field', () => {
    const folder = join(tempFolder(), 'userData'); // created on the first save
    const settings = {
      ...defaultSettings(),
      window: { x: -20, y: 40, width: 1400, height: 900, maximized: true },
      preferences: {
        panel: { hidden: true, closedFolders: ['Optimizer', 'Data'] },
        recording: {
          resolution: '1920x1080' as const,
          fps: 60 as const,
          seconds: 12,
          stepsPerFrame: 4,
          clean: true,
          title: 'Adam',
          caption: '',
          chart: true,
          panel: false,
        },
      },
      lastScenario: '{"model":{"kind":"surface"}}',
      lastFile: '/home/ada/bowl.descent.json',
      recent: ['/home/ada/bowl.descent.json', '/home/ada/xor.descent.json'],
    };
    saveSettings(folder, settings);
    expect(loadSettings(folder)).toEqual({ settings, notice: null });
    expect(readdirSync(folder)).toEqual([SETTINGS_FILE]);
  });

  it('fills in fields a file from an older version lacks', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, SETTINGS_FILE), '{"version":1,"lastFile":"/a.descent.json"}');
    expect(loadSettings(folder)).toEqual({ settings: { ...defaultSettings(), lastFile: '/a.descent.json' }, notice: null });
  });

  it.each([
    ['torn JSON', '{"version":1,"window":{"x":', /is not valid JSON/],
    ['an empty file', '', /is not valid JSON/],
    ['a wrong version', '{"version":2}', /bad value at version/],
    ['a wrong type', '{"version":1,"recent":"a.json"}', /bad value at recent/],
    ['too many recent files', JSON.stringify({ version: 1, recent: Array.from({ length: 11 }, (_, k) => `/f${k}.json`) }), /bad value at recent/],
    ['not an object', '[1,2,3]', /bad value at \(settings\)/],
  ])('moves %s aside, uses the defaults and says so', (_label, text, problem) => {
    const folder = tempFolder();
    writeFileSync(join(folder, SETTINGS_FILE), text);
    const { settings, notice } = loadSettings(folder, NOW);
    const kept = corruptName(NOW);
    expect(kept).toBe('settings.corrupt-2026-11-22T01-02-03-456Z.json');
    expect(settings).toEqual(defaultSettings());
    expect(notice).toMatch(/^Your settings file was damaged \(it /);
    expect(notice).toMatch(problem);
    expect(notice).toContain(`it was kept as ${kept} and the defaults are used.`);
    expect(readdirSync(folder)).toEqual([kept]);
    expect(readFileSync(join(folder, kept), 'utf8')).toBe(text);
    // The next save writes a fresh file beside the one kept.
    saveSettings(folder, settings);
    expect(loadSettings(folder)).toEqual({ settings: defaultSettings(), notice: null });
  });

  it('moves aside, unread, a file too large to be settings', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, SETTINGS_FILE), '');
    truncateSync(join(folder, SETTINGS_FILE), MAX_SETTINGS_BYTES + 1); // sparse: never read
    const { settings, notice } = loadSettings(folder, NOW);
    expect(settings).toEqual(defaultSettings());
    expect(notice).toMatch(/more than settings can take\); it was kept as settings\.corrupt-/);
    expect(readdirSync(folder)).toEqual([corruptName(NOW)]);
  });

  it('removes temporary files a killed writer left behind', () => {
    const folder = tempFolder();
    saveSettings(folder, defaultSettings());
    writeFileSync(join(folder, `${SETTINGS_FILE}.999999.abcdef012345.tmp`), '{"vers');
    writeFileSync(join(folder, 'unrelated.tmp'), 'keep');
    expect(loadSettings(folder).notice).toBeNull();
    expect(readdirSync(folder).sort()).toEqual([SETTINGS_FILE, 'unrelated.tmp']);
  });
});

describe('SettingsStore', () => {
  afterEach(() => vi.useRealTimers());

  it('saves once, a moment after a burst of changes, and at once on flush', () => {
    vi.useFakeTimers();
    const folder = tempFolder();
    const store = new SettingsStore(folder, defaultSettings(), 500);
    store.update({ lastFile: '/a.json' });
    store.update({ lastFile: '/b.json' });
    vi.advanceTimersByTime(499);
    expect(existsSync(join(folder, SETTINGS_FILE))).toBe(false);
    vi.advanceTimersByTime(1);
    expect(loadSettings(folder).settings.lastFile).toBe('/b.json');
    store.update({ lastFile: '/c.json' });
    store.flush();
    expect(loadSettings(folder).settings.lastFile).toBe('/c.json');
  });

  it('reports a failed save instead of throwing', () => {
    vi.useFakeTimers();
    const folder = tempFolder();
    writeFileSync(join(folder, 'file'), '');
    const warn = vi.fn();
    const store = new SettingsStore(join(folder, 'file', 'below-a-file'), defaultSettings(), 10, warn);
    store.update({ lastFile: '/a.json' });
    expect(() => store.flush()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Descent Lab could not save its settings: /));
  });
});

describe('visibleBounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('keeps bounds that fit', () => {
    expect(visibleBounds({ x: 100, y: 50, width: 1280, height: 800 }, screen)).toEqual({ x: 100, y: 50, width: 1280, height: 800 });
  });
  it('moves a window from a monitor no longer there onto the display', () => {
    expect(visibleBounds({ x: 3000, y: -400, width: 1280, height: 800 }, screen)).toEqual({ x: 640, y: 0, width: 1280, height: 800 });
  });
  it('shrinks a window larger than the display', () => {
    expect(visibleBounds({ x: 1920, y: 0, width: 2560, height: 1440 }, { x: 1920, y: 0, width: 1280, height: 1000 })).toEqual({
      x: 1920,
      y: 0,
      width: 1280,
      height: 1000,
    });
  });
});

// A writer killed at random moments (SIGKILL: no cleanup) must never leave a torn settings file.
describe('a settings writer killed at random points', () => {
  let child = '';
  beforeAll(async () => {
    const outDir = tempFolder();
    const { build } = await import('vite');
    await build({
      root: join(import.meta.dirname, '..', '..'),
      configFile: false,
      logLevel: 'error',
      ssr: { noExternal: true },
      build: {
        ssr: 'src/main/settings-writer-child.ts',
        outDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'settings-writer.mjs' } },
      },
    });
    child = join(outDir, 'settings-writer.mjs');
  }, 30_000);

  it('leaves a whole, valid file after each of 25+ kills over 500+ writes', async () => {
    const folder = tempFolder();
    const file = join(folder, SETTINGS_FILE);
    let seed = 20261122; // mulberry32: the same kill moments on every run
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let writes = 0;
    let kills = 0;
    let lastSeen = 0;
    let midWrite = 0; // kills that caught a temporary file on disk, i.e. landed inside a write
    while ((writes < 500 || kills < 25) && kills < 200) {
      const reported = await runAndKill(child, folder, random);
      writes += reported;
      kills++;
      if (!existsSync(file) && writes === 0) continue; // killed before the very first rename: nothing to check yet
      // The file is whole and valid: the previous run's or this run's contents, never a mix.
      const text = readFileSync(file, 'utf8');
      const settings = settingsSchema.parse(JSON.parse(text));
      const n = Number(/\/writes\/(\d+)\./.exec(settings.lastFile!)![1]);
      expect(JSON.parse(settings.lastScenario!)).toEqual({ n, pad: 'x'.repeat(n * 512) });
      // The child reports after the rename, so the file is at least as new as the last report.
      if (reported > 0) expect(n).toBeGreaterThanOrEqual(reported);
      lastSeen = n;
      const temps = readdirSync(folder).filter((name) => name.endsWith('.tmp'));
      expect(temps.length, temps.join(', ')).toBeLessThanOrEqual(1);
      if (temps.length) midWrite++;
      for (const name of temps) unlinkSync(join(folder, name));
    }
    console.info(`settings writer: ${kills} kills, ${writes} reported writes, ${midWrite} inside a write`);
    expect(lastSeen).toBeGreaterThan(0);
    expect(kills).toBeGreaterThanOrEqual(25);
    expect(writes).toBeGreaterThanOrEqual(500);
  }, 240_000); // a hang guard: 25+ forked writers, each a Node start-up, take minutes on a busy machine
});

/** Forks the writer, SIGKILLs it 0–200 ms after its first write (or at once, now and then), returns its write count. */
function runAndKill(script: string, folder: string, random: () => number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = fork(script, [folder], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let count = 0;
    let stderr = '';
    let armed = false;
    const kill = (): void => void proc.kill('SIGKILL');
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('message', (n) => {
      count = Math.max(count, n as number);
      if (!armed) {
        armed = true;
        setTimeout(kill, Math.floor(random() * 200));
      }
    });
    // One run in ten is killed before any write is reported: during start-up or the very first write.
    if (random() < 0.1) {
      setTimeout(kill, 20 + Math.floor(random() * 40));
      armed = true;
    }
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve(count);
    });
  });
}
