import { resolve } from 'node:path';
import { parseOrigins } from './http/cors.js';
import { fileURLToPath } from 'node:url';

/** Every environment variable the server reads, read here and nowhere else. */
export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A read replica for reports and exports (salesReport and the other analytics reads); unset: the primary. */
  databaseReadUrl: string | undefined;
  /** postgres.js prepared statements; false behind PgBouncer in transaction mode (README "Scaling"). */
  databasePrepare: boolean;
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
  /** Answer every GraphQL request with an `x-sql-statements` header (tests, bench). */
  sqlCountHeader: boolean;
  /** Availability below this many units reads LOW_STOCK. */
  lowStockThreshold: number;
  /** How often the SLA worker runs (0: not in this process). */
  slaCheckSeconds: number;
  /** The built reference portal served at /p/<slug>/ (portal/dist unless PORTAL_DIR says otherwise). */
  portalDir: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling). */
  trustProxy: boolean;
  /** Set when ADMIN_PASSWORD was given (production refuses to create the first admin without it). */
  adminPasswordSet: boolean;
  /** Limits checked before an operation runs (README "Security"). */
  limits: OperationLimits;
  /** Database and request timeouts (README "Security"). */
  timeouts: Timeouts;
  /** Login throttling per (source, email) and per email (README "Security"). */
  loginThrottle: LoginThrottle;
  /** Leaky buckets of cost points per API key, user and anonymous address (README "Throttling"). */
  throttle: ThrottleSettings;
  /** off: ids are not looked up; allow: trusted documents by id, and any other document; only: tokens and anonymous clients run trusted documents alone (README "Trusted documents"). */
  trustedDocuments: TrustedDocumentsMode;
  /** The hash → document manifest the portal's codegen writes. */
  trustedDocumentsManifest: string;
  /** Origins (`https://portal.example`) whose browser pages may call /graphql (CORS); none by default. */
  corsOrigins: string[];
  /** Webhook delivery (README "For distributor IT teams"). */
  webhooks: WebhookConfig;
  /** The API key `npm run import` and `npm run export` act as (CHANNELGRAPH_API_KEY). */
  cliApiKey: string | undefined;
}

export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

export interface ThrottleSettings {
  /** Points a bucket holds (0: no throttling). An operation dearer than this is refused outright. */
  bucketSize: number;
  /** Points per second flowing back into a bucket. */
  restoreRate: number;
  /** How long a process may owe refunds (requested minus actual cost) before it gives them back in one statement. */
  refundDelayMs: number;
}

export interface WebhookConfig {
  /** How often this process looks for outbox rows and due deliveries (ms); 0: not in this process. */
  pollMs: number;
  /** One delivery attempt's limit, connection to answer (ms). */
  timeoutMs: number;
  /** http:// and private, loopback and link-local addresses allowed (development and tests). */
  allowPrivate: boolean;
}

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Calculated cost (objects 1, scalars 0, lists and connections 2 + size × children). */
  maxCost: number;
  /** A query whose JSON answer is larger is refused (RESPONSE_TOO_LARGE). */
  maxResponseBytes: number;
}

export interface Timeouts {
  /** PostgreSQL statement_timeout of the serving pool. */
  statementMs: number;
  /** PostgreSQL lock_timeout of the serving pool. */
  lockMs: number;
  /** How long a transaction waits for a pool connection before giving up. */
  acquireMs: number;
  /** After this, a GraphQL request answers TIMEOUT and runs no further SQL. */
  requestMs: number;
  /** Serving pool size. */
  poolSize: number;
}

export interface LoginThrottle {
  /** Failures from one source for one email answered at full speed; each one after it doubles a delay. */
  freeFailures: number;
  /** The longest delay (seconds) a source must wait between attempts for one email. */
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the last one. */
  windowSeconds: number;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) ? n : fallback;
}

/**
 * As strict as the project's own operations allow: every file of
 * schema/operations sent whole, the bench's operations, GraphiQL's
 * introspection query and everything the test suite sends (test/limits.test.ts
 * checks the first three; the suite itself the last). The cost maximum is the
 * dearest own operation at the largest page (CatalogPage, first: 100: 28,603),
 * rounded up. Directives: none are used; a few are allowed so @include/@skip work.
 */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 7,
  maxAliases: 18,
  maxTokens: 654,
  maxDirectives: 4,
  maxCost: 29_000,
  maxResponseBytes: 4 * 1024 * 1024,
};

