/**
 * The packaging configuration, checked as data with electron-builder's own loader, schema and file matcher:
 * a real `npm run dist` needs Electron's runtime from GitHub, which this machine cannot reach.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { scenarioPathFromArgv } from '../../src/main/scenario-files';

// scenario-files.ts imports Electron for its dialogs, which this test never opens.
vi.mock('electron', () => ({ dialog: {} }));

const projectDir = path.resolve(import.meta.dirname, '../..');
const configFile = 'electron-builder.config.mjs';
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { getMainFileMatchers } = require('app-builder-lib/out/fileMatcher.js');
const packageJson = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));

// electron-builder's configuration, loaded as data: the assertions below are its type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typing it would only add a `!` to each optional field read below
let config: any;
const silentDebug = { isEnabled: false, add() {} };

beforeAll(async () => {
  config = await getConfig(projectDir, configFile, null);
});

describe('electron-builder configuration', () => {
  it('loads with electron-builder and passes its schema', async () => {
    await expect(validateConfiguration(config, silentDebug)).resolves.toBeUndefined();
  });

  it('the schema check is live: a misplaced option is refused', async () => {
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, title: 'x' } }, silentDebug)).rejects.toThrow(/title/);
  });

  it('names the app once, as package.json does', () => {
    expect(config.productName).toBe(packageJson.productName);
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){2,}$/);
  });

  it('builds AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('files the app under Education on every platform', () => {
    expect(config.linux.category).toBe('Education');
    expect(config.linux.desktop.entry.Categories.split(';')).toContain('Education');
    expect(config.mac.category).toBe('public.app-category.education');
  });

  it('associates one-part extensions only, since Windows matches a file by its last extension alone', () => {
    expect(config.fileAssociations.length).toBeGreaterThan(0);
    for (const association of config.fileAssociations) {
      for (const ext of [association.ext].flat()) expect(ext, `${ext}: Windows would look up only .${ext.split('.').pop()}`).toMatch(/^\.?[A-Za-z0-9]+$/);
    }
  });

  it('associates *.descent, which main opens when given one on its command line', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const [association] = config.fileAssociations;
    expect(association.ext).toBe('descent');
    expect(association.mimeType).toMatch(/^application\/[\w.+-]+\+json$/);
    // How a packaged app is started for a double-clicked file on Linux and Windows: the path after the binary.
    expect(scenarioPathFromArgv(['/opt/Descent Lab/descent-lab', `/home/u/bowl.${association.ext}`], true, () => true, '/')).toBe(
      `/home/u/bowl.${association.ext}`,
    );
    expect(
      scenarioPathFromArgv(['C:\\Program Files\\Descent Lab\\Descent Lab.exe', `C:\\Users\\u\\bowl.${association.ext}`], true, () => true, 'C:\\'),
    ).toMatch(new RegExp(`bowl\\.${association.ext}$`));
  });

  it('declares on macOS the type of the associated extension, as JSON', () => {
    const [type] = config.mac.extendInfo.UTExportedTypeDeclarations;
    expect(type.UTTypeConformsTo).toContain('public.json');
    expect(type.UTTypeTagSpecification['public.filename-extension']).toEqual([config.fileAssociations[0].ext]);
  });

  it('packs only the built app and package.json, by electron-builder’s own file matcher', () => {
    const platformPackager = {
      info: { projectDir, buildResourcesDir: config.directories.buildResources, config, isPrepackedAppAsar: false, debugLogger: silentDebug },
    };
    const [matcher] = getMainFileMatchers(
      projectDir,
      '/app',
      (s: string) => s,
      config.linux,
      platformPackager,
      path.join(projectDir, config.directories.output),
      false,
    );
    const included = matcher.createFilter();
    const file = { isDirectory: () => false };
    const packs = (relative: string): boolean => included(path.join(projectDir, relative), file);
    for (const built of [
      'package.json',
      'out/main/index.js',
      'out/main/trainer.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index.js',
    ]) {
      expect(packs(built), built).toBe(true);
    }
    // Sources, tests, the other builds (web, command line), source maps, icons' sources, CI, earlier installers.
    for (const other of [
      'src/main/index.ts',
      'e2e/lab.web.spec.ts',
      'scripts/start.mjs',
      'out/web/index.html',
      'out/cli/lab.mjs',
      'out/main/index.js.map',
      'build/icon.svg',
      'README.md',
      '.github/workflows/ci.yml',
      'dist/Descent Lab-0.1.0.AppImage',
      'electron-builder.config.mjs',
      'package-lock.json',
    ]) {
      expect(packs(other), other).toBe(false);
    }
  });

  it('copies no node_modules: its beforeBuild hook, as electron-builder resolves it, says they are handled outside', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js');
    const beforeBuild = await resolveFunction('module', config.beforeBuild, 'beforeBuild', projectDir);
    // app-builder-lib's packager: a beforeBuild resolving to false sets areNodeModulesHandledExternally.
    await expect(beforeBuild({ appDir: projectDir, electronVersion: '45.4.1', platform: { nodeName: 'linux' }, arch: 'x64' })).resolves.toBe(false);
    expect(config.npmRebuild).not.toBe(false); // with npmRebuild false the hook is never called
  });

  it('hands every pack to the afterPack hook that flips the fuses, as electron-builder resolves it', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js');
    const resolved = await resolveFunction('module', config.afterPack, 'afterPack', projectDir);
    // electron-builder imports the hook with Node itself: its function is the one after-pack.mjs exports.
    expect(typeof resolved).toBe('function');
    expect(resolved.name).toBe('afterPack');
    expect(readFileSync(path.join(projectDir, 'scripts/packaging/after-pack.mjs'), 'utf8')).toContain(`export default ${String(resolved)}`);
  });

  it('points every platform at icons that exist', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(existsSync(path.join(projectDir, config.linux.icon, `${size}x${size}.png`)), `${size}`).toBe(true);
    expect(existsSync(path.join(projectDir, config.mac.icon))).toBe(true);
    expect(existsSync(path.join(projectDir, config.win.icon))).toBe(true);
  });

  it('`npm run dist` builds the app, then packages it with this file', () => {
    expect(packageJson.scripts.dist).toBe(`electron-vite build && electron-builder --config ${configFile}`);
  });
});
