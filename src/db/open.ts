import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startDatabase } from '../runtime.js';
import { connect, servingPool, type Database } from './client.js';
import type { Track } from './embedded.js';

/**
 * The database for a process beside `npm start` (`npm run worker`, `import`,
 * `export`): DATABASE_URL when set; else the embedded PostgreSQL that a
 * running `npm start` keeps under DATA_DIR (its port is in postmaster.pid,
 * its password in pg-password); else that embedded PostgreSQL, started here
 * and stopped again at the end.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  options: { serving?: boolean; track?: Track } = {},
): Promise<{ database: Database; stop: () => Promise<void> }> {
  if (!config.databaseUrl) {
    const running = await runningEmbedded(config.dataDir);
    if (running) {
      log.info({ port: running.port }, 'using the embedded PostgreSQL of the running server');
      const database = connect(running.url, options.serving ? servingPool(config) : { max: 4 });
      options.track?.('the database pool', () => database.close());
      return { database, stop: () => database.close() };
    }
  }
  const runtime = await startDatabase(config, log, options.track);
  return { database: runtime.database, stop: runtime.stop };
}

async function runningEmbedded(dataDir: string): Promise<{ url: string; port: number } | null> {
  const lockFile = join(dataDir, 'pg', 'postmaster.pid');
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(lockFile) || !existsSync(passwordFile)) return null;
  const lines = (await readFile(lockFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/channelgraph`, port };
}
