// A tiny static file server for a built page (out/web), bound to one host: enough for `npm start`'s browser
// fallback and for tests. It serves GET/HEAD only and never a file outside its root. It can serve the folder
// under a sub-path (`--base /descent-lab/`), as a web host serving a parent folder would: the end-to-end specs
// run the web build that way, to prove it works from any folder and not only from a server's root.
//
//   node scripts/static-server.mjs <folder> [--host H] [--port N] [--base /sub/path/]
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

/** Content types by extension; anything else is served as opaque bytes. */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a request path to a file inside `root`, or returns null when it would leave `root`.
 * Decoding first matters: `/%2e%2e/x` must be judged as `/../x`.
 * @param {string} root absolute, real path of the served folder
 * @param {string} requestUrl the request's path below the served base, still percent-encoded
 * @returns {string | null}
 */
function resolveInside(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(requestUrl);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.sep + pathname.replace(/^\/+/, ''));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * A URL base path in its one canonical form, `/` or `/a/b/`.
 * @param {string} base
 */
function normaliseBase(base) {
  const trimmed = base.split('/').filter(Boolean).join('/');
  if (/[?#%\\]|(^|\/)\.\.?(\/|$)/.test(trimmed)) throw new Error(`--base: expected a plain path like /descent-lab/, got ${base}`);
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Serves the files under `root` over HTTP.
 * @param {string} root the folder to serve
 * @param {{ host?: string, port?: number, base?: string }} [options] port 0 (the default) picks a free port;
 *   `base` is the URL path the folder is served under (default `/`); anything outside it is 404
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveStatic(root, { host = '127.0.0.1', port = 0, base: basePath = '/' } = {}) {
  const urlBase = normaliseBase(basePath);
  // The real path, so that a symbolic link inside root cannot point the server elsewhere unnoticed.
  const base = await realpath(path.resolve(root));

  const server = createServer(async (request, response) => {
    const send = (status, message) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : message + '\n');
    };
    const redirect = (location) => {
      response.writeHead(301, { location, 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : `Moved to ${location}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');

    const requestUrl = new URL(request.url ?? '/', 'http://localhost');
    // The base without its slash is the folder itself: redirect, or the page's relative URLs would miss it.
    if (`${requestUrl.pathname}/` === urlBase) return redirect(urlBase + requestUrl.search);
    if (!requestUrl.pathname.startsWith(urlBase)) return send(404, 'Not found');
    let file = resolveInside(base, requestUrl.pathname.slice(urlBase.length - 1));
    if (!file) return send(403, 'Forbidden');
    try {
      if ((await stat(file)).isDirectory()) {
        // As any static server does: a folder's URL ends in a slash, so that relative URLs resolve inside it.
        // One leading slash: '//host/…' would send the browser to another host.
        if (!requestUrl.pathname.endsWith('/')) return redirect(`/${requestUrl.pathname.replace(/^\/+/, '')}/${requestUrl.search}`);
        file = path.join(file, 'index.html');
      }
      const real = await realpath(file);
      if (!real.startsWith(base + path.sep)) return send(403, 'Forbidden');
      const info = await stat(real);
      if (!info.isFile()) return send(404, 'Not found');
      response.writeHead(200, {
        'content-type': contentTypes[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        // Cross-origin isolation: only then may the page's workers share memory (SharedArrayBuffer) and step on every core.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(real)
        .on('error', () => response.destroy())
        .pipe(response);
    } catch {
      send(404, 'Not found');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}${urlBase}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The command line: serve a folder until interrupted. */
async function main(argv) {
  const options = { host: '127.0.0.1', port: 0, base: '/' };
  let folder;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--host' || arg === '--port' || arg === '--base') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--port') {
        options.port = Number(value);
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`--port: expected 0–65535, got ${value}`);
      } else options[arg.slice(2)] = value;
    } else if (!arg.startsWith('-') && folder === undefined) folder = arg;
    else throw new Error(`unexpected ${arg} (usage: static-server.mjs <folder> [--host H] [--port N] [--base /path/])`);
  }
  if (folder === undefined) throw new Error('usage: static-server.mjs <folder> [--host H] [--port N] [--base /path/]');
  const server = await serveStatic(folder, options);
  const stop = () => server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Serving ${folder} at ${server.url} (Ctrl+C to stop)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`static-server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
