// electron-builder's afterPack hook: flips the Electron fuses (fuses.mjs) in the freshly packed app, before
// electron-builder signs it and wraps it into an installer.
import { flipFuses } from '@electron/fuses';
import { E2E_FLAVOUR_ENV, fuseConfig, packagedElectronPath } from './fuses.mjs';

// electron-builder's Arch enum (builder-util): the context gives a number.
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const arch = archNames[context.arch] ?? String(context.arch);
  const inspectable = process.env[E2E_FLAVOUR_ENV] === '1';
  const binary = packagedElectronPath({
    appOutDir,
    electronPlatformName,
    productFilename: packager.appInfo.productFilename,
    executableName: packager.executableName ?? packager.appInfo.productFilename, // Linux only
  });
  const config = fuseConfig({ inspectable, platform: electronPlatformName, arch });
  await flipFuses(binary, config);
  console.log(`  • fuses flipped  ${binary}${inspectable ? ' (end-to-end flavour: inspector kept)' : ''}`);
}
