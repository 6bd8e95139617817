import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { post } from './support/server-process.js';
import * as portal from '../portal/src/gql/graphql.js';
import { configureClient, request } from '../portal/src/lib/client.js';
import { apiKeyIdOf, credentialOf } from '../src/auth/credential.js';
import type { Viewer } from '../src/auth/viewer.js';

/**
 * Trusted documents (README "Trusted documents"): the portal's operations,
 * persisted by hash in portal/src/gql/persisted-documents.json, are run by id;
 * TRUSTED_DOCUMENTS=only refuses any other document from sign-in tokens and
 * anonymous clients.
 */
const manifest = JSON.parse(readFileSync('portal/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
const branding = portal.PortalBrandingDocument;
const brandingId = branding.__meta__!.hash as string;
const categoriesId = portal.CatalogCategoriesDocument.__meta__!.hash as string;
/** The sha256 in hex alone, as Apollo-style clients send it. */
const bare = (id: string) => id.replace(/^sha256:/, '');
const FREE = '{ viewer { roles } }';

describe('TRUSTED_DOCUMENTS=allow (the default)', () => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await startTestApp();
    w = await buildWorld(app);
  });
  afterAll(() => app?.close());

  it('is the default', () => expect(app.config.trustedDocuments).toBe('allow'));

  it('runs a document sent by its id alone, with its variables', async () => {
    const res = await post(app.url, undefined as never, { slug: 'portal-d1' }, null, { documentId: brandingId });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.portal).toMatchObject({ slug: 'portal-d1', displayName: 'D1 portal' });
    // The manifest's ids, with or without the `sha256:` prefix.
    const prefixed = await post(app.url, undefined as never, { slug: 'portal-d1' }, null, {
      documentId: bare(brandingId),
    });
    expect(prefixed.body.data.portal.slug).toBe('portal-d1');
  });

  it('answers an id it does not know, sent alone, with PERSISTED_QUERY_NOT_FOUND (400); an id it knows runs its own document whatever text comes beside it', async () => {
    const unknown = await post(app.url, undefined as never, {}, null, { documentId: 'f'.repeat(64) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0].extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const beside = await post(app.url, '{ categories { id } }', { slug: 'portal-d1' }, null, {
      documentId: brandingId,
    });
    expect(beside.body.errors).toBeUndefined();
    expect(beside.body.data).toEqual({ portal: expect.objectContaining({ slug: 'portal-d1' }) });
  });

  it('finds a manifest document by an Apollo-style persisted-query hash, and by GET ?documentId=', async () => {
    const apq = await post(app.url, undefined as never, {}, null, {
      extensions: { persistedQuery: { version: 1, sha256Hash: bare(categoriesId) } },
    });
    expect(apq.body.errors).toBeUndefined();
    expect(apq.body.data.categories).toEqual([]);
    const params = new URLSearchParams({ documentId: brandingId, variables: JSON.stringify({ slug: 'portal-s' }) });
    const get = await fetch(`${app.url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect((await get.json()).data.portal.slug).toBe('portal-s');
  });

  it('still runs any other document', async () => {
    const res = await post(app.url, FREE, {}, await w.token('R1a', 'BUYER'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.viewer.roles).toEqual(['BUYER']);
  });

  it('the portal’s client sends the id alone, and the text only when the server does not know the id', async () => {
    const bodies: Record<string, unknown>[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init!.body)));
      return realFetch(input, init);
    };
    try {
      configureClient({ endpoint: app.url, token: () => null });
      const { data } = await request(branding, { slug: 'portal-e' });
      expect(data.portal?.slug).toBe('portal-e');
      expect(bodies).toEqual([{ documentId: brandingId, variables: { slug: 'portal-e' } }]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  let app: TestApp;
  let w: World;
  let dir: string;
  beforeAll(async () => {
    app = await startTestApp({ TRUSTED_DOCUMENTS: 'only' });
    w = await buildWorld(app);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a document of its own from a sign-in token with TRUSTED_DOCUMENT_REQUIRED, before anything of it runs', async () => {
    const token = await w.token('D1', 'ADMIN');
    const res = await app.raw(FREE, {}, token);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(res.data ?? null).toBeNull();
    expect(res.statements).toBe(1); // the viewer only
    // The refusal costs the bucket nothing (charged up front, refunded whole).
    await new Promise((r) => setTimeout(r, 400));
    const [row] = await app.database.db.execute<{ available: number }>(
      sql`select available from throttle_buckets where credential = ${`user:${w.user('D1', 'ADMIN').id}`}`,
    );
    expect(Math.round(row.available)).toBe(app.config.throttle.bucketSize);
  });

  it('refuses anonymous documents of their own too (the portal’s public pages use trusted ones)', async () => {
    const res = await app.raw('{ categories { id name } }', {});
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('runs trusted documents by id, signed in or not, and the exact manifest text sent as a query', async () => {
    const anonymous = await post(app.url, undefined as never, { slug: 'portal-d1' }, null, { documentId: brandingId });
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data.portal.slug).toBe('portal-d1');
    const token = await w.token('R1a', 'BUYER');
    const me = portal.MeDocument;
    const byId = await post(app.url, undefined as never, {}, token, { documentId: me.__meta__!.hash });
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data.viewer.user.email).toBe(w.email('R1a', 'BUYER'));
    const asText = await post(app.url, manifest[me.__meta__!.hash as string], {}, token);
    expect(asText.body.errors).toBeUndefined();
  });

  it('still answers a refused token with UNAUTHENTICATED (so the client signs in again)', async () => {
    const res = await app.raw(FREE, {}, 'not-a-token');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the portal sign in: its SignIn is a trusted document', async () => {
    const { data } = await (async () => {
      configureClient({ endpoint: app.url, token: () => null });
      return request(portal.SignInDocument, { input: { email: w.email('R1b', 'BUYER'), password: 'world-pass-2026' } });
    })();
    expect(data.login.userErrors).toEqual([]);
    expect(data.login.token).toBeTruthy();
  });

  it('the portal’s client falls back to the text when a server’s manifest lacks the id', async () => {
    // A server built from an older manifest that lacks Me.
    dir = await mkdtemp(join(tmpdir(), 'trusted-'));
    const older = Object.fromEntries(
      Object.entries(manifest).filter(([id]) => id !== portal.MeDocument.__meta__!.hash),
    );
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(older));
    const stale = await startTestApp({
      TRUSTED_DOCUMENTS: 'allow',
      TRUSTED_DOCUMENTS_MANIFEST: join(dir, 'manifest.json'),
    });
    try {
      const sw = await buildWorld(stale);
      const token = await sw.token('R1a', 'BUYER');
      configureClient({ endpoint: stale.url, token: () => token });
      const { data } = await request(portal.MeDocument, {});
      expect(data.viewer?.user.email).toBe(sw.email('R1a', 'BUYER'));
      // Under `only`, that text is not a trusted document of that server: refused.
      const strict = await startTestApp({
        TRUSTED_DOCUMENTS: 'only',
        TRUSTED_DOCUMENTS_MANIFEST: join(dir, 'manifest.json'),
      });
      try {
        const tw = await buildWorld(strict);
        const t = await tw.token('R1a', 'BUYER');
        configureClient({ endpoint: strict.url, token: () => t });
        await expect(request(portal.MeDocument, {})).rejects.toMatchObject({ code: 'TRUSTED_DOCUMENT_REQUIRED' });
      } finally {
        await strict.close();
      }
    } finally {
      await stale.close();
    }
  });
});

describe('who may send documents of their own under TRUSTED_DOCUMENTS=only', () => {
  const viewer = { userId: 7 } as Viewer;
  it('an API key (its viewer carries apiKeyId), not a sign-in token or an anonymous client', () => {
    expect(apiKeyIdOf({ ...viewer, apiKeyId: 3 })).toBe(3);
    expect(apiKeyIdOf(viewer)).toBeNull();
    expect(apiKeyIdOf(null)).toBeNull();
  });
  it('and the throttle keys buckets by key, user or address', () => {
    expect(credentialOf({ ...viewer, apiKeyId: 3 }, '10.0.0.1')).toBe('key:3');
    expect(credentialOf(viewer, '10.0.0.1')).toBe('user:7');
    expect(credentialOf(null, '10.0.0.1')).toBe('addr:10.0.0.1');
  });
});
