import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import * as generated from '../../portal/src/gql/graphql.js';
import { PENDING } from '../../portal/src/lib/pending.js';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * The portal's operations: generated from the committed schema (and fresh),
 * each with the id the persisted-documents manifest gives it; and the wave-2
 * operations that wait for their API, held to the contract's names.
 */
const manifest = JSON.parse(readFileSync('portal/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const pendingDir = 'portal/src/operations-pending';
const pendingFiles = readdirSync(pendingDir).filter((f) => f.endsWith('.graphql'));

describe('the portal’s generated operations', () => {
  it('match portal/src/operations and the schema (run `npm run codegen`), manifest included', async () => {
    const { generate } = await import('@graphql-codegen/cli');
    const { default: config } = await import('../../portal/codegen.js');
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.map((o: { filename: string }) => o.filename).sort()).toEqual(
      ['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json'].map((f) => join('portal/src/gql', f)).sort(),
    );
    for (const out of outputs) expect(out.content, `${out.filename} is stale`).toBe(readFileSync(out.filename, 'utf8'));
  }, 60_000);

  it('give every document the sha256 id of its manifest entry, and every manifest entry is a valid operation', () => {
    type Doc = { toString(): string; __meta__?: Record<string, string> };
    const docs = (Object.values(generated) as unknown[]).filter(
      (v): v is Doc => v instanceof generated.TypedDocumentString,
    );
    const operations = docs.filter((d) => /^\s*(query|mutation)\s/.test(d.toString()));
    expect(operations.length).toBe(Object.keys(manifest).length);
    for (const d of operations) expect(manifest[d.__meta__!.hash], d.toString().slice(0, 60)).toBeDefined();
    for (const [id, text] of Object.entries(manifest)) {
      expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
      expect(validate(schema, parse(text)), id).toEqual([]);
    }
  });

  describe('as the portal sends them', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app?.close());

    it('are answered with their persisted-document id in the body', async () => {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: generated.PortalBrandingDocument.toString(),
          variables: { slug: 'no-such-portal' },
          documentId: generated.PortalBrandingDocument.__meta__!.hash,
        }),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ portal: null });
    });
  });
});

describe('operations waiting for wave-2 APIs', () => {
  const contractPath = '../shared/design/contract.graphql';
  const hasContract = existsSync(contractPath);
  if (!hasContract)
    console.warn(`SKIPPED checking ${pendingDir} against the contract: ${contractPath} is not beside this clone`);
  let contract: GraphQLSchema;
  if (hasContract) contract = buildSchema(readFileSync(contractPath, 'utf8'));

  it.skipIf(!hasContract)('use the contract’s exact names (each validates against contract.graphql)', () => {
    for (const f of pendingFiles)
      expect(validate(contract, parse(readFileSync(join(pendingDir, f), 'utf8'))), f).toEqual([]);
  });

  it('each page names an operation file that exists, and every file belongs to a page', () => {
    const named = new Set<string>(Object.values(PENDING).map((p) => p.operations));
    for (const f of named) expect(pendingFiles, f).toContain(f);
    expect(pendingFiles.filter((f) => !named.has(f))).toEqual([]);
  });

  it('wait for APIs the schema really lacks (when one lands this fails: wire its page, see operations-pending/README.md)', () => {
    const landed: string[] = [];
    for (const [page, p] of Object.entries(PENDING)) {
      for (const api of p.api) {
        const [type, field] = api.split('.');
        const t = schema.getType(type);
        if (t && 'getFields' in t && (t.getFields() as Record<string, unknown>)[field]) landed.push(`${page}: ${api}`);
      }
      expect(
        validate(schema, parse(readFileSync(join(pendingDir, p.operations), 'utf8'))).length,
        `${p.operations} already validates against the schema`,
      ).toBeGreaterThan(0);
    }
    expect(landed).toEqual([]);
  });
});
