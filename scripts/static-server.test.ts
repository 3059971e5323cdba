import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without a declaration file; its JSDoc documents the shape.
import { serveStatic } from './static-server.mjs';

describe('serveStatic', () => {
  let folder: string;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    // The served folder sits inside a parent that holds a package.json the server must never hand out.
    const parent = await mkdtemp(path.join(tmpdir(), 'descent-static-'));
    folder = path.join(parent, 'site');
    await mkdir(folder);
    await writeFile(path.join(parent, 'package.json'), '{"secret": true}');
    await writeFile(path.join(folder, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(folder, 'app.js'), 'export const answer = 42;');
    server = await serveStatic(folder, { host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (folder) await rm(path.dirname(folder), { recursive: true, force: true });
  });

  it('serves index.html for / as HTML', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('makes the page cross-origin isolated (COOP and COEP), so that its trainer may share memory between threads', async () => {
    for (const file of ['', 'app.js']) {
      const response = await fetch(new URL(file, server.url));
      expect(response.headers.get('cross-origin-opener-policy'), file).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy'), file).toBe('require-corp');
    }
  });

  it('serves a script as JavaScript', async () => {
    const response = await fetch(new URL('app.js', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe('export const answer = 42;');
  });

  it('answers 404 for a missing file', async () => {
    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
  });

  // fetch() would normalise `..` away, so these go out as raw request lines.
  it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/..%5cpackage.json'])(
    'does not escape the root for %s',
    async (requestPath) => {
      const { status, body } = await rawGet(server.url, requestPath);
      expect([403, 404]).toContain(status);
      expect(body).not.toContain('secret');
    },
  );
});

describe('serveStatic under a sub-path (--base)', () => {
  let parent: string;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'descent-static-base-'));
    const folder = path.join(parent, 'site');
    await mkdir(path.join(folder, 'docs'), { recursive: true });
    await writeFile(path.join(parent, 'package.json'), '{"secret": true}');
    await writeFile(path.join(folder, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(folder, 'docs', 'index.html'), '<!doctype html><title>docs</title>');
    server = await serveStatic(folder, { host: '127.0.0.1', port: 0, base: 'descent-lab' });
  });

  afterAll(async () => {
    await server?.close();
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('gives the sub-path as its URL and serves the folder there', async () => {
    expect(new URL(server.url).pathname).toBe('/descent-lab/');
    const response = await fetch(new URL('?preset=bowl', server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('redirects a folder named without its slash, keeping the query', async () => {
    for (const [requestPath, location] of [
      ['/descent-lab?preset=bowl', '/descent-lab/?preset=bowl'],
      ['/descent-lab/docs', '/descent-lab/docs/'],
    ]) {
      const response = await fetch(new URL(requestPath, server.url), { redirect: 'manual' });
      expect(response.status, requestPath).toBe(301);
      expect(response.headers.get('location'), requestPath).toBe(location);
    }
  });

  it('never redirects to another host: //docs is a path here, not the host "docs"', async () => {
    // Served from the root, a request for '/.//docs' has the path '//docs', a folder of the site.
    const atRoot = await serveStatic(path.join(parent, 'site'), { host: '127.0.0.1', port: 0 });
    try {
      const { hostname, port } = new URL(atRoot.url);
      const location = await new Promise<string | undefined>((resolve, reject) => {
        const req = request({ host: hostname, port, path: '/.//docs', method: 'GET' }, (res) => {
          res.resume();
          resolve(res.headers.location);
        });
        req.on('error', reject);
        req.end();
      });
      expect(location).toBe('/docs/');
    } finally {
      await atRoot.close();
    }
  });

  it.each(['/', '/index.html', '/site/index.html', '/descent-lab/../package.json', '/descent-lab/%2e%2e/package.json'])(
    'serves nothing outside the sub-path: %s',
    async (requestPath) => {
      const { status, body } = await rawGet(server.url, requestPath);
      expect([403, 404]).toContain(status);
      expect(body).not.toContain('secret');
      expect(body).not.toContain('<title>');
    },
  );
});

/** Sends a GET with the path exactly as given (no URL normalisation). */
async function rawGet(base: string, requestPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: requestPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
