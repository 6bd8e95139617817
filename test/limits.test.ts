import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getIntrospectionQuery,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { buildBaseSchema } from '../src/graphql/schema.js';
import { limitRules } from '../src/graphql/limits/plugin.js';
import { requestedCost } from '../src/graphql/limits/cost.js';
import { DEFAULT_LIMITS, loadConfig } from '../src/config.js';
import { W1_QUERY, W2_MUTATION } from './bench/workloads.js';
import { MAX_PAGE_SIZE } from '../src/graphql/connection.js';

/**
 * The limits are as strict as the project's own operations allow (issue 11,
 * item 1): every one of them passes, and the tightest limits are exactly what
 * the dearest of them needs. A new operation that needs more fails here, with
 * the figure to raise. (What the test suite sends passes too, or its tests fail.)
 */
const schema = buildBaseSchema();

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'node_modules'
        ? []
        : graphqlFiles(join(dir, e.name))
      : e.name.endsWith('.graphql')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Each whole file (clients may send one with an operationName), the bench's operations, GraphiQL's introspection. */
const documents: [string, string][] = [
  ...[...graphqlFiles('schema/operations'), ...graphqlFiles('portal')].map(
    (f) => [f, readFileSync(f, 'utf8')] as [string, string],
  ),
  ['bench W1', W1_QUERY],
  ['bench W2', W2_MUTATION],
  [
    'GraphiQL introspection',
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    }),
  ],
];

const tokens = (text: string) => {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
};

/** An operation with the fragments of its document, as a client sends it. */
function single(doc: DocumentNode, op: OperationDefinitionNode): DocumentNode {
  return { ...doc, definitions: [op, ...doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

/** The variables that make an operation dearest: every Int variable named like a page size at the largest page. */
function dearest(op: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (op.variableDefinitions ?? [])
      .filter((v) => /first/i.test(v.variable.name.value))
      .map((v) => [v.variable.name.value, MAX_PAGE_SIZE]),
  );
}

/** The smallest value of one limit under which the document validates. */
function needed(doc: DocumentNode, key: 'maxDepth' | 'maxAliases' | 'maxDirectives'): number {
  for (let n = 0; n <= 100; n++)
    if (validate(schema, doc, limitRules({ ...DEFAULT_LIMITS, [key]: n })).length === 0) return n;
  return Infinity;
}

describe("the project's own operations pass the limits", () => {
  const need = { maxDepth: 0, maxAliases: 0, maxDirectives: 0, maxTokens: 0, maxCost: 0 };

  it.each(documents)('%s', (_name, text) => {
    const doc = parse(text, { maxTokens: DEFAULT_LIMITS.maxTokens });
    need.maxTokens = Math.max(need.maxTokens, tokens(text));
    for (const op of doc.definitions) {
      if (op.kind !== Kind.OPERATION_DEFINITION) continue;
      const one = single(doc, op);
      expect(validate(schema, one, limitRules(DEFAULT_LIMITS)), op.name?.value).toEqual([]);
      const cost = requestedCost(schema, one, op, dearest(op));
      expect(cost, op.name?.value).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
      need.maxCost = Math.max(need.maxCost, cost);
      for (const key of ['maxDepth', 'maxAliases', 'maxDirectives'] as const)
        need[key] = Math.max(need[key], needed(one, key));
    }
  });

  it('and the limits are no looser than they need', () => {
    expect(DEFAULT_LIMITS.maxDepth).toBe(need.maxDepth);
    expect(DEFAULT_LIMITS.maxTokens).toBe(need.maxTokens);
    // The cost maximum is the dearest operation at the largest page, rounded up to a thousand.
    expect(DEFAULT_LIMITS.maxCost).toBe(Math.ceil(need.maxCost / 1000) * 1000);
    // Aliases: none of these use any; the test suite's visibility matrix needs 18 (test/price-visibility-matrix.test.ts).
    expect(need.maxAliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    expect(DEFAULT_LIMITS.maxAliases).toBe(18);
    // Directives: none are used; a few are allowed so that @include and @skip work.
    expect(need.maxDirectives).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDirectives);
  });

  it('every limit can be set from the environment', () => {
    const c = loadConfig({
      MAX_DEPTH: '9',
      MAX_ALIASES: '30',
      MAX_TOKENS: '2000',
      MAX_DIRECTIVES: '10',
      MAX_COST: '50000',
      MAX_RESPONSE_BYTES: '1000000',
    });
    expect(c.limits).toEqual({
      maxDepth: 9,
      maxAliases: 30,
      maxTokens: 2000,
      maxDirectives: 10,
      maxCost: 50_000,
      maxResponseBytes: 1_000_000,
    });
    const t = loadConfig({
      DB_STATEMENT_TIMEOUT_MS: '1',
      DB_LOCK_TIMEOUT_MS: '2',
      DB_ACQUIRE_TIMEOUT_MS: '3',
      REQUEST_TIMEOUT_MS: '4',
      DB_POOL_SIZE: '5',
    });
    expect(t.timeouts).toEqual({ statementMs: 1, lockMs: 2, acquireMs: 3, requestMs: 4, poolSize: 5 });
  });
});
