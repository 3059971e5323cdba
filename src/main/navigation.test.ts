import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { APP_ENTRY_URL, devServerOrigin, hardenWebContents, isAppUrl } from './navigation';

const DEV = 'http://localhost:5173';

// Each one is somewhere the window must never go, in production and in development alike.
const hostile: readonly string[] = [
  // other hosts and schemes
  'https://evil.com',
  'https://evil.com/index.html',
  'http://evil.com/',
  'https://lab/',
  'http://lab/index.html',
  'ftp://lab/',
  'ws://lab/',
  'wss://evil.com/',
  // look-alikes of app://lab
  'app://lab.evil.com/',
  'app://lab@evil.com/',
  'app://lab:x@evil.com/',
  'app://user:pass@lab/',
  'app://evil.com@lab/',
  'app://lab:80/',
  'app://lab:443/index.html',
  'app://LAB.evil/',
  'app://LAB/',
  'APP://lab/',
  'app:/lab',
  'app:lab/index.html',
  'app:///lab/',
  'app://lab',
  'app://lab%2eevil/',
  'app://lab%2Fevil/',
  'app://lab./',
  'app://labs/',
  'app://la/',
  'app://evil/',
  'app://ⅼab/',
  'app://lаb/', // Cyrillic а
  'app://xn--b-ftb/',
  'app://lab\\@evil.com/',
  'app://lab\t/',
  ' app://lab/',
  'app://lab/\n',
  'app://lab/ index.html',
  'apps://lab/',
  'ap://lab/',
  'app\u0000://lab/',
  // scripts and local data
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript://lab/%0aalert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://lab/index.html',
  'file:///C:/Windows/System32/',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:https://evil.com/1f0c2c1e-0000-4000-8000-000000000000',
  'blob:app://lab/1f0c2c1e-0000-4000-8000-000000000000',
  'filesystem:https://evil.com/temporary/x',
  // browser internals
  'about:blank',
  'about:srcdoc',
  'chrome://settings',
  'chrome://gpu',
  'chrome-extension://abcdef/index.html',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://lab/',
  'view-source:app://lab/index.html',
  'mailto:someone@example.com',
  'tel:+15551234567',
  // garbage
  '',
  ' ',
  'lab',
  '/index.html',
  '//lab/index.html',
  '://lab/',
  'app',
  '%61pp://lab/',
  'https://evil.com/' + 'a'.repeat(100_000),
  'app://lab/' + 'a'.repeat(100_000),
  'https://evil.com/?next=app://lab/',
  'https://evil.com#app://lab/',
];

// Reachable only in development, and only when that exact origin is the dev server's.
const devLookAlikes: readonly string[] = ['http://localhost:5173', 'http://localhost:5173/', 'http://localhost:5173/index.html'];

describe('isAppUrl', () => {
  it(`refuses ${hostile.length} hostile URLs in production`, () => {
    expect(hostile.length).toBeGreaterThanOrEqual(40);
    for (const url of hostile) expect(isAppUrl(url), JSON.stringify(url.slice(0, 80))).toBe(false);
  });

  it('refuses the same URLs in development', () => {
    for (const url of hostile) expect(isAppUrl(url, DEV), JSON.stringify(url.slice(0, 80))).toBe(false);
  });

  it('refuses the dev server when not in development', () => {
    for (const url of devLookAlikes) expect(isAppUrl(url), url).toBe(false);
  });

  it('accepts exactly the dev server origin in development', () => {
    for (const url of devLookAlikes) expect(isAppUrl(url, DEV), url).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'ws://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost/',
      'http://localhost:5173@evil.com/',
      'http://user@localhost:5173/',
      'http://localhost:5173.evil.com/',
      'http://evil.com/?localhost:5173',
      'view-source:http://localhost:5173/',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
  });

  it("accepts the app's own pages", () => {
    for (const url of [APP_ENTRY_URL, 'app://lab/', 'app://lab/index.html?scenario=rosenbrock#top', 'app://lab/assets/index-abc.js']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses anything that is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['app://lab/']]) expect(isAppUrl(value as unknown as string)).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('keeps a plain http URL on this machine', () => {
    expect(devServerOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173/sub/')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173/')).toBe('http://[::1]:5173');
  });

  it('ignores anything else', () => {
    for (const url of [
      undefined,
      '',
      'https://evil.com',
      'http://evil.com:5173',
      'http://localhost.evil.com:5173',
      'http://user@localhost:5173',
      'file:///tmp/index.html',
      'app://lab/',
      'javascript:alert(1)',
    ]) {
      expect(devServerOrigin(url), String(url)).toBeUndefined();
    }
  });
});

type Listener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    }),
    setWindowOpenHandler: vi.fn(),
  };
  /** Emits `event` with an Electron-style details object; returns whether the listener prevented it. */
  const emit = (event: string, url: string): boolean => {
    const details = { url, preventDefault: vi.fn() };
    for (const listener of listeners.get(event) ?? []) listener(details, url);
    return details.preventDefault.mock.calls.length > 0;
  };
  return { contents, listeners, emit, asWebContents: contents as unknown as WebContents };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: denies hostile URLs, allows the app', (event) => {
    const fake = fakeWebContents();
    hardenWebContents(fake.asWebContents);
    for (const url of hostile) expect(fake.emit(event, url), url.slice(0, 80)).toBe(true);
    expect(fake.emit(event, 'http://localhost:5173/')).toBe(true);
    expect(fake.emit(event, APP_ENTRY_URL)).toBe(false);
  });

  it('allows the dev server only when given its origin', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.asWebContents, DEV);
    expect(fake.emit('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(fake.emit('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies every window.open, even to the app itself', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.asWebContents);
    const handler = fake.contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    for (const url of ['https://example.com/', APP_ENTRY_URL, 'about:blank']) expect(handler({ url })).toEqual({ action: 'deny' });
  });

  it('denies every <webview>', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.asWebContents);
    const event = { preventDefault: vi.fn() };
    for (const listener of fake.listeners.get('will-attach-webview') ?? []) listener(event, {}, { src: APP_ENTRY_URL });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens a webContents once, however often asked', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.asWebContents);
    hardenWebContents(fake.asWebContents);
    expect(fake.listeners.get('will-navigate')).toHaveLength(1);
    expect(fake.contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});
