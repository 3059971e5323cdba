/**
 * The Content-Security-Policy main sends with every app:// response. It repeats the renderer's meta tag
 * (src/renderer/index.html, which the web build keeps) and adds what only a header can say: frame-ancestors.
 */

/** Directive → allowed sources, in the order they are written. */
export type CspPolicy = Readonly<Record<string, readonly string[]>>;

/** Only the app's own files run: no inline code, no eval, no remote origin; workers and images may use blobs. */
export const appCsp: CspPolicy = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // No page may frame the lab (clickjacking); meta tags cannot carry this directive, so it lives here only.
  'frame-ancestors': ["'none'"],
});

/** Writes a policy as a header value: `directive source source; directive source`. */
export function serializeCsp(policy: CspPolicy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** The header value main sends. */
export const appCspHeader = serializeCsp(appCsp);
