import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for /graphql (DESIGN.md "Sync, import and export"): origins listed in
 * CORS_ORIGINS (exact `scheme://host[:port]`, no wildcard) may call the graph
 * from a browser; every other origin gets no CORS header at all, so the
 * browser keeps it same-origin. Credentials travel in the Authorization
 * header, never cookies, so Allow-Credentials is never sent.
 */
const ALLOW_METHODS = 'GET, POST, OPTIONS';
// What the portal and Apollo clients send; the Authorization header carries tokens and API keys.
const ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
];
/** Browsers cap this (Chromium at 2 h); 10 minutes keeps a changed allowlist from lingering. */
const MAX_AGE_SECONDS = 600;

/** `https://Portal.Example/` → `https://portal.example`: what a browser sends as Origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => (v.trim() ? normalizeOrigin(v) : null))
    .filter((v): v is string => v !== null);
}

/**
 * Sets the CORS headers of a /graphql request; answers a preflight (OPTIONS)
 * itself and returns true then. An allowed origin is echoed (never `*`), with
 * `Vary: Origin` so caches keep answers per origin.
 */
export function cors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null;
  if (allowed.length) res.setHeader('vary', 'Origin');
  const ok = origin !== null && allowed.includes(origin);
  if (req.method !== 'OPTIONS') {
    if (ok) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'x-request-id');
    }
    return false;
  }
  const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
  const wanted = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!ok || !['GET', 'POST'].includes(method) || wanted.some((h) => !ALLOW_HEADERS.includes(h))) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('CORS preflight refused: origin, method or header not allowed');
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': ALLOW_HEADERS.join(', '),
    'access-control-max-age': String(MAX_AGE_SECONDS),
  });
  res.end();
  return true;
}
