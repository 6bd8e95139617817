import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import postgres from 'postgres';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, servingPool, type Database } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { createTokens, type Tokens } from '../../src/auth/tokens.js';

export interface GqlResult<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
  headers: Headers;
  /** SQL statements the server ran for this request. */
  statements: number;
}

export interface TestApp {
  url: string;
  /** The database this app's server uses (a clone of the template). */
  dbName: string;
  /** Its connection URL (for server processes of their own over the same database). */
  databaseUrl: string;
  config: Config;
  database: Database;
  tokens: Tokens;
  /** Sends a codegen-typed operation over HTTP, optionally as a signed-in user (a token). */
  gql<T, V>(doc: TypedDocumentNode<T, V>, variables?: V, token?: string | null): Promise<GqlResult<T>>;
  /** Sends raw query text (for malformed or unknown operations). */
  raw(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResult<any>>;
  /** The server's clock: tests move it (null: real time). */
  clock: { set(at: Date | null): void; now(): Date };
  close(): Promise<void>;
}

function urlFor(adminUrl: string, db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * A real server on a free port, over a fresh database cloned from the
 * migrated template. One per test file.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { poolSize?: number } = {},
): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName} template ${inject('templateDb')}`);
  await admin.end();

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SCRYPT_LOG_N: '10',
    SQL_COUNT_HEADER: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...env,
  });
  // The pool the server runs with (timeouts included), smaller: a test can shrink it to 1–2 connections
  // to prove that nothing waits for a second connection while it holds one.
  const database = connect(urlFor(adminUrl, dbName), { ...servingPool(config), max: options.poolSize ?? 5 });
  const tokens = createTokens(new TextEncoder().encode(config.jwtSecret), config.tokenTtlSeconds);
  let fixed: Date | null = null;
  const clock = { set: (at: Date | null) => void (fixed = at), now: () => fixed ?? new Date() };
  const app = await createApp({ config, log: createLogger(config.logLevel), database, tokens, clock: clock.now });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;

  async function send(query: string, variables: unknown, token?: string | null, headers: Record<string, string> = {}) {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlResult<unknown>['errors'] };
    return {
      status: res.status,
      data: body.data as any,
      errors: body.errors,
      headers: res.headers,
      statements: Number(res.headers.get('x-sql-statements') ?? NaN),
    };
  }

  return {
    url,
    dbName,
    databaseUrl: urlFor(adminUrl, dbName),
    clock,
    config,
    database,
    tokens,
    gql: (doc, variables, token) => send(print(doc), variables, token),
    raw: (query, variables, token, headers) => send(query, variables, token, headers),
    async close() {
      await app.close();
      await database.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}

/** The codes of a result's errors, in order. */
export function codes(result: GqlResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