/**
 * Shopify's proportions (a bucket that refills in 20 s), scaled to this
 * graph's costs: the bucket holds two of the dearest operations allowed
 * (MAX_COST, a catalog page of 100), or ten portal catalog pages of 20 as
 * requested (5,723 each); a page's actual cost, which is what stays charged,
 * is far less (about 300 with two variants per product).
 */
export const DEFAULT_THROTTLE: ThrottleSettings = {
  bucketSize: 60_000,
  restoreRate: 3_000,
  refundDelayMs: 200,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  return {
    nodeEnv,
    production,
    port: int(env.PORT, 4000),
    // Loopback unless told otherwise: a container sets HOST=0.0.0.0 (README "Security").
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    databasePrepare: bool(env.DATABASE_PREPARE) ?? true,
    dataDir: resolve(env.DATA_DIR ?? './.data'),
    seedDemo: bool(env.SEED_DEMO),
    adminEmail: env.ADMIN_EMAIL ?? 'admin@qingyuan.example',
    adminPassword: env.ADMIN_PASSWORD ?? 'channel-demo-2026',
    jwtSecret: env.JWT_SECRET || undefined,
    tokenTtlSeconds: int(env.TOKEN_TTL_SECONDS, 12 * 3600),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    scryptLogN: int(env.SCRYPT_LOG_N, 15),
    introspection: bool(env.INTROSPECTION) ?? !production,
    sqlCountHeader: bool(env.SQL_COUNT_HEADER) ?? false,
    lowStockThreshold: int(env.LOW_STOCK_THRESHOLD, 10),
    slaCheckSeconds: int(env.SLA_CHECK_SECONDS, 60),
    portalDir: env.PORTAL_DIR ? resolve(env.PORTAL_DIR) : fileURLToPath(new URL('../portal/dist', import.meta.url)),
    adminPasswordSet: !!env.ADMIN_PASSWORD,
    trustProxy: bool(env.TRUST_PROXY) ?? false,
    limits: {
      maxDepth: int(env.MAX_DEPTH, DEFAULT_LIMITS.maxDepth),
      maxAliases: int(env.MAX_ALIASES, DEFAULT_LIMITS.maxAliases),
      maxTokens: int(env.MAX_TOKENS, DEFAULT_LIMITS.maxTokens),
      maxDirectives: int(env.MAX_DIRECTIVES, DEFAULT_LIMITS.maxDirectives),
      maxCost: int(env.MAX_COST, DEFAULT_LIMITS.maxCost),
      maxResponseBytes: int(env.MAX_RESPONSE_BYTES, DEFAULT_LIMITS.maxResponseBytes),
    },
    timeouts: {
      statementMs: int(env.DB_STATEMENT_TIMEOUT_MS, 10_000),
      lockMs: int(env.DB_LOCK_TIMEOUT_MS, 5_000),
      acquireMs: int(env.DB_ACQUIRE_TIMEOUT_MS, 5_000),
      requestMs: int(env.REQUEST_TIMEOUT_MS, 30_000),
      poolSize: int(env.DB_POOL_SIZE, 10),
    },
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    cliApiKey: env.CHANNELGRAPH_API_KEY || undefined,
    webhooks: {
      pollMs: int(env.WEBHOOK_POLL_MS, 1000),
      timeoutMs: int(env.WEBHOOK_TIMEOUT_MS, 10_000),
      allowPrivate: bool(env.WEBHOOK_ALLOW_PRIVATE) ?? !production,
    },
    loginThrottle: {
      freeFailures: int(env.LOGIN_FREE_FAILURES, 5),
      maxDelaySeconds: int(env.LOGIN_MAX_DELAY_SECONDS, 60),
      windowSeconds: int(env.LOGIN_WINDOW_SECONDS, 900),
    },
    trustedDocuments:
      (['off', 'allow', 'only'] as const).find((m) => m === env.TRUSTED_DOCUMENTS?.toLowerCase()) ?? 'allow',
    trustedDocumentsManifest: env.TRUSTED_DOCUMENTS_MANIFEST
      ? resolve(env.TRUSTED_DOCUMENTS_MANIFEST)
      : fileURLToPath(new URL('../portal/src/gql/persisted-documents.json', import.meta.url)),
    throttle: {
      bucketSize: int(env.THROTTLE_BUCKET_SIZE, DEFAULT_THROTTLE.bucketSize),
      restoreRate: int(env.THROTTLE_RESTORE_RATE, DEFAULT_THROTTLE.restoreRate),
      refundDelayMs: int(env.THROTTLE_REFUND_DELAY_MS, DEFAULT_THROTTLE.refundDelayMs),
    },
  };
}
