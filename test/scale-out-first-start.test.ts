import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { seedIfEmpty } from '../src/runtime.js';

/**
 * N API processes started at the same moment on an empty database (a first
 * deployment, every replica at once): one of them migrates and creates the
 * brand and its first admin, the others wait for it and find the work done.
 * All come up; the schema is migrated once; there is one brand and one admin.
 */
const N = 3;
let name: string;
let url: string;
let servers: ServerProcess[] = [];
const admin = () => postgres(inject('pgAdminUrl'), { max: 1, onnotice: () => {} });

/** A new empty database; dropped by the returned function. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = `e_${randomBytes(6).toString('hex')}`;
  const a = admin();
  await a.unsafe(`create database ${db}`);
  await a.end();
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${db}`;
  return {
    url: u.toString(),
    drop: async () => {
      const b = admin();
      await b.unsafe(`drop database if exists ${db} with (force)`);
      await b.end();
    },
  };
}

beforeAll(async () => {
  name = `e_${randomBytes(6).toString('hex')}`;
  const a = admin();
  await a.unsafe(`create database ${name}`);
  await a.end();
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  url = u.toString();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  const a = admin();
  await a.unsafe(`drop database if exists ${name} with (force)`);
  await a.end();
});

describe('migrating and seeding an empty database from several connections at once', () => {
  it('migrates once and seeds once', async () => {
    const empty = await emptyDatabase();
    const pools = Array.from({ length: 4 }, () => connect(empty.url, { max: 1 }));
    try {
      await Promise.all(pools.map((p) => runMigrations(p.db)));
      const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', SCRYPT_LOG_N: '10' });
      const seeded = await Promise.all(pools.map((p) => seedIfEmpty(config, p, createLogger('silent'))));
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const [{ brands, users, migrations, hashes }] = await pools[0].sql`
        select (select count(*)::int from accounts where tier = 'BRAND') as brands, (select count(*)::int from users) as users,
          (select count(*)::int from drizzle.__drizzle_migrations) as migrations, (select count(distinct hash)::int from drizzle.__drizzle_migrations) as hashes`;
      expect({ brands, users }).toEqual({ brands: 1, users: 1 });
      expect(migrations).toBe(hashes);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
      await empty.drop();
    }
  }, 120_000);
});

describe(`${N} API processes started at once on an empty database`, () => {
  it('all come up, over a schema migrated once, with one brand and one first admin', async () => {
    const jwtSecret = randomBytes(32).toString('hex');
    const started = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        startServerProcess({
          name: `first ${i}`,
          databaseUrl: url,
          jwtSecret,
          env: { WEBHOOK_POLL_MS: '0', SLA_CHECK_SECONDS: '0' },
        }),
      ),
    );
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(started.filter((s) => s.status === 'rejected').map((s) => String(s.reason).slice(0, 600))).toEqual([]);
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [{ brands }] = await db`select count(*)::int as brands from accounts where tier = 'BRAND'`;
      const [{ admins }] = await db`select count(*)::int as admins from users`;
      const [{ migrations }] = await db`select count(*)::int as migrations from drizzle.__drizzle_migrations`;
      const [{ distinct }] = await db`select count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
      expect({ brands, admins }).toEqual({ brands: 1, admins: 1 });
      expect(migrations).toBe(distinct);
    } finally {
      await db.end();
    }
    for (const s of servers) {
      const res = await fetch(s.url.replace('/graphql', '/healthz'));
      expect(res.status, s.name).toBe(200);
    }
  }, 240_000);
});
