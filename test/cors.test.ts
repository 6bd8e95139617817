import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { browserTests, launchBrowser } from './support/browser.js';
import { parseOrigins } from '../src/http/cors.js';

/** Issue 13: CORS_ORIGINS, so a distributor's own portal on its own domain can call the graph. */
let app: TestApp;
let closed: TestApp;
let w: World;
let page: Server;
let pageOrigin: string;

// A page on another origin (another port of 127.0.0.1) that calls the graph with an API key, as a distributor's portal would.
const HTML = `<!doctype html><meta charset="utf-8"><title>ERP portal</title><script>
window.callGraph = async (url, key) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + key }, body: JSON.stringify({ query: '{ viewer { account { name } } }' }) });
  return { status: res.status, body: await res.json() };
};
</script>`;

beforeAll(async () => {
  page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HTML);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(page.address() as { port: number }).port}`;
  app = await startTestApp({ CORS_ORIGINS: `https://portal.d1.example, ${pageOrigin}/` });
  closed = await startTestApp();
  w = await buildWorld(app);
});
afterAll(async () => {
  await app?.close();
  await closed?.close();
  await new Promise((resolve) => page?.close(resolve));
});

/** Exactly what Chromium sends before a cross-origin POST with an Authorization header. */
function preflight(url: string, origin: string, headers = 'authorization,content-type') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-dest': 'empty',
    },
  });
}

describe('CORS_ORIGINS', () => {
  it('parses a comma-separated list into origins as browsers send them', () => {
    expect(parseOrigins(' https://Portal.Example/ ,http://localhost:5173,, not a url, ftp://x.example')).toEqual([
      'https://portal.example',
      'http://localhost:5173',
    ]);
    expect(parseOrigins(undefined)).toEqual([]);
  });

  it('answers a preflight from an allowed origin with the methods, headers and max age', async () => {
    const res = await preflight(app.url, 'https://portal.d1.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.d1.example');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')?.split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight']),
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('echoes an allowed origin on the request itself, with Vary: Origin', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: {
        origin: 'https://portal.d1.example',
        'content-type': 'application/json',
        authorization: `Bearer ${await w.apiKey('D1', 'BUYER')}`,
      },
      body: JSON.stringify({ query: '{ viewer { account { name } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.d1.example');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(((await res.json()) as { data: { viewer: { account: { name: string } } } }).data.viewer.account.name).toBe(
      'D1 distributor',
    );
  });

  it('gives other origins, methods and headers no CORS header at all', async () => {
    for (const res of [
      await preflight(app.url, 'https://evil.example'),
      await preflight(app.url, 'https://portal.d1.example.evil.example'),
      await preflight(app.url, 'https://portal.d1.example', 'authorization,x-forbidden'),
      await preflight(closed.url, 'https://portal.d1.example'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
    const post = await fetch(app.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { roles } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const none = await fetch(closed.url, {
      method: 'POST',
      headers: { origin: 'https://portal.d1.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { roles } }' }),
    });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    expect(none.headers.get('vary')).toBeNull();
  });
});

describe.runIf(browserTests('test/cors.test.ts'))('a page on another origin, in a real browser', () => {
  it('queries the graph with an API key when its origin is allowed, and is blocked by the browser when it is not', async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${pageOrigin}/`);
      const key = await w.apiKey('D1', 'BUYER');
      const ok = await tab.evaluate(
        ([url, k]) =>
          (window as unknown as { callGraph: (u: string, k: string) => Promise<unknown> }).callGraph(url, k),
        [app.url, key] as const,
      );
      expect(ok).toEqual({
        status: 200,
        body: { data: { viewer: { account: { name: 'D1 distributor' } } }, extensions: expect.anything() },
      });
      const blocked = await tab.evaluate(
        ([url, k]) =>
          (window as unknown as { callGraph: (u: string, k: string) => Promise<unknown> }).callGraph(url, k).then(
            () => 'answered',
            (e: Error) => `blocked: ${e.name}`,
          ),
        [closed.url, key] as const,
      );
      expect(blocked).toBe('blocked: TypeError');
    } finally {
      await browser.close();
    }
  }, 90_000);
});
