import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../src/db/embedded.js';

/**
 * `npm start`'s server (`node --import tsx src/main.ts serve`) as a separate
 * process over an existing database (DATABASE_URL), the way a deployment runs
 * several of them: no embedded PostgreSQL, no demo seed, the given JWT secret
 * so tokens issued by the test are accepted by every process.
 */
export interface ServerProcess {
  name: string;
  proc: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no drain, no pool close, transactions cut off mid-way. */
  kill(): Promise<void>;
  /** SIGTERM and wait (a clean stop). */
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  name: string;
  databaseUrl: string;
  jwtSecret: string;
  env?: Record<string, string>;
  port?: number;
  command?: 'serve' | 'worker';
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const command = options.command ?? 'serve';
  // `npm run worker` serves no HTTP: its banner is its own.
  const banner = command === 'worker' ? 'channelgraph worker is up' : 'channelgraph is up';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', command], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: options.jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      SCRYPT_LOG_N: '10',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name}: no banner within 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes(banner)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? code}) before serving:\n${out}`));
    });
  });
  const ended = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };
  return {
    name: options.name,
    proc,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    output: () => out,
    exited,
    kill: () => ended('SIGKILL'),
    stop: () => ended('SIGTERM'),
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: any;
    errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
    extensions?: any;
  };
}

/** POSTs a GraphQL request to a server process. */
export async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string | null,
  extra: Record<string, unknown> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables, ...extra }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}
