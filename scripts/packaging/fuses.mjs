// The Electron fuses the packaged app is built with: switches compiled into the Electron binary that no
// environment variable or command-line flag can turn back on. Applied by after-pack.mjs to every package.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Set to 1 by the packaging run whose app the end-to-end specs launch: it alone keeps the inspector. */
export const E2E_FLAVOUR_ENV = 'DESCENT_LAB_E2E_PACKAGE';

/**
 * The fuse configuration for one package.
 * @param {{ inspectable?: boolean, platform?: string, arch?: string }} [options]
 *   `inspectable`: the end-to-end flavour (Playwright attaches through --inspect / --remote-debugging);
 *   `platform`, `arch`: Electron's platform name and the arch, to re-sign arm64 macOS builds ad hoc.
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig({ inspectable = false, platform = process.platform, arch = process.arch } = {}) {
  return {
    version: FuseVersion.V1,
    // Every fuse named: a newer Electron with a fuse this list does not know fails the packaging run.
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and local storage encrypted at rest with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (--require, --inspect…) could inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and friends: only the test flavour, which Playwright drives through them.
    [FuseV1Options.EnableNodeCliInspectArguments]: inspectable,
    // app.asar checked against the hash electron-builder embeds (macOS and Windows; a no-op on Linux).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Without it, a loose app/ folder beside app.asar would be loaded instead, bypassing the integrity check.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The app ships no custom V8 snapshot.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The page is served from app://, never file://: file: needs none of its legacy privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // WebAssembly's trap handlers are Electron's default and a sandbox-safe speed-up.
    [FuseV1Options.WasmTrapHandlers]: true,
    // Flipping bytes breaks an arm64 binary's ad hoc signature, without which macOS will not run it.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
}

/**
 * The file that holds the fuse wire in a packed app (flipFuses finds the framework inside a .app itself).
 * @param {{ appOutDir: string, electronPlatformName: string, productFilename: string, executableName: string }} app
 */
export function packagedElectronPath({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return `${appOutDir}/${productFilename}.app`;
  if (electronPlatformName === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName}`;
}
