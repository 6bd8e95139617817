import { createHash } from 'node:crypto';

/**
 * Sent with every answer: the API serves JSON only, so nothing of it may be
 * sniffed as another type, framed, or load anything.
 */
export const apiHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

const policies = new WeakMap<Buffer, string>();

/**
 * GraphiQL's page inlines its scripts: they are allowed by hash, nothing else
 * runs; it talks only to this origin and cannot be framed.
 */
export function graphiqlCsp(html: Buffer): string {
  let policy = policies.get(html);
  if (!policy) {
    const hashes = new Set<string>();
    for (const m of html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      hashes.add(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
    }
    policy = [
      "default-src 'self'",
      `script-src 'self' ${[...hashes].join(' ')}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
    ].join('; ');
    policies.set(html, policy);
  }
  return policy;
}
