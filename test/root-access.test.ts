import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { blockingDirectory, freePort, internals, startEmbeddedPostgres, type RunAs } from '../src/db/embedded.js';
import { createLogger } from '../src/logger.js';
import { runNpm } from './support/processes.js';

/**
 * As root, PostgreSQL runs as the user postgres, which cannot enter a home
 * directory of mode 0700 (root's, on most systems). A checkout there still
 * runs its tests (the binaries are copied once to a cache postgres can reach);
 * a DATA_DIR there stops `npm start` at once with one line saying what to do.
 * No directory's permissions are changed. Only meaningful as root.
 */
const asRoot = process.getuid?.() === 0;
const log = createLogger('silent');
let locked: string;
let who: RunAs;

beforeAll(async () => {
  if (!asRoot) return;
  who = (await internals.postgresAccount(log))!;
  locked = await mkdtemp(join(tmpdir(), 'channelgraph-locked-'));
  await chmod(locked, 0o700);
});
afterAll(async () => {
  if (locked) await rm(locked, { recursive: true, force: true });
});

const mode = async (dir: string) => ((await stat(dir)).mode & 0o7777).toString(8);

describe.runIf(asRoot)('running as root from a directory the postgres user cannot enter', () => {
  it('names the first directory in the way, with its mode', async () => {
    await mkdir(join(locked, 'checkout', 'node_modules'), { recursive: true });
    expect(await blockingDirectory(join(locked, 'checkout', 'node_modules', 'x'), who)).toEqual({
      dir: locked,
      mode: '0700',
    });
    expect(await blockingDirectory(join(tmpdir(), 'anything', 'below'), who)).toBeNull();
  });

  it('copies the binaries once to a cache postgres can reach, and PostgreSQL runs from the copy (npm test from such a checkout)', async () => {
    const packaged = internals.packagedBinaries();
    const native = join(locked, 'checkout', 'native');
    await cp(packaged.dir, native, { recursive: true, verbatimSymlinks: true });
    // The failure the issue saw: postgres cannot even execute the binaries under the locked directory.
    const direct = spawnSync(join(native, 'bin', 'postgres'), ['--version'], { uid: who.uid, gid: who.gid });
    expect(direct.error?.message ?? '').toMatch(/EACCES/);

    const cache = await mkdtemp(join(tmpdir(), 'channelgraph-bincache-'));
    await chmod(cache, 0o755);
    const dataDir = await mkdtemp(join(tmpdir(), 'channelgraph-rootdata-'));
    await chmod(dataDir, 0o755);
    try {
      const binaries = { packaged: { dir: native, version: 'test' }, cacheRoot: cache };
      const dir = await internals.binariesFor(who, log, binaries);
      expect(dir).toBe(join(cache, `postgres-test-${process.platform}-${process.arch}`));
      const copied = await stat(join(dir, '.complete'));
      expect(await internals.binariesFor(who, log, binaries)).toBe(dir);
      expect((await stat(join(dir, '.complete'))).mtimeMs).toBe(copied.mtimeMs); // not copied again

      const pg = await startEmbeddedPostgres(dataDir, log, { binaries });
      try {
        const sql = postgres(pg.url(), { max: 1, onnotice: () => {} });
        const [{ one }] = await sql`select 1 as one`;
        await sql.end();
        expect(one).toBe(1);
      } finally {
        await pg.stop();
      }
      expect(await mode(locked)).toBe('700');
    } finally {
      await rm(cache, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('npm start with DATA_DIR under it stops at once with one line saying what to do, and changes no permission', async () => {
    const npm = runNpm(['start'], { DATA_DIR: join(locked, 'data'), PORT: String(await freePort()) });
    const { code } = await npm.exited;
    expect(code).toBe(1);
    const lines = npm
      .output()
      .split('\n')
      .filter((l) => l.startsWith('channelgraph: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cannot enter ${locked} (mode 0700)`);
    expect(lines[0]).toMatch(/set DATA_DIR to a directory it can enter .* chmod o\+x /);
    expect(npm.output()).not.toMatch(/^\s+at /m);
    expect(npm.output()).not.toContain('embedded PostgreSQL started');
    expect(await mode(locked)).toBe('700');
  }, 120_000);
});
