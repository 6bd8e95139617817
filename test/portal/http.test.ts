import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePortalBuilt } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { buildWorld } from '../support/world.js';

/** How the server serves the portal: a page per known slug, shared hashed assets, cache headers, no external URL. */
let app: TestApp;
let base: string;

beforeAll(async () => {
  await ensurePortalBuilt();
  app = await startTestApp();
  await buildWorld(app); // portals portal-brand, portal-s, portal-d1, ...
  base = app.url.replace(/\/graphql$/, '');
}, 240_000);
afterAll(() => app?.close());

async function assetsOf(html: string): Promise<string[]> {
  return [...html.matchAll(/(?:src|href)="(\/p\/_assets\/[^"]+)"/g)].map((m) => m[1]);
}

describe('the portal over HTTP', () => {
  it('serves the app for a known slug and any path under it (the app routes in the browser), revalidated on every visit', async () => {
    for (const path of ['/p/portal-d1/', '/p/portal-d1/catalog', '/p/portal-d1/orders/T3JkZXI6MQ']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      const html = await res.text();
      expect(html).toContain('<div id="app">');
    }
  });

  it('loads nothing from another host: every script and stylesheet is a local hashed asset', async () => {
    const html = await (await fetch(`${base}/p/portal-d1/`)).text();
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    const assets = await assetsOf(html);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      const body = await (await fetch(`${base}${a}`)).text();
      expect(body, a).not.toMatch(/(import\s*\(?\s*|url\()["']?https?:\/\//);
    }
  });

  it('serves hashed assets gzipped and immutable for a year, with 304 on a matching etag', async () => {
    const html = await (await fetch(`${base}/p/portal-d1/`)).text();
    const js = (await assetsOf(html)).find((a) => a.endsWith('.js'))!;
    const { request } = await import('node:http');
    const raw = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      request(`${base}${js}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, headers: res.headers });
      })
        .on('error', reject)
        .end();
    });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(raw.headers['content-type']).toMatch(/^text\/javascript/);
    const again = await fetch(`${base}${js}`, { headers: { 'if-none-match': String(raw.headers.etag) } });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/p/_assets/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${base}/p/_assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('answers 404 for an unknown slug, adds the slash to a bare one, and refuses other methods', async () => {
    const unknown = await fetch(`${base}/p/no-such-portal/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Portal not found');
    const bare = await fetch(`${base}/p/portal-d1`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/p/portal-d1/');
    expect((await fetch(`${base}/p/portal-d1/`, { method: 'POST' })).status).toBe(405);
  });

  it('sends / to the brand’s portal', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/p/portal-brand/');
  });
});

describe('a server whose portal is not built', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await startTestApp({ PORTAL_DIR: mkdtempSync(join(tmpdir(), 'no-portal-')) });
    await buildWorld(bare);
  }, 120_000);
  afterAll(() => bare?.close());

  it('says so (503) instead of serving a broken page; the API still answers', async () => {
    const b = bare.url.replace(/\/graphql$/, '');
    const res = await fetch(`${b}/p/portal-d1/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run portal:build');
    expect((await fetch(`${b}/healthz`)).status).toBe(200);
  });
});
