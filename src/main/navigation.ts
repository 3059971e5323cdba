/**
 * Where the lab's window may go: only the app's own pages (app://lab/…, or in development the exact
 * electron-vite dev-server origin). Every navigation, redirect, popup and <webview> is checked here, because a
 * window that carries our preload must never show anyone else's page.
 */
import type { WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
/** The origin the built page is served from (see protocol.ts). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Chromium hands over canonical URLs (lower-case scheme and host, non-ASCII percent-encoded), so anything with
// spaces, controls or non-ASCII characters is not one of ours; the cap keeps absurd inputs cheap to refuse.
const CANONICAL_URL = /^[\x21-\x7e]+$/;
const MAX_URL_LENGTH = 8192;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !CANONICAL_URL.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of electron-vite's dev server, if `url` is a plain http URL on this machine; undefined
 * otherwise, so a stray environment variable cannot point the window at a remote site.
 */
export function devServerOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'http:' || parsed.username || parsed.password) return undefined;
  return LOOPBACK_HOSTS.has(parsed.hostname) ? parsed.origin : undefined;
}

/**
 * True only for the app's own pages: `app://lab/…`, and — when `devOrigin` is given (development) — URLs of
 * exactly that origin. Everything else (other hosts, look-alikes, javascript:, file:, data:, blob:…) is false.
 */
export function isAppUrl(url: string, devOrigin?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  // A prefix test on the raw string as well as on the parsed URL: both must agree that the host is `lab`.
  if (url.startsWith(`${APP_ORIGIN}/`)) return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  // (An origin includes the port, so another local server is refused too.)
  return devOrigin !== undefined && parsed.protocol === 'http:' && parsed.origin === devOrigin;
}

// A webContents is hardened once, although both window.ts and the app-wide 'web-contents-created' hook ask.
const hardened = new WeakSet<WebContents>();

/**
 * Denies, for one webContents: navigations and redirects (of any frame) that leave the app, every popup
 * (window.open, target=_blank; nothing is opened externally either) and every <webview>.
 */
export function hardenWebContents(contents: WebContents, devOrigin?: string): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, devOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // A <webview> would be a new renderer with preferences of the page's choosing.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
