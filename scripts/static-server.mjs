// A tiny static file server for a built page (out/web), bound to one host: enough for `npm start`'s browser
// fallback and for tests. It serves GET/HEAD only and never a file outside its root.
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
 * @param {string} requestUrl the request's URL (path and query)
 * @returns {string | null}
 */
function resolveInside(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.sep + pathname.replace(/^\/+/, ''));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves the files under `root` over HTTP.
 * @param {string} root the folder to serve
 * @param {{ host?: string, port?: number }} [options] port 0 (the default) picks a free port
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveStatic(root, { host = '127.0.0.1', port = 0 } = {}) {
  // The real path, so that a symbolic link inside root cannot point the server elsewhere unnoticed.
  const base = await realpath(path.resolve(root));

  const server = createServer(async (request, response) => {
    const send = (status, message) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : message + '\n');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');

    let file = resolveInside(base, request.url ?? '/');
    if (!file) return send(403, 'Forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const real = await realpath(file);
      if (!real.startsWith(base + path.sep)) return send(403, 'Forbidden');
      const info = await stat(real);
      if (!info.isFile()) return send(404, 'Not found');
      response.writeHead(200, {
        'content-type': contentTypes[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
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
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
