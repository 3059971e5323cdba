// `npm start`: builds the app and opens it in Electron; where Electron's runtime cannot be had (it is
// downloaded on first run, which fails offline), serves the same lab to the browser instead.
//
//   node scripts/start.mjs [--web] [--no-open] [--port N]
//     --web      skip Electron, open the browser version
//     --no-open  do not open a browser, only print the URL
//     --port N   serve the browser version on this port (default: a free one)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from './static-server.mjs';

const projectDir = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(projectDir, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;

function parseArgs(argv) {
  const options = { web: false, open: true, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--no-open') options.open = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0–65535, got ${value ?? 'nothing'}`);
      options.port = port;
    } else throw new Error(`unknown option ${arg} (expected --web, --no-open, --port N)`);
  }
  return options;
}

/** Runs a package's command-line script with this Node (portable: no `.bin/*.cmd` shims on Windows). */
function runPackageBin(pkg, bin, args) {
  const script = path.join(projectDir, 'node_modules', pkg, bin);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: projectDir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${pkg} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))));
  });
}

/** Where Electron's binary is, the way electron/index.js finds it: dist/<path.txt>, or null when missing. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(dist, executable);
  return existsSync(binary) ? binary : null;
}

/**
 * Electron's binary, downloading it first if needed (electron ≥ 42 fetches it lazily, through the package's
 * own install.js), or the reason it is unavailable.
 */
function findElectron() {
  const present = installedElectron();
  if (present) return { binary: present };
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return { reason: 'the electron package is not installed' };
  console.error("Fetching Electron's runtime (first run only)…");
  const result = spawnSync(process.execPath, [installer], {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const binary = installedElectron();
  if (binary) return { binary };
  if (/** @type {NodeJS.ErrnoException | undefined} */ (result.error)?.code === 'ETIMEDOUT')
    return { reason: `download timed out after ${DOWNLOAD_TIMEOUT_MS / 1000} s` };
  if (result.error) return { reason: result.error.message };
  const firstLine = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean);
  return { reason: firstLine ? firstLine.slice(0, 160) : `installer exit code ${result.status}` };
}

/** Starts Electron on this project and exits with its exit code. */
function launchElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron behave as plain Node and ignore the app
  const child = spawn(binary, [projectDir], { cwd: projectDir, stdio: 'inherit', env });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`npm start: could not launch Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** A Chromium-family browser on PATH, for an app-mode window (no tabs or address bar), or null. */
function chromiumOnPath() {
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
  const folders = (process.env.PATH ?? '').split(path.delimiter);
  for (const name of names) for (const folder of folders) if (existsSync(path.join(folder, name))) return path.join(folder, name);
  return null;
}

/** Opens the lab: an app-mode Chromium window where one can be shown, else the default browser. */
function openInBrowser(url) {
  const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const chromium = process.platform === 'linux' && hasDisplay ? chromiumOnPath() : null;
  if (chromium) {
    const profile = path.join(os.tmpdir(), 'descent-lab-browser'); // its own profile: a window of its own
    return launchDetached(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run'], 'spawn');
  }
  if (!hasDisplay) return Promise.resolve(false);
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]] // '' is start's window title
        : ['xdg-open', [url]];
  return launchDetached(command, args, 'exit');
}

/** Starts a program detached; resolves true once it is up ('spawn') or has exited 0 ('exit'), else false. */
function launchDetached(command, args, success) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => resolve(false));
    if (success === 'spawn') child.on('spawn', () => resolve(true));
    else child.on('exit', (code) => resolve(code === 0));
    child.unref();
  });
}

async function serveInBrowser({ open, port }) {
  await runPackageBin('vite', 'bin/vite.js', ['build', '--config', 'vite.web.config.ts']);
  const server = await serveStatic(path.join(projectDir, 'out', 'web'), { host: '127.0.0.1', port });
  const stop = () => server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Descent Lab is at ${server.url} (Ctrl+C to stop)`);
  // Some openers only return when the browser closes: the server is up already, so nothing waits on this.
  if (open && !(await openInBrowser(server.url))) console.error(`No browser window could be opened here: open ${server.url} yourself.`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await runPackageBin('electron-vite', 'bin/electron-vite.js', ['build']);
  if (!options.web) {
    const electron = findElectron();
    if (electron.binary) return launchElectron(electron.binary);
    console.error(`Electron's runtime could not be downloaded here (${electron.reason}); opening the same lab in your browser instead.`);
  }
  await serveInBrowser(options);
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
