/**
 * The app:// scheme: the built page is served from app://lab/ rather than file://, so it has a real origin
 * ('self' in the CSP means only our files; ES modules load), and main adds the CSP header to every response.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appCspHeader } from './csp';
import { APP_HOST, APP_SCHEME } from './navigation';

/** The content types the built renderer needs; any other extension is a 404. */
export const contentTypes: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
});

/**
 * Makes app:// a standard, secure scheme (an origin, relative URLs, fetch). Electron accepts this only before
 * the app is ready, so index.ts calls it at module top level. corsEnabled stays off: no other origin may read us.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file under `rootDir` that `requestUrl` names, or null when the URL is not app://lab/…, cannot be
 * decoded, or would leave `rootDir` (`..`, encoded dots or slashes, backslashes, NUL). `/` means index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Backslashes separate folders on Windows and NUL truncates paths in C: neither belongs in our file names.
  if (relative.includes('\\') || relative.includes('\0')) return null;
  if (relative.split('/').some((segment) => segment === '..')) return null;
  if (!relative.startsWith('/')) relative = `/${relative}`;
  if (relative.endsWith('/')) relative += 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${relative}`);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

function respond(status: number, body: Uint8Array | string, contentType: string): Response {
  return new Response(status === 200 ? (body as ConstructorParameters<typeof Response>[0]) : `${status}`, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': appCspHeader,
      'X-Content-Type-Options': 'nosniff',
      // Cross-origin isolation: only then may the page's workers share memory (SharedArrayBuffer) and step on every core.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  });
}

/** Answers one app:// request from the files under `rootDir`: the file, or a 404 / 405 (never a listing). */
export async function serveAppRequest(rootDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, '', 'text/plain; charset=utf-8');
  const file = resolveAppPath(rootDir, request.url);
  const type = file ? contentTypes[path.extname(file).toLowerCase()] : undefined;
  if (!file || !type) return respond(404, '', 'text/plain; charset=utf-8');
  try {
    return respond(200, await readFile(file), type);
  } catch {
    // Missing files and folders alike: the page learns nothing about the disk beyond "not found".
    return respond(404, '', 'text/plain; charset=utf-8');
  }
}

/** Serves app://lab/ from the built renderer folder; call once the app is ready. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request));
}
