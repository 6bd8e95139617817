import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { connect } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';

export const TEMPLATE_DB = 'cg_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the maintenance database of the run's PostgreSQL. */
    pgAdminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedDatabase | null = null;
let dir: string | null = null;

/**
 * One PostgreSQL per test run: an embedded one in a temp dir, or
 * TEST_DATABASE_URL's server. A template database is migrated once; each
 * test file clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export async function setup(project: TestProject): Promise<void> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  let adminUrl = process.env.TEST_DATABASE_URL;
  try {
    if (!adminUrl) {
      dir = await mkdtemp(join(tmpdir(), 'channelgraph-test-'));
      await chmod(dir, 0o755); // the postgres user must be able to enter it
      embedded = await startEmbeddedPostgres(dir, log);
      adminUrl = embedded.url('postgres');
    }
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB}`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(adminUrl);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const template = connect(templateUrl.toString(), { max: 1 });
    await runMigrations(template.db);
    await template.close();
  } catch (e) {
    // vitest runs no teardown for a setup that failed: stop what was started here.
    await teardown();
    throw e;
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  embedded = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
}
