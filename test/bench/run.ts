/**
 * `npm run bench` — the benchmark harness (see test/bench/README.md).
 *
 *   npm run bench                     10 s per workload, writes test/bench/results/latest.json
 *   npm run bench -- --quick          2 s per workload (what test/bench-quick.test.ts runs)
 *   npm run bench -- --out FILE       write the results there instead
 *   npm run bench -- --profile DIR    run the server with --cpu-prof into DIR (and summarize it)
 *   npm run bench -- --only w1,floor  run only some workloads (w1, floor, w2, w3, portal)
 *   npm run bench -- --seconds N      seconds per workload
 *
 * On its own it starts an embedded PostgreSQL in a temp dir, migrates, loads
 * the fixed dataset (dataset.ts), starts the server (`node --import tsx
 * src/main.ts serve`, production, logging at warn) and the floor
 * (floor.ts) as separate processes, drives them from this process with
 * autocannon on 127.0.0.1, verifies the orders with SQL, prints a markdown
 * table and writes the figures. Every process it starts is stopped at the end,
 * on failure and on SIGINT/SIGTERM too.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { connect } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createTokens } from '../../src/auth/tokens.js';
import {
  DISTRIBUTORS,
  PRODUCTS,
  VARIANTS_PER_PRODUCT,
  W1_RETAILER,
  loadDataset,
  orderableVariant,
  retailerId,
  skuOf,
} from './dataset.js';
import { W1_QUERY, W2_MUTATION, drive, type LoadResult } from './workloads.js';
import { summarizeProfile } from './profile.js';
import { runW3, W3_SKUS } from './w3.js';
import { runPortal, type PortalFigures } from './portal.js';
import { FLOOR_STATEMENTS } from './floor.js';
import { buildServer } from '../../scripts/build-server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LINES_PER_ORDER = 5;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    profile: { type: 'string' },
    only: { type: 'string' },
    seconds: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    start: { type: 'string', default: 'build' },
  },
});
// How the servers are started: `build` as `npm start` runs them (the compiled JavaScript of build/), `tsx` through tsx's loader.
if (!['build', 'tsx'].includes(args.start)) throw new Error('--start is build or tsx');
const SERVER_ENTRY = args.start === 'tsx' ? ['--import', 'tsx', 'src/main.ts'] : ['build/main.js'];
const quick = args.quick;
// A quick run is a smoke test inside `npm test`, often on a busy machine: fewer connections, so
// requests finish inside its short window; the budgets are judged on full runs.
const CONNECTIONS = quick ? 4 : 16;
const W2_BUYERS = quick ? 4 : 16;
const seconds = args.seconds ? Number(args.seconds) : quick ? 3 : 10;
if (!(seconds > 0 && seconds <= 120)) throw new Error('--seconds must be between 1 and 120');
const warmupSeconds = quick ? 1 : 3;
const only = new Set((args.only ?? 'w1,floor,w2,w3,portal').split(',').map((s) => s.trim()));
// A quick run is a smoke test: its figures go to the temp dir unless asked for.
const outFile = resolve(
  args.out ?? (quick ? join(tmpdir(), 'channelgraph-bench-quick.json') : join(ROOT, 'test/bench/results/latest.json')),
);
const log = createLogger(args.verbose ? 'info' : 'warn');

const started = Date.now();
const loadAtStart = loadavg()[0];
const step = (what: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);

// ---------------------------------------------------------------------------
// Processes we start, and how they are stopped whatever happens.

interface Child {
  name: string;
  proc: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

const children: Child[] = [];
let embedded: EmbeddedDatabase | null = null;
let tempDir: string | null = null;

/**
 * A bench client is one credential sending hundreds of requests a second: its
 * bucket is still charged (the statement is part of what is measured) but is
 * too large to ever refuse.
 */
const BENCH_THROTTLE = { THROTTLE_BUCKET_SIZE: '1000000000', THROTTLE_RESTORE_RATE: '1000000000' };

function spawnNode(name: string, nodeArgs: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    if (args.verbose) process.stderr.write(`[${name}] ${chunk}`);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => proc.once('exit', (code) => resolveExit(code)));
  const child = { name, proc, output, exited };
  children.push(child);
  return child;
}

async function stopChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  c.proc.kill('SIGTERM');
  const timer = setTimeout(() => c.proc.kill('SIGKILL'), 15_000);
  await c.exited;
  clearTimeout(timer);
}

