import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appCspHeader } from './csp';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { contentTypes, handleAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } = await import('./protocol');

const ROOT = path.resolve('/app/out/renderer');
const inRoot = (...parts: string[]) => path.join(ROOT, ...parts);

describe('resolveAppPath', () => {
  it('maps app://lab paths to files in the folder', () => {
    expect(resolveAppPath(ROOT, 'app://lab/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(ROOT, 'app://lab/assets/index-abc.js')).toBe(inRoot('assets', 'index-abc.js'));
    expect(resolveAppPath(ROOT, 'app://lab/index.html?x=1#y')).toBe(inRoot('index.html'));
    expect(resolveAppPath(ROOT, 'app://lab/fonts/My%20Font.woff2')).toBe(inRoot('fonts', 'My Font.woff2'));
  });

  it('serves index.html for the root and for folders', () => {
    expect(resolveAppPath(ROOT, 'app://lab/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(ROOT, 'app://lab')).toBe(inRoot('index.html'));
    expect(resolveAppPath(ROOT, 'app://lab/assets/')).toBe(inRoot('assets', 'index.html'));
  });

  it('keeps the URL parser’s own dot-segment removal inside the folder', () => {
    // new URL() already folds these to /etc/passwd and /index.html: they are still under the root.
    expect(resolveAppPath(ROOT, 'app://lab/../../etc/passwd')).toBe(inRoot('etc', 'passwd'));
    expect(resolveAppPath(ROOT, 'app://lab/%2e%2e/%2E%2E/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(ROOT, 'app://lab/assets/./../index.html')).toBe(inRoot('index.html'));
  });

  it('refuses traversal that survives URL parsing', () => {
    for (const url of [
      'app://lab/..%2f..%2fetc%2fpasswd',
      'app://lab/..%2F..%2F..%2Fetc/passwd',
      'app://lab/assets%2f..%2f..%2fsecret.txt',
      'app://lab/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://lab/%2E%2E%2Fsecret.txt',
      'app://lab/..%5c..%5csecret.txt',
      'app://lab/assets\\..\\..\\secret.txt',
      'app://lab/%5c%5cserver%5cshare%5cfile.js',
      'app://lab/index.html%00.js',
    ]) {
      expect(resolveAppPath(ROOT, url), url).toBeNull();
    }
  });

  it('treats double-encoded dots as a plain (missing) file name, not as ..', () => {
    expect(resolveAppPath(ROOT, 'app://lab/%252e%252e/secret.txt')).toBe(inRoot('%2e%2e', 'secret.txt'));
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAppPath(ROOT, 'app://lab/%E0%A4%A.js')).toBeNull();
    expect(resolveAppPath(ROOT, 'app://lab/%')).toBeNull();
  });

  it('refuses other hosts, schemes and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://lab.evil.com/index.html',
      'app://lab@evil.com/index.html',
      'app://user@lab/index.html',
      'app://lab:8080/index.html',
      'app://LAB/index.html',
      'https://lab/index.html',
      'file:///app/out/renderer/index.html',
      'not a url',
      '',
    ]) {
      expect(resolveAppPath(ROOT, url), url).toBeNull();
    }
  });
});

describe('serveAppRequest', () => {
  let base: string;
  let root: string;
  const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'descent-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Descent Lab</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'export {};');
    writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
    writeFileSync(path.join(root, 'assets', 'kernel.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(path.join(root, 'assets', 'notes.txt'), 'not served');
    writeFileSync(path.join(base, 'secret.txt'), 'outside the folder');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves a file with its content type, the CSP and nosniff', async () => {
    const response = await get('app://lab/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Descent Lab</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(appCspHeader);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('makes the page cross-origin isolated (COOP and COEP), so that its trainer may share memory between threads', async () => {
    const response = await get('app://lab/index.html');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it.each([
    ['app://lab/assets/main.js', 'text/javascript; charset=utf-8'],
    ['app://lab/assets/style.css', 'text/css; charset=utf-8'],
    ['app://lab/assets/kernel.wasm', 'application/wasm'],
    ['app://lab/', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('knows the types the built renderer needs', () => {
    expect(Object.keys(contentTypes).sort()).toEqual(['.css', '.html', '.js', '.json', '.mjs', '.png', '.svg', '.wasm', '.woff2']);
  });

  it.each([
    'app://lab/missing.js',
    'app://lab/assets/notes.txt',
    'app://lab/assets',
    'app://lab/..%2fsecret.txt',
    'app://lab/assets%2f..%2f..%2fsecret.txt',
    'app://evil/index.html',
  ])('answers %s with a 404 that still carries the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the folder');
    expect(response.headers.get('content-security-policy')).toBe(appCspHeader);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://lab/index.html', 'POST')).status).toBe(405);
    expect((await get('app://lab/index.html', 'HEAD')).status).toBe(200);
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure, fetchable scheme without CORS', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles app:// from the given folder', async () => {
    handleAppProtocol('/nowhere');
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await (handler as (request: { url: string; method: string }) => Promise<Response>)({ url: 'app://lab/index.html', method: 'GET' });
    expect(response.status).toBe(404);
  });
});
