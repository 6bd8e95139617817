import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/db/embedded.js';
import { descendants, postmasterPid, running, runNpm, waitUntil, type Npm } from './support/processes.js';

/**
 * `npm start`, `npm run migrate` and `npm run seed` as a terminal or a process
 * manager runs them: whichever process gets the signal (npm, the server, or
 * the whole group, as Ctrl-C does), or when npm itself is killed outright,
 * nothing is left running (no node, no PostgreSQL), and the exit status says
 * what happened.
 */
let dataDir: string;
const leftovers: number[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'channelgraph-lifecycle-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  for (const pid of leftovers) if (running(pid)) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function serve(env: Record<string, string> = {}): Promise<{ npm: Npm; tree: number[]; postgres: number }> {
  const npm = runNpm(['start'], {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    SEED_DEMO: 'false',
    SCRYPT_LOG_N: '10',
    SLA_CHECK_SECONDS: '1',
    ...env,
  });
  await npm.waitFor(/channelgraph is up/);
  const postgres = postmasterPid(dataDir)!;
  const tree = [npm.proc.pid!, ...descendants(npm.proc.pid!)];
  leftovers.push(...tree);
  expect(tree).toContain(postgres);
  return { npm, tree, postgres };
}

async function expectAllGone(tree: number[]) {
  const gone = await waitUntil(() => tree.every((pid) => !running(pid)), 30_000);
  expect(gone, `still running: ${tree.filter(running).join(', ')}`).toBe(true);
  expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
}

/** The server itself: npm's only child (the script execs node, no shell in between). */
function serverOf(tree: number[], npmPid: number): number {
  const server = tree.find((pid) => pid !== npmPid && descendants(npmPid).includes(pid) && descendants(pid).length > 0);
  expect(server).toBeDefined();
  return server!;
}

describe('stopping npm start', () => {
  it('SIGTERM to npm (a process manager, kill <pid>) stops the server and PostgreSQL; exit 0', async () => {
    const { npm, tree } = await serve();
    process.kill(npm.proc.pid!, 'SIGTERM');
    expect(await npm.exited).toEqual({ code: 0, signal: null });
    await expectAllGone(tree);
    expect(npm.output()).toContain('"signal":"SIGTERM"');
  }, 180_000);

  it('Ctrl-C (SIGINT to the whole process group, npm forwarding it once more) is one clean stop; exit 0', async () => {
    const { npm, tree } = await serve();
    process.kill(-npm.proc.pid!, 'SIGINT');
    expect(await npm.exited).toEqual({ code: 0, signal: null });
    await expectAllGone(tree);
    expect(npm.output()).not.toContain('second signal');
  }, 180_000);

  it('SIGHUP to the server (a closed terminal) stops it like SIGTERM', async () => {
    const { npm, tree } = await serve();
    process.kill(serverOf(tree, npm.proc.pid!), 'SIGHUP');
    expect((await npm.exited).code).toBe(0);
    await expectAllGone(tree);
  }, 180_000);

  it('npm killed outright (SIGKILL, no signal passed on): the server notices its parent is gone and stops', async () => {
    const { npm, tree } = await serve();
    process.kill(npm.proc.pid!, 'SIGKILL');
    expect((await npm.exited).signal).toBe('SIGKILL');
    await expectAllGone(tree);
  }, 180_000);

  it('a signal during start-up (while seeding) stops what was started and exits 128 + the signal', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'channelgraph-lifecycle-seed-'));
    await chmod(fresh, 0o755);
    try {
      const npm = runNpm(['start'], { DATA_DIR: fresh, PORT: String(await freePort()), SCRYPT_LOG_N: '10' });
      await npm.waitFor(/seeding: /);
      const tree = [npm.proc.pid!, ...descendants(npm.proc.pid!)];
      leftovers.push(...tree);
      process.kill(npm.proc.pid!, 'SIGTERM');
      expect((await npm.exited).code).toBe(143);
      expect(await waitUntil(() => tree.every((pid) => !running(pid)), 30_000)).toBe(true);
      expect(existsSync(join(fresh, 'pg', 'postmaster.pid'))).toBe(false);
      expect(npm.output()).not.toContain('channelgraph is up');
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('exit codes of start, migrate and seed', () => {
  it('a failure after PostgreSQL started (the port is taken) stops it and exits 1 with one line saying what to do', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '0.0.0.0', r));
    try {
      const npm = runNpm(['start'], { DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false', SCRYPT_LOG_N: '10' });
      await npm.waitFor(/embedded PostgreSQL started/);
      const tree = [npm.proc.pid!, ...descendants(npm.proc.pid!)];
      leftovers.push(...tree);
      expect((await npm.exited).code).toBe(1);
      expect(npm.output()).toMatch(new RegExp(`^channelgraph: port ${port} is in use: .*set PORT`, 'm'));
      expect(npm.output()).not.toMatch(/^\s+at /m);
      await expectAllGone(tree);
    } finally {
      blocker.close();
    }
  }, 180_000);

  it('npm run migrate and npm run seed exit 0 and stop their PostgreSQL; a database they cannot use is exit 1 in one line', async () => {
    const migrate = runNpm(['run', 'migrate'], { DATA_DIR: dataDir });
    expect((await migrate.exited).code).toBe(0);
    expect(migrate.output()).toContain('migrations applied');
    expect(postmasterPid(dataDir)).toBeNull();

    const seed = runNpm(['run', 'seed'], { DATA_DIR: dataDir });
    expect((await seed.exited).code).toBe(0);
    expect(seed.output()).toContain('the database is not empty: nothing seeded');
    expect(postmasterPid(dataDir)).toBeNull();

    const bad = runNpm(['run', 'migrate'], {
      DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${await freePort()}/none`,
    });
    expect((await bad.exited).code).toBe(1);
    expect(bad.output()).toMatch(
      /^channelgraph: cannot use DATABASE_URL postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:\d+\/none: .*ECONNREFUSED/m,
    );
    expect(bad.output()).not.toContain('secret');
  }, 240_000);
});