let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of children.reverse()) await stopChild(c).catch(() => {});
    if (embedded) await embedded.stop().catch((e) => console.error('stopping postgres:', e));
    embedded = null;
    if (tempDir) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  })();
  return cleaning;
}

/** Last resort when the process is leaving without cleanup: kill children and the postmaster synchronously. */
process.on('exit', () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  if (embedded && tempDir) {
    try {
      const pid = Number(readFileSync(join(tempDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      /* already gone */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the server, the floor and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function waitForHttp(c: Child, url: string, ok: (status: number) => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (c.proc.exitCode !== null)
      throw new Error(`${c.name} exited (${c.proc.exitCode}) before it answered:\n${c.output.join('')}`);
    try {
      const res = await fetch(url, { method: 'GET' });
      await res.arrayBuffer();
      if (ok(res.status)) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${c.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${c.output.join('')}`);
}

// ---------------------------------------------------------------------------
// Memory of the server process.

function procStatus(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

function sampleRss(pid: number, everyMs = 100) {
  let peak = 0;
  let samples = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, procStatus(pid).rss);
      samples++;
    } catch {
      /* process gone */
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMB: peak, samples };
    },
  };
}

/** CPU time (user + system, all threads) a process has used, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks: 100 per second on Linux
}

interface Statement {
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  query: string;
}

/** The statements that took the most database time since the last reset, and the total. */
async function topStatements(
  sql: postgres.Sql,
  limit = 8,
): Promise<{ totalMs: number; calls: number; top: Statement[] }> {
  const rows = await sql<{ calls: number; total_ms: number; mean_ms: number; rows: number; query: string }[]>`
    select calls::int, total_exec_time as total_ms, mean_exec_time as mean_ms, rows::int, query
    from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'
    order by total_exec_time desc`;
  return {
    totalMs: round(rows.reduce((s, r) => s + r.total_ms, 0)),
    calls: rows.reduce((s, r) => s + r.calls, 0),
    top: rows.slice(0, limit).map((r) => ({
      calls: r.calls,
      totalMs: round(r.total_ms),
      meanMs: round(r.mean_ms, 3),
      rows: r.rows,
      query: r.query.replace(/\s+/g, ' ').slice(0, 240),
    })),
  };
}

/** Runs a measured load: CPU of the serving process and database statements are taken around it. */
async function measured<T extends LoadResult>(sql: postgres.Sql, pid: number, run: () => Promise<T>) {
  await sql`select pg_stat_statements_reset()`;
  const cpu0 = cpuMs(pid);
  const load0 = loadavg()[0];
  const r = await run();
  const cpu = cpuMs(pid) - cpu0;
  const db = await topStatements(sql);
  return {
    ...r,
    serverCpuMsPerRequest: r.requests ? round(cpu / r.requests, 2) : null,
    serverCpuCores: round(cpu / 1000 / r.seconds, 2),
    db: {
      statementsPerRequest: r.requests ? round(db.calls / r.requests, 2) : null,
      msPerRequest: r.requests ? round(db.totalMs / r.requests, 2) : null,
      top: db.top,
    },
    loadAverage1m: { before: round(load0, 2), after: round(loadavg()[0], 2) },
  };
}

// ---------------------------------------------------------------------------

async function post(
  url: string,
  body: unknown,
  token: string,
): Promise<{ status: number; text: string; statements: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  graphql: …${a.slice(Math.max(0, i - 120), i + 120)}…\n  floor:   …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

function machine(pgVersion: string) {
  const git = (...a: string[]) => {
    try {
      return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain');
  return {
    machine: {
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      os: `${osType()} ${release()}`,
      node: process.version,
      postgres: pgVersion,
    },
    git: { commit: git('rev-parse', 'HEAD'), dirty: status === null ? null : status.length > 0 },
  };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

interface Budget {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('hex');
  const tokens = createTokens(new TextEncoder().encode(secret), 3600);
  const setup: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    setup[name] = round((Date.now() - t) / 1000, 2);
    t = Date.now();
  };

  // 1. PostgreSQL, migrations, dataset.
  step('starting an embedded PostgreSQL in a temp dir');
  tempDir = await mkdtemp(join(tmpdir(), 'channelgraph-bench-'));
  await chmod(tempDir, 0o755); // the postgres user must be able to enter it (we run as root)
  embedded = await startEmbeddedPostgres(tempDir, log);
  // pg_stat_statements says where the database time goes; it must be preloaded, so: set it, restart.
  const boot = postgres(embedded.url('postgres'), { max: 1, onnotice: () => {} });
  await boot.unsafe(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
  await boot.end();
  await embedded.stop();
  embedded = await startEmbeddedPostgres(tempDir, log);
  const admin = postgres(embedded.url('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database bench');
  const [{ server_version: pgVersion }] = await admin`show server_version`;
  await admin.end();
  const dbUrl = embedded.url('bench');
  lap('postgresSeconds');

  step('migrating');
  const database = connect(dbUrl, { max: 4 });
  const sql = database.sql;
  await runMigrations(database.db);
  await sql`create extension if not exists pg_stat_statements`;
  lap('migrateSeconds');

  step(
    `loading the dataset (${PRODUCTS} products × ${VARIANTS_PER_PRODUCT} variants, ${DISTRIBUTORS} distributors, ${DISTRIBUTORS * 10} retailers)`,
  );
  const data = await loadDataset(sql);
  const { buyerUserOf, ...summary } = data;
  lap('datasetSeconds');

  const results: Record<string, unknown> = {};
  if (args.start === 'build') {
    step('compiling the server into build/ (a no-op when it is fresh)');
    await buildServer();
  }

  // 2. The server and the floor, each its own process.
  const serverPort = await freePort();
  const floorPort = await freePort();
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(NODE_ENV|LOG_LEVEL|DATABASE_URL|SEED_DEMO|SQL_COUNT_HEADER|JWT_SECRET|PORT|HOST|DATA_DIR|INTROSPECTION|LOW_STOCK_THRESHOLD|TOKEN_TTL_SECONDS|NODE_OPTIONS|VITEST.*|TEST_.*)$/.test(
          k,
        ),
    ),
  );
  const profileDir = args.profile ? resolve(args.profile) : null;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  step('starting the server (production, LOG_LEVEL=warn) and the floor');
  const server = spawnNode(
    'server',
    [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), ...SERVER_ENTRY, 'serve'],
    {
      ...baseEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl,
      SEED_DEMO: 'false',
      SQL_COUNT_HEADER: 'true',
      JWT_SECRET: secret,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      DATA_DIR: join(tempDir, 'server-data'),
      LOW_STOCK_THRESHOLD: '10',
      ...BENCH_THROTTLE,
    },
  );
  const floor = spawnNode('floor', ['--import', 'tsx', 'test/bench/floor.ts'], {
    ...baseEnv,
    NODE_ENV: 'production',
    FLOOR_DATABASE_URL: dbUrl,
    FLOOR_PORT: String(floorPort),
    JWT_SECRET: secret,
  });
  const spawnedAt = Date.now();
  let serverUpSeconds = 0;
  await Promise.all([
    waitForHttp(server, `http://127.0.0.1:${serverPort}/healthz`, (s) => s === 200).then(
      () => (serverUpSeconds = round((Date.now() - spawnedAt) / 1000, 2)),
    ),
    waitForHttp(floor, `http://127.0.0.1:${floorPort}/`, (s) => s > 0),
  ]);
  lap('serversSeconds');
  const serverPid = server.proc.pid!;
  const idle = procStatus(serverPid);
  results.serverStart = { how: args.start, secondsToHealthy: serverUpSeconds, idleRssMB: round(idle.rss) };
  const gqlUrl = `http://127.0.0.1:${serverPort}/graphql`;
  const floorUrl = `http://127.0.0.1:${floorPort}/`;

  const budgets: Budget[] = [];

  // 3. W1 and its floor.
  let w1: (LoadResult & Record<string, unknown>) | null = null;
  let w1Floor: (LoadResult & Record<string, unknown>) | null = null;
  let rss: Record<string, number> | null = null;
  if (only.has('w1') || only.has('floor')) {
    const token = (await tokens.issue(buyerUserOf(W1_RETAILER))).token;
    const body = (first: number) => ({ query: W1_QUERY, variables: { first } });

    step('W1: checking the floor answers the same JSON as the server, and counting SQL statements');
    const sqlCounts: Record<number, number> = {};
    let bytes = 0;
    for (const first of [5, 50]) {
      const g = await post(gqlUrl, body(first), token);
      const f = await post(floorUrl, body(first), token);
      const gj = JSON.parse(g.text);
      if (g.status !== 200 || gj.errors)
        throw new Error(`W1 failed on the server: ${g.status} ${g.text.slice(0, 500)}`);
      if (gj.data.products.nodes.length !== first)
        throw new Error(`W1 returned ${gj.data.products.nodes.length} products, not ${first}`);
      if (f.status !== 200) throw new Error(`W1 failed on the floor: ${f.status} ${f.text.slice(0, 500)}`);
      // The data must match byte for byte; the server adds `extensions.cost`, which the floor does not compute.
      const same = JSON.stringify(gj.data) === JSON.stringify(JSON.parse(f.text).data);
      if (!same)
        throw new Error(
          `the floor's JSON differs from the server's (first: ${first}) ${firstDifference(JSON.stringify(gj.data), JSON.stringify(JSON.parse(f.text).data))}`,
        );
      if (typeof gj.extensions?.cost?.requestedQueryCost !== 'number')
        throw new Error('W1 answered without extensions.cost');
      sqlCounts[first] = g.statements;
      if (first === 50) bytes = Buffer.byteLength(g.text);
    }
    const page = JSON.parse((await post(gqlUrl, body(50), token)).text).data.products;
    const variants = page.nodes.flatMap((n: { variants: unknown[] }) => n.variants) as {
      price: { floorApplied: boolean; steps: { kind: string }[] } | null;
      availability: { status: string };
    }[];
    const shape = {
      products: page.nodes.length,
      variants: variants.length,
      priced: variants.filter((v) => v.price).length,
      withPromotion: variants.filter((v) => v.price?.steps.some((s) => s.kind === 'PROMOTION')).length,
      floorApplied: variants.filter((v) => v.price?.floorApplied).length,
      availability: Object.fromEntries(
        ['IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK'].map((s) => [
          s,
          variants.filter((v) => v.availability.status === s).length,
        ]),
      ),
      responseBytes: bytes,
    };

    const statementsUnderLoad = new Map<number, number>();
    let badW1 = 0;
    const w1Opts = (url: string, count: boolean) => ({
      url,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify(body(50)),
      onResponse: (status: number, text: string, headers: Record<string, string | string[]>) => {
        if (status !== 200 || text.length < 1000 || text.startsWith('{"errors"')) badW1++;
        if (count) {
          const n = Number(headers['x-sql-statements']);
          statementsUnderLoad.set(n, (statementsUnderLoad.get(n) ?? 0) + 1);
        }
      },
    });

    if (only.has('w1')) {
      step(`W1: warming the server up (${warmupSeconds} s)`);
      await drive({ ...w1Opts(gqlUrl, false), seconds: warmupSeconds });
      step(`W1: ${CONNECTIONS} connections for ${seconds} s`);
      const sampler = sampleRss(serverPid);
      badW1 = 0;
      const r = await measured(sql, serverPid, () => drive({ ...w1Opts(gqlUrl, true), seconds }));
      const sampled = sampler.stop();
      const status = procStatus(serverPid);
      rss = {
        peakSampledMB: round(sampled.peakMB),
        hwmMB: round(status.hwm),
        afterMB: round(status.rss),
        samples: sampled.samples,
      };
      w1 = {
        ...r,
        invalidResponses: badW1,
        sqlStatements: {
          page5: sqlCounts[5],
          page50: sqlCounts[50],
          underLoad: Object.fromEntries(statementsUnderLoad),
        },
        page: shape,
      };
      results.w1 = w1;
      results.rss = rss;
    }
    if (only.has('floor')) {
      step(`W1-floor: warming up (${warmupSeconds} s)`);
      await drive({ ...w1Opts(floorUrl, false), seconds: warmupSeconds });
      step(`W1-floor: ${CONNECTIONS} connections for ${seconds} s`);
      badW1 = 0;
      const r = await measured(sql, floor.proc.pid!, () => drive({ ...w1Opts(floorUrl, false), seconds }));
      w1Floor = { ...r, invalidResponses: badW1, sqlStatements: FLOOR_STATEMENTS };
      results.w1Floor = w1Floor;
    }
    if (w1 && w1Floor) results.w1OverFloor = round(w1.reqPerSec / w1Floor.reqPerSec, 3);
  }

  // 4. W2: placeOrder.
  let w2: Record<string, unknown> | null = null;
  if (only.has('w2')) {
    const buyers = Array.from({ length: W2_BUYERS }, (_, i) =>
      retailerId(i % DISTRIBUTORS, 2 + Math.floor(i / DISTRIBUTORS)),
    );
    const buyerTokens = await Promise.all(buyers.map(async (b) => (await tokens.issue(buyerUserOf(b))).token));
    const orderable = Array.from({ length: PRODUCTS * VARIANTS_PER_PRODUCT }, (_, i) => i + 1).filter(orderableVariant);
    const runId = randomBytes(4).toString('hex');
    const sent = new Map<number, number>();
    const makeBody = (headers: Record<string, string>, phase: string) => {
      const b = Number(headers['x-bench-buyer']);
      if (!Number.isInteger(b)) return null;
      const n = sent.get(b) ?? 0;
      sent.set(b, n + 1);
      const start = (b * 7919 + n * 104_729) % orderable.length;
      const lines = Array.from({ length: LINES_PER_ORDER }, (_, k) => ({
        sku: skuOf(orderable[(start + k * 211) % orderable.length]),
        quantity: 1 + ((n + k) % 3),
      }));
      return JSON.stringify({
        query: W2_MUTATION,
        variables: { input: { lines, idempotencyKey: `bench-${runId}-${phase}-${b}-${n}` } },
      });
    };
    const outcome = {
      orders: 0,
      userErrors: new Map<string, number>(),
      graphqlErrors: 0,
      orderIds: new Set<string>(),
      duplicateIds: 0,
    };
    const w2Opts = (phase: string, record: boolean) => ({
      url: gqlUrl,
      connections: W2_BUYERS,
      clientHeaders: (client: number) => ({
        authorization: `Bearer ${buyerTokens[client % W2_BUYERS]}`,
        'x-bench-buyer': String(client % W2_BUYERS),
      }),
      makeBody: (h: Record<string, string>) => makeBody(h, phase),
      onResponse: (status: number, text: string) => {
        if (!record) return;
        let parsed: {
          data?: { placeOrder?: { order: { id: string } | null; userErrors: { code: string }[] } };
          errors?: unknown[];
        } = {};
        try {
          parsed = JSON.parse(text);
        } catch {
          outcome.graphqlErrors++;
          return;
        }
        const p = parsed.data?.placeOrder;
        if (status === 200 && p?.order) {
          if (outcome.orderIds.has(p.order.id)) outcome.duplicateIds++;
          outcome.orderIds.add(p.order.id);
          outcome.orders++;
        } else if (p?.userErrors?.length) {
          for (const e of p.userErrors) outcome.userErrors.set(e.code, (outcome.userErrors.get(e.code) ?? 0) + 1);
        } else outcome.graphqlErrors++;
      },
    });
    step(`W2: warming up (${warmupSeconds} s)`);
    await drive({ ...w2Opts('warmup', false), seconds: warmupSeconds });
    step(`W2: ${W2_BUYERS} buyers placing ${LINES_PER_ORDER}-line orders for ${seconds} s`);
    const r = await measured(sql, serverPid, () => drive({ ...w2Opts('run', true), seconds }));

    // Orders whose response arrived after the window closed still commit: wait until the count settles.
    let last = -1;
    for (let i = 0; i < 50; i++) {
      const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from orders`;
      if (n === last) break;
      last = n;
      await new Promise((res) => setTimeout(res, 200));
    }
    step('W2: verifying stock, credit and orders with SQL');
    const [reserved] = await sql<{ rows: number; mismatched: number }[]>`
      select count(*)::int as rows, count(*) filter (where s.reserved <> coalesce(x.expected, 0))::int as mismatched
      from stock_levels s left join (
        select f.warehouse_id, fl.variant_id, sum(fl.quantity)::int as expected
        from fulfillment_lines fl join fulfillments f on f.id = fl.fulfillment_id join orders o on o.id = f.order_id
        where f.status = 'PENDING' and o.status in ('SUBMITTED', 'CONFIRMED', 'ALLOCATED')
        group by 1, 2) x on x.warehouse_id = s.warehouse_id and x.variant_id = s.variant_id`;
    const [credit] = await sql<{ rows: number; mismatched: number; over: number }[]>`
      select count(*)::int as rows,
        count(*) filter (where a.credit_used <> coalesce((select sum(o.total) from orders o where o.buyer_id = a.id and o.status <> 'CANCELLED'), 0))::int as mismatched,
        count(*) filter (where a.credit_limit is not null and a.credit_used > a.credit_limit)::int as over
      from accounts a`;
    const [negative] = await sql<
      { n: number }[]
    >`select count(*)::int as n from stock_levels where on_hand < 0 or reserved < 0 or reserved > on_hand`;
    const [dupes] = await sql<
      { n: number }[]
    >`select count(*)::int as n from (select 1 from orders group by buyer_id, idempotency_key having count(*) > 1) d`;
    const [orders] = await sql<
      { n: number; run: number; lines: number; units: number; reserved: number; wrongLines: number }[]
    >`
      select (select count(*)::int from orders) as n,
        (select count(*)::int from orders where idempotency_key like ${`bench-${runId}-run-%`}) as run,
        (select count(*)::int from order_lines) as lines,
        (select coalesce(sum(quantity), 0)::int from order_lines) as units,
        (select coalesce(sum(reserved), 0)::int from stock_levels) as reserved,
        (select count(*)::int from orders o where (select count(*) from order_lines l where l.order_id = o.id) <> ${LINES_PER_ORDER}) as "wrongLines"`;
    const [missing] = await sql<{ n: number }[]>`
      select count(*)::int as n from unnest(${[...outcome.orderIds].map((id) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]))}::int[]) as r(id)
      where not exists (select 1 from orders o where o.id = r.id)`;
    const invariants = {
      reservedEqualsOpenLines: reserved.mismatched === 0,
      creditEqualsOpenTotals: credit.mismatched === 0 && credit.over === 0,
      noNegativeStock: negative.n === 0,
      noDuplicateOrders: dupes.n === 0 && outcome.duplicateIds === 0,
      everyAnsweredOrderStored: missing.n === 0,
      everyOrderHasItsLines: orders.wrongLines === 0,
      unitsReservedEqualUnitsOrdered: orders.units === orders.reserved,
    };
    w2 = {
      ...r,
      ordersPerSec: outcome.orders / r.seconds,
      ordersAnswered: outcome.orders,
      ordersStored: orders.n,
      ordersStoredThisWindow: orders.run,
      orderLines: orders.lines,
      unitsOrdered: orders.units,
      unitsReserved: orders.reserved,
      userErrors: Object.fromEntries(outcome.userErrors),
      graphqlErrors: outcome.graphqlErrors,
      checks: {
        stockRows: reserved.rows,
        stockRowsMismatched: reserved.mismatched,
        accounts: credit.rows,
        creditMismatched: credit.mismatched,
        creditOverLimit: credit.over,
        negativeStockRows: negative.n,
        duplicateKeys: dupes.n,
        duplicateIdsAnswered: outcome.duplicateIds,
        answeredButMissing: missing.n,
      },
      invariants,
      invariantsHold: Object.values(invariants).every(Boolean),
    };
    results.w2 = w2;
  }

  // Another database of the run's PostgreSQL, migrated, and a server on it started as production runs it (W3, portal).
  const createDatabase = async (name: string) => {
    const a = postgres(embedded!.url('postgres'), { max: 1, onnotice: () => {} });
    await a.unsafe(`create database ${name}`);
    await a.end();
    const d = connect(embedded!.url(name), { max: 1 });
    await runMigrations(d.db);
    await d.close();
    return embedded!.url(name);
  };
  const startServer = async (name: string, databaseUrl: string) => {
    const port = await freePort();
    const child = spawnNode(name, [...SERVER_ENTRY, 'serve'], {
      ...baseEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      SQL_COUNT_HEADER: 'true',
      JWT_SECRET: secret,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(tempDir!, `${name}-data`),
      ...BENCH_THROTTLE,
    });
    await waitForHttp(child, `http://127.0.0.1:${port}/healthz`, (status) => status === 200);
    return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
  };
  const issueToken = async (userId: number) => (await tokens.issue(userId)).token;

  // 5. W3: analytics, on a generated large channel (and, unless quick, on the seeded demo), each on its own server.
  let w3: Awaited<ReturnType<typeof runW3>> | null = null;
  if (only.has('w3')) {
    w3 = await runW3(
      {
        quick,
        seconds: quick ? 1 : Math.min(seconds, 5),
        warmupSeconds: 1,
        createDatabase,
        startServer,
        issueToken,
        step,
      },
      quick ? 50_000 : 1_000_000,
      quick ? null : 20_000,
    );
    results.w3 = w3;
  }

  // 6. The portal: the catalog's first load in Chromium (the demo channel, its own server).
  let portal: PortalFigures | null = null;
  if (only.has('portal')) {
    portal = await runPortal({ quick, createDatabase, startServer, issueToken, step });
    results.portal = portal;
  }

  const rssNow = procStatus(serverPid);
  results.serverAfterRunMB = round(rssNow.rss);
  await database.close();
  step('stopping the server, the floor and PostgreSQL');
  await cleanup();

  // 5. Budgets, table, file.
  if (w1 && w1Floor) {
    const ratio = w1.reqPerSec / w1Floor.reqPerSec;
    budgets.push({ name: 'W1 ÷ floor (req/s)', target: '≥ 0.5', value: round(ratio, 2).toFixed(2), met: ratio >= 0.5 });
  }
  if (w1) {
    const s = w1.sqlStatements as { page5: number; page50: number; underLoad: Record<string, number> };
    const loadCounts = Object.keys(s.underLoad).map(Number);
    const same = s.page5 === s.page50 && loadCounts.every((n) => n === s.page50);
    budgets.push({
      name: 'W1 SQL statements per request (page of 5 / of 50)',
      target: '≤ 6 and equal',
      value: `${s.page5} / ${s.page50}`,
      met: same && s.page50 <= 6,
    });
    budgets.push({
      name: `W1 p99 at ${CONNECTIONS} connections`,
      target: '≤ 50 ms',
      value: `${w1.latency.p99} ms`,
      met: w1.latency.p99 <= 50,
    });
  }
  if (w2) {
    const ops = w2.ordersPerSec as number;
    budgets.push({ name: 'W2 placeOrder orders/s', target: '≥ 250', value: round(ops).toFixed(1), met: ops >= 250 });
    budgets.push({
      name: 'W2 invariants (stock, credit, no duplicates)',
      target: 'hold',
      value: w2.invariantsHold ? 'hold' : 'BROKEN',
      met: w2.invariantsHold as boolean,
    });
  }
  if (rss)
    budgets.push({
      name: 'Server peak RSS under W1',
      target: '≤ 250 MB',
      value: `${rss.hwmMB} MB`,
      met: rss.hwmMB <= 250,
    });
  if (w3) {
    const demo = w3.demo?.workloads;
    const large = w3.large.workloads;
    const p99 = (name: string, target: number, w: { p99: number } | undefined) =>
      w && budgets.push({ name, target: `≤ ${target} ms`, value: `${w.p99} ms`, met: w.p99 <= target });
    const orders = `${Number(w3.large.dataset.orders).toLocaleString('en')} orders`;
    p99('W3 salesReport p99, demo (20,000 orders)', 50, demo?.salesReport);
    p99(`W3 salesReport p99, ${orders}`, 300, large.salesReport);
    p99(`W3 Account.insights p99${demo ? '' : ` (${orders})`}`, 30, (demo ?? large).insights);
    p99(`W3 demandForecast p99, weekly, two years${demo ? '' : ` (${orders})`}`, 100, (demo ?? large).forecast);
    p99(`W3 replenishmentSuggestions p99, ${W3_SKUS} skus all selling`, 500, large.replenishment);
    p99('W3 channelAlerts p99, the demo channel', 1000, demo?.alerts);
  }
  if (portal && !portal.skipped) {
    const kB = portal.jsGzipBytesBeforePrices! / 1024;
    budgets.push({
      name: 'Portal: JavaScript of the catalog’s first load (gzip, as sent)',
      target: '≤ 100 kB',
      value: `${round(kB)} kB`,
      met: kB <= 100,
    });
    const t = portal.timeToPricesMs!;
    budgets.push({
      name: `Portal: catalog rendered with prices, server warm (median of ${portal.loads} first visits)`,
      target: '≤ 1000 ms',
      value: `${t.p50} ms`,
      met: t.p50 <= 1000,
    });
  }

  const meta = machine(pgVersion);
  const report = {
    version: 1,
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    secondsPerWorkload: seconds,
    warmupSeconds,
    connections: CONNECTIONS,
    loadAverageAtStart: round(loadAtStart, 2),
    ...meta,
    dataset: summary,
    setup,
    ...results,
    budgets,
    totalSeconds: round((Date.now() - started) / 1000),
  };
  const table = markdownTable(report);
  console.log(table);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
  step(`wrote ${outFile}`);

  if (profileDir) {
    const files = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile'));
    for (const f of files)
      console.log(
        `\nCPU profile ${join(profileDir, f)}\n${summarizeProfile(JSON.parse(await readFile(join(profileDir, f), 'utf8')))}`,
      );
  }
  if (w2 && !w2.invariantsHold) {
    console.error('W2 invariants do not hold:', JSON.stringify(w2.checks));
    process.exitCode = 1;
  }
}

type Report = Record<string, any>;

const SLUG_NOTE = '/p/shenzhen-qingyuan/catalog, 20 products';

export function markdownTable(r: Report): string {
  const ms = (n: number) => `${n} ms`;
  const rows: string[][] = [];
  const cells = (w: Report, sqlCount: string) => [
    `${ms(w.latency.p50)} / ${ms(w.latency.p99)}`,
    sqlCount,
    `${w.serverCpuMsPerRequest} ms`,
    `${w.db.msPerRequest} ms`,
  ];
  if (r.w1)
    rows.push([
      'W1 catalog page (GraphQL, 50 products)',
      `${round(r.w1.reqPerSec)} req/s`,
      ...cells(r.w1, `${r.w1.sqlStatements.page50}`),
    ]);
  if (r.w1Floor)
    rows.push([
      'W1-floor (hand-written prepared SQL, node:http)',
      `${round(r.w1Floor.reqPerSec)} req/s`,
      ...cells(r.w1Floor, `${r.w1Floor.sqlStatements}`),
    ]);
  if (r.w2)
    rows.push([
      `W2 placeOrder (${r.connections} buyers, 5 lines)`,
      `${round(r.w2.ordersPerSec)} orders/s`,
      ...cells(r.w2, `${r.w2.db.statementsPerRequest}`),
    ]);
  const w3Rows: string[] = [];
  if (r.w3) {
    for (const [set, figures] of [
      ['demo', r.w3.demo],
      ['large', r.w3.large],
    ] as const) {
      if (!figures) continue;
      const label =
        set === 'demo'
          ? `demo, ${figures.dataset.orders.toLocaleString('en')} orders`
          : `generated, ${figures.dataset.orders.toLocaleString('en')} orders`;
      for (const [name, w] of Object.entries<{
        p50: number;
        p99: number;
        first: number;
        requests: number;
        sqlStatements: Record<string, number>;
        note: string;
      }>(figures.workloads)) {
        w3Rows.push(
          `| W3 ${name} | ${label} | ${ms(w.p50)} / ${ms(w.p99)} | ${ms(w.first)} | ${Object.keys(w.sqlStatements).join(', ')} | ${w.requests} | ${w.note} |`,
        );
      }
    }
  }
  const portalRows: string[] = [];
  if (r.portal) {
    const p = r.portal as PortalFigures;
    portalRows.push(
      '',
      '| portal page (Chromium, a fresh context per visit) | visits | time to prices p50 / p90 / max | JavaScript before prices (gzip) | files | /graphql requests before prices |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      p.skipped
        ? `| catalog, signed-in retailer | skipped: ${p.skipped} | | ${round(p.jsGzipBytesFromManifest / 1024)} kB (from the build manifest) | | |`
        : `| catalog, signed-in retailer (${SLUG_NOTE}) | ${p.loads} | ${ms(p.timeToPricesMs!.p50)} / ${ms(p.timeToPricesMs!.p90)} / ${ms(p.timeToPricesMs!.max)} | ${round(p.jsGzipBytesBeforePrices! / 1024)} kB (manifest: ${round(p.jsGzipBytesFromManifest / 1024)} kB) | ${p.jsFilesBeforePrices} | ${p.graphqlRequestsBeforePrices} |`,
    );
  }
  const lines = [
    '| workload | throughput | p50 / p99 | SQL statements / request | CPU of the serving process / request | database time / request |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((c) => `| ${c.join(' | ')} |`),
    ...(w3Rows.length
      ? [
          '',
          '| request (one at a time) | dataset | p50 / p99 | first (cold) | SQL statements | requests | what |',
          '| --- | --- | ---: | ---: | ---: | ---: | --- |',
          ...w3Rows,
          '',
          `W3 yardstick: counting a million generated rows in PostgreSQL took ${r.w3.calibrationMs} ms during the run (a few tens of milliseconds on an idle core): the busier the machine, the higher.`,
        ]
      : []),
    ...portalRows,
    '',
    '| budget | goal | measured | met |',
    '| --- | --- | ---: | :---: |',
    ...r.budgets.map((b: Budget) => `| ${b.name} | ${b.target} | ${b.value} | ${b.met ? 'yes' : '**no**'} |`),
    '',
    `${r.mode === 'quick' ? 'Quick run' : 'Run'} of ${r.startedAt.slice(0, 10)} at commit \`${(r.git.commit ?? 'unknown').slice(0, 10)}\`${r.git.dirty ? ' (with uncommitted changes)' : ''}: ` +
      `${r.machine.cores} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; ` +
      `${r.connections} connections, ${r.secondsPerWorkload} s per workload after ${r.warmupSeconds} s of warm-up; load average ${r.loadAverageAtStart} when it started.`,
  ];
  return lines.join('\n');
}

main().catch(async (e) => {
  console.error('bench failed:', e);
  await cleanup();
  process.exit(1);
});
