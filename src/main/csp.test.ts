import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appCspHeader } from './csp';

/** A policy string read back the way a browser splits it: `;` between directives, spaces between sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const header = parsePolicy(appCspHeader);

// The renderer's own meta tag, which the web build keeps: the header must say the same, directive by directive.
const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
const metaContent = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];

describe('the Content-Security-Policy header', () => {
  it('is exactly the intended policy', () => {
    expect(Object.fromEntries(header)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'worker-src': ["'self'", 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no inline code and no eval anywhere', () => {
    const sources = [...header.values()].flat();
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"]) {
      expect(sources).not.toContain(unsafe);
    }
  });

  it('allows no remote origin: no http:, https:, ws:, wss:, host or wildcard source', () => {
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:']);
    for (const [directive, sources] of header) {
      for (const source of sources) expect(allowed.has(source), `${directive} ${source}`).toBe(true);
    }
  });

  it('forbids plugins, <base> and form submissions, and being framed', () => {
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'none'"]);
    expect(header.get('form-action')).toEqual(["'none'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets scripts fall back to nothing wider than self', () => {
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
  });

  it("matches the renderer's meta tag directive by directive (frame-ancestors is header-only)", () => {
    expect(metaContent).toBeDefined();
    const meta = parsePolicy(metaContent ?? '');
    const headerWithoutFrameAncestors = new Map([...header].filter(([name]) => name !== 'frame-ancestors'));
    expect(Object.fromEntries(headerWithoutFrameAncestors)).toEqual(Object.fromEntries(meta));
  });

  it('is a single header line', () => {
    expect(appCspHeader).not.toMatch(/[\r\n]/);
  });
});
