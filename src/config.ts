import { resolve } from 'node:path';

/** Every environment variable the server reads, read here and nowhere else. */
export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** undefined: seed on an empty database; true/false: forced. */
  seedDemo: boolean | undefined;
  adminEmail: string;
  adminPassword: string;
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  logLevel: string;
  /** log2 of scrypt's N; tests lower it so that building worlds stays quick. */
  scryptLogN: number;
  introspection: boolean;
  loginMaxFailures: number;
  loginLockSeconds: number;
  /** Answer every GraphQL request with an `x-sql-statements` header (tests, bench). */
  sqlCountHeader: boolean;
  /** Availability below this many units reads LOW_STOCK. */
  lowStockThreshold: number;
  /** How often the SLA worker runs (0: not in this process). */
  slaCheckSeconds: number;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  return {
    nodeEnv,
    production,
    port: int(env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './.data'),
    seedDemo: bool(env.SEED_DEMO),
    adminEmail: env.ADMIN_EMAIL ?? 'admin@qingyuan.example',
    adminPassword: env.ADMIN_PASSWORD ?? 'channel-demo-2026',
    jwtSecret: env.JWT_SECRET || undefined,
    tokenTtlSeconds: int(env.TOKEN_TTL_SECONDS, 12 * 3600),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    scryptLogN: int(env.SCRYPT_LOG_N, 15),
    introspection: bool(env.INTROSPECTION) ?? !production,
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginLockSeconds: int(env.LOGIN_LOCK_SECONDS, 300),
    sqlCountHeader: bool(env.SQL_COUNT_HEADER) ?? false,
    lowStockThreshold: int(env.LOW_STOCK_THRESHOLD, 10),
    slaCheckSeconds: int(env.SLA_CHECK_SECONDS, 60),
  };
}
