import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The reference portal (portal/, built by Vite into portal/dist) at
 * /p/<slug>/: every route of a known slug answers the app's index.html (the
 * app routes in the browser), revalidated on every visit; the hashed assets
 * under /p/_assets/ are shared by all portals and cached for a year. Nothing
 * is loaded from anywhere but this server (the CSP says so too).
 */
export interface PortalDeps {
  /** The built app (portal/dist). */
  dir: string;
  slugExists: (slug: string) => Promise<boolean>;
}

interface StaticFile {
  body: Buffer;
  gzipped: Buffer | null;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;
const ASSET = /^[\w.-]+$/;

export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function file(path: string, body: Buffer): StaticFile {
  const ext = extname(path);
  return {
    body,
    gzipped: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null,
    type: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}

interface Build {
  index: StaticFile;
  assets: Map<string, StaticFile>;
  indexMtime: number;
}

export function createPortalHandler(deps: PortalDeps) {
  let build: Promise<Build | null> | null = null;

  async function load(): Promise<Build | null> {
    const indexPath = join(deps.dir, 'index.html');
    const st = await stat(indexPath).catch(() => null);
    if (!st) return null;
    const assets = new Map<string, StaticFile>();
    const dir = join(deps.dir, '_assets');
    for (const name of await readdir(dir).catch(() => [] as string[]))
      assets.set(name, file(name, await readFile(join(dir, name))));
    return { index: file(indexPath, await readFile(indexPath)), assets, indexMtime: st.mtimeMs };
  }

  /** The build in memory, reloaded when portal/dist/index.html changes (a rebuild while the server runs). */
  async function current(): Promise<Build | null> {
    const loaded = build ? await build : null;
    const st = await stat(join(deps.dir, 'index.html')).catch(() => null);
    if (!loaded || !st || st.mtimeMs !== loaded.indexMtime) {
      build = load();
      build.catch(() => (build = null));
      return build;
    }
    return loaded;
  }

  function send(req: IncomingMessage, res: ServerResponse, f: StaticFile, headers: Record<string, string>): void {
    const base = {
      'content-type': f.type,
      etag: f.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...headers,
    };
    if (req.headers['if-none-match'] === f.etag) {
      res.writeHead(304, base);
      res.end();
      return;
    }
    const gzip = f.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? f.gzipped! : f.body;
    res.writeHead(200, {
      ...base,
      'content-length': String(body.length),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function page(res: ServerResponse, status: number, title: string, text: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': PORTAL_CSP,
    });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,"></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`,
    );
  }

  /** Answers everything under /p/. */
  return async function portal(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const [, , first = '', ...rest] = url.pathname.split('/');
    if (first === '_assets') {
      const b = await current();
      const f = rest.length === 1 && ASSET.test(rest[0]) ? b?.assets.get(rest[0]) : undefined;
      if (!f) return page(res, 404, 'Not found', 'No such file.');
      return send(req, res, f, { 'cache-control': 'public, max-age=31536000, immutable' });
    }
    const slug = decodeURIComponent(first).toLowerCase();
    if (!SLUG.test(slug) || !(await deps.slugExists(slug)))
      return page(res, 404, 'Portal not found', 'There is no portal at this address.');
    if (url.pathname === `/p/${first}`) {
      res.writeHead(301, { location: `/p/${first}/${url.search}` });
      res.end();
      return;
    }
    const b = await current();
    if (!b)
      return page(
        res,
        503,
        'Portal not built',
        'The portal has not been built on this server: run <code>npm run portal:build</code>.',
      );
    send(req, res, b.index, {
      'cache-control': 'no-cache',
      'content-security-policy': PORTAL_CSP,
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
  };
}
