import postgres from 'postgres';
import type { Config } from './config.js';
import { connect, servingPool, type Database } from './db/client.js';
import { startEmbeddedPostgres, type EmbeddedDatabase, type Track } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import type { Logger } from './logger.js';
import { ActionableError } from './lifecycle.js';
import { count } from 'drizzle-orm';
import { accounts } from './modules/accounts/tables.js';
import { seedPlan } from './seed/policy.js';

export interface Runtime {
  database: Database;
  embedded: EmbeddedDatabase | null;
  stop: () => Promise<void>;
}

const EMBEDDED_DB = 'channelgraph';

/** A connection URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a valid URL)';
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL under DATA_DIR.
 * Migrated either way, on a connection of its own free of the serving pool's
 * timeouts. `track` hears of PostgreSQL and the pool as they start (so a
 * signal during start-up stops them); on a failure here both are stopped
 * before the error is thrown.
 */
export async function startDatabase(config: Config, log: Logger, track?: Track): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let database: Database | null = null;
  const stop = async () => {
    await database?.close();
    await embedded?.stop();
  };
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(config.dataDir, log, { track });
      await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB);
      url = embedded.url(EMBEDDED_DB);
    }
    const admin = connect(url, { max: 1, prepare: config.databasePrepare });
    try {
      const [{ server_version_num }] = await admin.sql`show server_version_num`.catch((e: Error) => {
        throw config.databaseUrl
          ? new ActionableError(`cannot use DATABASE_URL ${redacted(config.databaseUrl)}: ${e.message}`)
          : e;
      });
      if (Number(server_version_num) < 140000) throw new Error('PostgreSQL 14 or later is required');
      await runMigrations(admin.db);
    } finally {
      await admin.close();
    }
    database = connect(url, servingPool(config));
    track?.('the database pool', () => database!.close());
  } catch (e) {
    await stop().catch((err) => log.error({ err }, 'stopping the database after a failed start'));
    throw e;
  }
  return { database, embedded, stop };
}

async function isEmpty(database: Database): Promise<boolean> {
  const [{ n }] = await database.db.select({ n: count() }).from(accounts);
  return n === 0;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
/** `{ ledgerEntries: 21564 }` → "21,564 ledger entries". */
const described = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${n.toLocaleString('en-US')} ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
    .join(', ');

/**
 * On an empty database: the brand's first admin and the demo channel when the
 * seed policy allows it (not in production unless SEED_DEMO=true), with a line
 * per stage (what it wrote, how long it took) so that a first start does not
 * look hung. The seed is one long transaction, on a connection of its own free
 * of the serving pool's timeouts.
 */
export async function seedIfEmpty(config: Config, database: Database, log: Logger): Promise<boolean> {
  if (!(await isEmpty(database))) {
    if (config.seedDemo === true) log.info('SEED_DEMO=true but the database is not empty: nothing seeded');
    return false;
  }
  const plan = seedPlan(config);
  if (plan.warning) log.warn(plan.warning);
  const { seed, AlreadySeededError } = await import('./seed/demo.js');
  const started = Date.now();
  let last = started;
  if (plan.demo) log.info('seeding the demo channel into the empty database (first start only)');
  const admin = connect(database.url, { max: 1, prepare: config.databasePrepare });
  let result: Record<string, number>;
  try {
    result = await seed(
      admin.db,
      {
        adminEmail: config.adminEmail,
        adminPassword: config.adminPassword,
        scryptLogN: config.scryptLogN,
        demo: plan.demo,
      },
      (stage, counts) => {
        const now = Date.now();
        log.info(
          `seeding: ${stage}: ${described(counts)} (${seconds(now - last)} s, ${seconds(now - started)} s in all)`,
        );
        last = now;
      },
    );
  } catch (e) {
    if (!(e instanceof AlreadySeededError)) throw e;
    log.info('another process seeded the empty database meanwhile: nothing seeded here');
    return false;
  } finally {
    await admin.close();
  }
  log.info(result, `seeded an empty database in ${seconds(Date.now() - started)} s`);
  if (plan.warning) log.warn(plan.warning);
  // Fresh tables have no planner statistics until autovacuum gets to them: gather them now, beside serving.
  database.sql`analyze`.catch((e: unknown) => log.warn({ err: e }, 'analyze after seeding failed'));
  return true;
}
