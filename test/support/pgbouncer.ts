import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/db/embedded.js';

/** Debian's `pgbouncer` (.ci/run installs it). */
export const PGBOUNCER_BIN = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';
export const hasPgBouncer = existsSync(PGBOUNCER_BIN);
/** Set in CI (.ci/run, or any CI=true): without pgbouncer its tests fail instead of skipping. */
export const REQUIRE_PGBOUNCER = ['1', 'true', 'yes'].includes(
  String(process.env.REQUIRE_PGBOUNCER ?? process.env.CI ?? '').toLowerCase(),
);

/** Whether a file's PgBouncer tests run: they skip, loudly, only on a machine without it and outside CI. */
export function pgBouncerTests(file: string): boolean {
  if (hasPgBouncer || REQUIRE_PGBOUNCER) return true;
  console.warn(
    `\n*** SKIPPED the PgBouncer tests of ${file}: no pgbouncer at ${PGBOUNCER_BIN}. Install it (apt-get install -y pgbouncer) or set PGBOUNCER_PATH; CI sets REQUIRE_PGBOUNCER=1 so they cannot skip there. ***\n`,
  );
  return false;
}

export interface PgBouncer {
  /** `url` with its host and port replaced by PgBouncer's. */
  urlFor(url: string): string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of the test PostgreSQL: a pool of
 * `serverConnections` server connections per database and user, shared by
 * every client transaction by transaction, the way a deployment runs it.
 * Its settings are the ones the README recommends.
 */
export async function startPgBouncer(
  serverUrl: string,
  options: { serverConnections?: number } = {},
): Promise<PgBouncer> {
  if (!hasPgBouncer) throw new Error(`there is no pgbouncer at ${PGBOUNCER_BIN} (apt-get install -y pgbouncer)`);
  const server = new URL(serverUrl);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'pgbouncer-'));
  // It refuses to run as root: as root it runs as the `postgres` user, which must read its files.
  await chmod(dir, 0o755);
  const user = decodeURIComponent(server.username);
  await writeFile(join(dir, 'userlist.txt'), `"${user}" "${decodeURIComponent(server.password)}"\n`, { mode: 0o644 });
  await writeFile(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.serverConnections ?? 4}`,
      'max_client_conn = 500',
      // postgres.js sends the serving pool's timeouts as startup parameters; PgBouncer passes on only what it knows,
      // so they are set on the role instead (README "PgBouncer") and ignored here.
      'ignore_startup_parameters = extra_float_digits,statement_timeout,lock_timeout',
      'server_reset_query =',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = userInfo().uid === 0;
  const proc: ChildProcess = spawn(PGBOUNCER_BIN, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pgbouncer did not start within 10 s:\n${out}`)), 10_000);
    const check = () => {
      if (/process up|listening on/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', check);
    proc.stderr!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`pgbouncer exited:\n${out}`));
    });
  });
  return {
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
