import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from '../src/db/embedded.js';

/**
 * `npm start` as a user runs it: a separate process with the embedded
 * PostgreSQL under DATA_DIR, demo data on first start, graceful shutdown,
 * data kept across restarts, and recovery from a crash.
 */
interface Started {
  proc: ChildProcess;
  port: number;
  output: () => string;
}

let dir: string;

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dir,
      PORT: String(port),
      SCRYPT_LOG_N: '10',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes('channelgraph is up')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${out}`));
    });
  });
  return { proc, port, output: () => out };
}

function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    proc.exitCode !== null ? resolve(proc.exitCode) : proc.once('exit', (code) => resolve(code)),
  );
}

async function gql(port: number, query: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

async function login(port: number, email: string, password = 'channel-demo-2026'): Promise<string> {
  const res = await gql(
    port,
    `mutation { login(input: { email: "${email}", password: "${password}" }) { token userErrors { code } } }`,
  );
  expect(res.data.login.userErrors).toEqual([]);
  return res.data.login.token;
}

async function accountCount(port: number, token: string): Promise<number> {
  return (await gql(port, '{ accounts { totalCount } }', token)).data.accounts.totalCount;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'channelgraph-start-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the seeded demo, shuts down cleanly, keeps its data and recovers from a crash', async () => {
    const first = await start({});
    expect(first.output()).toMatch(/GraphiQL\s+http:\/\/localhost:\d+\/graphiql/);
    expect(first.output()).toContain('buyer@ret-shenzhen-futian-1.example');
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(health.status).toBe(200);

    const brand = await login(first.port, 'admin@qingyuan.example');
    const total = await accountCount(first.port, brand);
    expect(total).toBeGreaterThanOrEqual(1 + 3 + 10 + 60);
    expect(await accountCount(first.port, await login(first.port, 'buyer@ret-shenzhen-futian-1.example'))).toBe(1);
    const distributor = await accountCount(first.port, await login(first.port, 'admin@dist-shenzhen.example'));
    expect(distributor).toBeGreaterThan(1);
    expect(distributor).toBeLessThan(total);

    // The demo catalog: every login sees its own price for the same sku.
    const priceOf = async (email: string) =>
      (
        await gql(
          first.port,
          '{ products(first: 1) { totalCount } variant(sku: "QY-RO-800G-PRO-WH") { price { amount { amount } steps { kind } } } }',
          await login(first.port, email),
        )
      ).data;
    const retailer = await priceOf('buyer@ret-shenzhen-futian-1.example');
    const dist = await priceOf('buyer@dist-shenzhen.example');
    const agent = await priceOf('admin@agent-south.example');
    expect(retailer.products.totalCount).toBeGreaterThanOrEqual(200);
    const amounts = [retailer, dist, agent].map((d) => Number(d.variant.price.amount.amount));
    expect(amounts[0]).toBeGreaterThan(amounts[1]);
    expect(amounts[1]).toBeGreaterThan(amounts[2]);
    expect(retailer.variant.price.steps[0].kind).toBe('LIST');

    // Graceful stop: exit 0, postgres stopped (its lock file gone).
    first.proc.kill('SIGTERM');
    expect(await exited(first.proc)).toBe(0);
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);

    // Restart: same data, no second seeding.
    const second = await start({});
    expect(await accountCount(second.port, await login(second.port, 'admin@qingyuan.example'))).toBe(total);
    expect(second.output()).not.toContain('seeded an empty database');

    // Crash: the server dies without stopping postgres; the next start cleans up after it.
    second.proc.kill('SIGKILL');
    await exited(second.proc);
    const pidFile = join(dir, 'pg', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    const third = await start({});
    expect(third.output()).toMatch(/orphaned PostgreSQL|stale PostgreSQL lock/);
    expect(await accountCount(third.port, await login(third.port, 'admin@qingyuan.example'))).toBe(total);
    third.proc.kill('SIGINT');
    expect(await exited(third.proc)).toBe(0);

    // A lock file naming a process that no longer exists.
    await writeFile(pidFile, `999999\n${join(dir, 'pg')}\n`);
    const fourth = await start({});
    expect(fourth.output()).toContain('stale PostgreSQL lock');
    expect(await accountCount(fourth.port, await login(fourth.port, 'admin@qingyuan.example'))).toBe(total);
    fourth.proc.kill('SIGTERM');
    expect(await exited(fourth.proc)).toBe(0);
    expect(await readFile(join(dir, 'jwt-secret'), 'utf8')).toMatch(/^[\w-]{40,}$/);
  }, 300_000);

  it('uses DATABASE_URL instead when it is set, with the first admin from ADMIN_EMAIL and no demo when SEED_DEMO=false', async () => {
    const admin = postgres(inject('pgAdminUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe('drop database if exists start_external');
    await admin.unsafe('create database start_external');
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = '/start_external';
    const external = await start({
      DATABASE_URL: url.toString(),
      SEED_DEMO: 'false',
      ADMIN_EMAIL: 'owner@brand.example',
      ADMIN_PASSWORD: 'owner-pass-2026',
      DATA_DIR: join(dir, 'external'),
    });
    try {
      const token = await login(external.port, 'owner@brand.example', 'owner-pass-2026');
      expect(await accountCount(external.port, token)).toBe(1);
      expect(existsSync(join(dir, 'external', 'pg'))).toBe(false);
      const tables = await admin.unsafe(`select count(*)::int as n from pg_database where datname = 'start_external'`);
      expect(tables[0].n).toBe(1);
    } finally {
      external.proc.kill('SIGTERM');
      expect(await exited(external.proc)).toBe(0);
      await admin.unsafe('drop database if exists start_external with (force)');
      await admin.end();
    }
  }, 120_000);
});
