/**
 * The fuses the packaging hook flips, run through @electron/fuses itself on a synthetic fuse wire (the bytes
 * Electron's binary carries: sentinel, wire version, wire length, one byte per fuse) and read back.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs modules without declaration files; their JSDoc documents the shapes.
import afterPack from './after-pack.mjs';
// @ts-expect-error -- as above
import { E2E_FLAVOUR_ENV, fuseConfig, packagedElectronPath } from './fuses.mjs';

const on = FuseState.ENABLE;
const off = FuseState.DISABLE;

/** What the issue asks of the shipped app, fuse by fuse (and what the remaining fuses are set to, with why in fuses.mjs). */
const shipped: Record<number, number> = {
  [FuseV1Options.RunAsNode]: off,
  [FuseV1Options.EnableCookieEncryption]: on,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
  [FuseV1Options.EnableNodeCliInspectArguments]: off,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
  [FuseV1Options.OnlyLoadAppFromAsar]: on,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
  [FuseV1Options.WasmTrapHandlers]: on,
};
const fuseCount = Object.keys(shipped).length;

/** Electron's defaults, from its fuses documentation (docs/tutorial/fuses.md): the wire a fresh binary has. */
const electronDefaults = [on, off, on, on, off, off, off, on, on];

// The sentinel @electron/fuses scans for, read from its own constants (not exported by the package).
const fusesDist = path.dirname(createRequire(import.meta.url).resolve('@electron/fuses'));
let sentinel: string;

/** A fake binary: noise, then the sentinel, wire version 1, the wire's length and its bytes, then noise. */
function syntheticBinary(wire: number[]): Buffer {
  const noise = Buffer.alloc(4096, 0xcc);
  return Buffer.concat([noise, Buffer.from(sentinel), Buffer.from([1, wire.length, ...wire]), noise]);
}

let folder: string;
beforeAll(async () => {
  const constants = await readFile(path.join(fusesDist, 'constants.js'), 'utf8');
  sentinel = /SENTINEL = '([^']+)'/.exec(constants)![1];
  folder = await mkdtemp(path.join(tmpdir(), 'descent-fuses-'));
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function flipped(name: string, initial: number[], config: unknown): Promise<Record<string, unknown>> {
  const file = path.join(folder, name);
  await writeFile(file, syntheticBinary(initial));
  await flipFuses(file, config as Parameters<typeof flipFuses>[1]);
  return getCurrentFuseWire(file);
}

describe('the packaged app’s fuses', () => {
  it('names every fuse this @electron/fuses knows', () => {
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    expect(known).toHaveLength(fuseCount);
    const config = fuseConfig({ platform: 'linux', arch: 'x64' });
    for (const fuse of known) expect(typeof config[fuse], FuseV1Options[fuse as number]).toBe('boolean');
  });

  it('sets every fuse as shipped, starting from Electron’s defaults', async () => {
    const wire = await flipped('defaults', electronDefaults, fuseConfig({ platform: 'linux', arch: 'x64' }));
    expect(wire.version).toBe('1');
    for (let i = 0; i < fuseCount; i++) expect(wire[i], FuseV1Options[i]).toBe(shipped[i]);
  });

  it('writes every byte: a wire holding the opposite of each value comes out as shipped', async () => {
    const opposite = electronDefaults.map((_, i) => (shipped[i] === on ? off : on));
    const wire = await flipped('opposite', opposite, fuseConfig({ platform: 'win32', arch: 'x64' }));
    for (let i = 0; i < fuseCount; i++) expect(wire[i], FuseV1Options[i]).toBe(shipped[i]);
  });

  it('keeps the inspector only in the end-to-end flavour, and changes nothing else there', async () => {
    const wire = await flipped('e2e', electronDefaults, fuseConfig({ inspectable: true, platform: 'linux', arch: 'x64' }));
    for (let i = 0; i < fuseCount; i++) {
      expect(wire[i], FuseV1Options[i]).toBe(i === FuseV1Options.EnableNodeCliInspectArguments ? on : shipped[i]);
    }
  });

  it('refuses a binary with a fuse it does not know rather than leave it at Electron’s default', async () => {
    const file = path.join(folder, 'newer');
    await writeFile(file, syntheticBinary([...electronDefaults, on]));
    await expect(flipFuses(file, fuseConfig({ platform: 'linux', arch: 'x64' }))).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('re-signs ad hoc only arm64 macOS builds, whose signature the flip breaks', () => {
    expect(fuseConfig({ platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ platform: 'linux', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the binary in each platform’s packed layout', () => {
    const app = { appOutDir: '/o', productFilename: 'Descent Lab', executableName: 'descent-lab' };
    expect(packagedElectronPath({ ...app, electronPlatformName: 'linux' })).toBe('/o/descent-lab');
    expect(packagedElectronPath({ ...app, electronPlatformName: 'win32' })).toBe('/o/Descent Lab.exe');
    expect(packagedElectronPath({ ...app, electronPlatformName: 'darwin' })).toBe('/o/Descent Lab.app');
  });
});

describe('the afterPack hook', () => {
  /** electron-builder's context for a Linux x64 pack (Arch.x64 = 1), with the fake binary in place. */
  async function packLinux(inspectable: boolean): Promise<Record<string, unknown>> {
    const appOutDir = await mkdtemp(path.join(folder, 'linux-unpacked-'));
    await writeFile(path.join(appOutDir, 'descent-lab'), syntheticBinary(electronDefaults));
    const previous = process.env[E2E_FLAVOUR_ENV];
    if (inspectable) process.env[E2E_FLAVOUR_ENV] = '1';
    else delete process.env[E2E_FLAVOUR_ENV];
    try {
      await afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { appInfo: { productFilename: 'Descent Lab' }, executableName: 'descent-lab' },
      });
    } finally {
      if (previous === undefined) delete process.env[E2E_FLAVOUR_ENV];
      else process.env[E2E_FLAVOUR_ENV] = previous;
    }
    return getCurrentFuseWire(path.join(appOutDir, 'descent-lab'));
  }

  it('flips the packed binary’s fuses as shipped', async () => {
    const wire = await packLinux(false);
    for (let i = 0; i < fuseCount; i++) expect(wire[i], FuseV1Options[i]).toBe(shipped[i]);
  });

  it('keeps the inspector when the end-to-end packaging run asks for it', async () => {
    const wire = await packLinux(true);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(on);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
  });
});
