import postgres from 'postgres';
import type { Config } from './config.js';
import { connect, type Database } from './db/client.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import type { Logger } from './logger.js';
import { isEmpty, seed } from './seed/demo.js';

export interface Runtime {
  database: Database;
  embedded: EmbeddedDatabase | null;
  stop: () => Promise<void>;
}

const EMBEDDED_DB = 'channelgraph';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL under DATA_DIR. Migrated either way. */
export async function startDatabase(config: Config, log: Logger): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB);
    url = embedded.url(EMBEDDED_DB);
  }
  const database = connect(url);
  try {
    const [{ server_version_num }] = await database.sql`show server_version_num`;
    if (Number(server_version_num) < 140000) throw new Error('PostgreSQL 14 or later is required');
    await runMigrations(database.db);
  } catch (e) {
    await database.close();
    await embedded?.stop();
    throw e;
  }
  return {
    database,
    embedded,
    stop: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}

/** On an empty database: the brand's first admin and (unless SEED_DEMO=false) the demo channel. */
export async function seedIfEmpty(config: Config, database: Database, log: Logger): Promise<boolean> {
  if (!(await isEmpty(database.db))) {
    if (config.seedDemo === true) log.info('SEED_DEMO=true but the database is not empty: nothing seeded');
    return false;
  }
  const result = await seed(database.db, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    scryptLogN: config.scryptLogN,
    demo: config.seedDemo !== false,
  });
  log.info(result, 'seeded an empty database');
  return true;
}
