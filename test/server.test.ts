import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import postgres from 'postgres';
import { inject } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';

let app: TestApp;
const base = () => app.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('HTTP routes', () => {
  it('GET /healthz checks the database', async () => {
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('GET /graphiql serves GraphiQL from local assets only, compressed and cacheable', async () => {
    const res = await fetch(`${base()}/graphiql`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('etag')).toBeTruthy();
    const html = await res.text(); // fetch decompresses
    expect(html).toContain('graphiql');
    expect(html).toContain('/graphql');
    // No script, stylesheet, font or import may come from another host.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/import\s*\(?\s*["'](https?:)?\/\//);
    expect(html).not.toMatch(/@import\s+url\(["']?(https?:)?\/\//);
    const again = await fetch(`${base()}/graphiql`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('sends gzip only to clients that accept it', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      request(`${base()}/graphiql`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(body.length).toBeLessThan(4_000_000);
    expect(gunzipSync(body).toString()).toContain('<html');
  });

  it('unknown routes are 404; / leads to GraphiQL', async () => {
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
    const root = await fetch(`${base()}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphiql');
  });

  it('a browser opening /graphql is sent to GraphiQL; GraphQL clients still GET answers there', async () => {
    const page = await fetch(`${base()}/graphql`, {
      redirect: 'manual',
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/graphiql');
    const withQuery = await fetch(`${base()}/graphql?query=%7B%20viewer%20%7B%20roles%20%7D%20%7D`, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(withQuery.headers.get('location')).toBe('/graphiql?query=%7B%20viewer%20%7B%20roles%20%7D%20%7D');
    const api = await fetch(`${base()}/graphql?query=%7B%20viewer%20%7B%20roles%20%7D%20%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(api.status).toBe(200);
    const body = await api.json();
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ viewer: null });
  });

  it('/assets/ answers the demo assets and 404 for anything else', async () => {
    const logo = await fetch(`${base()}/assets/logos/qingyuan.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    const again = await fetch(`${base()}/assets/logos/qingyuan.svg`, {
      headers: { 'if-none-match': logo.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    for (const path of [
      '/assets/logos/nowhere.svg',
      '/assets/products/P-NOPE.svg',
      '/assets/docs/../../package.json',
      '/assets/videos/x-install.mp4',
    ]) {
      expect((await fetch(`${base()}${path}`)).status, path).toBe(404);
    }
  });

  it('echoes or assigns a request id', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
      body: '{"query":"{ viewer { roles } }"}',
    });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ viewer { roles } }"}',
    });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bad requests get clear answers', () => {
  it('invalid JSON is a 400', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/BAD_REQUEST|not valid JSON/);
  });

  it('CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${app.url}?query=${encodeURIComponent('{ viewer { roles } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${app.url}?query=${encodeURIComponent('{ viewer { roles } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('a mutation over GET is refused', async () => {
    const res = await fetch(
      `${app.url}?query=${encodeURIComponent('mutation { login(input: {email: "a", password: "b"}) { token } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(res.status).toBe(405);
  });

  it('an unknown field is a validation error', async () => {
    const res = await app.raw('{ viewer { usr { email } } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a syntax error is a parse error', async () => {
    expect(codes(await app.raw('{ viewer { '))).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => prod?.close());

  it('validation errors do not suggest field names, and introspection is off', async () => {
    const res = await prod.raw('{ viewer { usr { email } } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
    const dev = await app.raw('{ viewer { usr { email } } }');
    expect(dev.errors![0].message).toMatch(/Did you mean "user"/);
    const intro = await prod.raw('{ __schema { types { name } } }');
    expect(codes(intro)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('unexpected failures', () => {
  let broken: TestApp;
  beforeAll(async () => {
    broken = await startTestApp();
  });
  afterAll(() => broken?.close().catch(() => {}));

  it('become INTERNAL_SERVER_ERROR with no message, stack or SQL; health says unavailable', async () => {
    // Take the database away from under a running server.
    const admin = postgres(inject('pgAdminUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database ${broken.dbName} with (force)`);
    await admin.end();
    const res = await broken.raw(
      'mutation { login(input: { email: "a@b.example", password: "whatever-123" }) { token } }',
    );
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    const text = JSON.stringify(res);
    expect(res.errors![0].message).toBe('Internal server error');
    expect(text).not.toMatch(/select|insert|login_failures|postgres|stack|at \w+ \(/i);
    expect(res.errors![0].extensions!.requestId).toBeTruthy();
    const health = await fetch(broken.url.replace(/\/graphql$/, '/healthz'));
    expect(health.status).toBe(503);
  });
});
