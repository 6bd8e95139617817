import { AsyncLocalStorage } from 'node:async_hooks';
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.js';
import { requestScope } from '../lib/request-scope.js';
import type { Timeouts } from '../config.js';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  /** The connection string, for a separate pool on the same database (the health check's). */
  url: string;
  close: () => Promise<void>;
}

export interface PoolOptions {
  max?: number;
  /** PostgreSQL statement_timeout and lock_timeout of every connection (0 or absent: none). */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  /** How long a transaction waits for a connection before it fails (absent: forever). */
  acquireTimeoutMs?: number;
  /** How long opening a connection may take (postgres.js default: 30 s). */
  connectTimeoutSeconds?: number;
  /** Named prepared statements (postgres.js default: on); off behind PgBouncer in transaction mode. */
  prepare?: boolean;
  /** application_name, to tell pools apart in pg_stat_activity (default channelgraph). */
  name?: string;
}

/** Thrown when a transaction cannot get a connection in time, or a request ran past its deadline. */
export class DatabaseBusyError extends Error {
  constructor(message = 'The database is busy; try again') {
    super(message);
    this.name = 'DatabaseBusyError';
  }
}

/** Thrown when code inside a transaction queries the pool instead of the transaction handle. */
export class PoolInsideTransactionError extends Error {
  constructor() {
    super(
      'A query went to the pool from inside a transaction: use the transaction handle (a loader or ctx.db there needs a second connection and can deadlock the pool)',
    );
    this.name = 'PoolInsideTransactionError';
  }
}

function pastDeadline(): boolean {
  const deadline = requestScope.getStore()?.deadline;
  return deadline !== undefined && Date.now() > deadline;
}

/**
 * drizzle sends every statement unnamed, which postgres.js must describe
 * before it can bind: two round trips, and a parse and plan each time. With
 * `prepare` on, statements are named and kept per connection instead (one
 * round trip). Ids travel as one array parameter (`intArray`), so a
 * statement's text does not vary with a list's length; one with more
 * parameters than this (a bulk insert of N rows) has a text per N and is
 * sent unnamed, so the set kept per connection stays bounded.
 */
const MAX_PREPARED_PARAMETERS = 32;

type Unsafe = postgres.Sql['unsafe'];
function preparedUnsafe(unsafe: Unsafe): Unsafe {
  return ((query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(
      query,
      params as never,
      (params?.length ?? 0) <= MAX_PREPARED_PARAMETERS ? { ...options, prepare: true } : options,
    )) as Unsafe;
}

/** A transaction's (or savepoint's) handle whose statements are prepared as the pool's are. */
function preparingHandle<T extends postgres.TransactionSql>(tx: T): T {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return preparedUnsafe(target.unsafe.bind(target));
      if (prop === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.at(-1) as (sp: postgres.TransactionSql) => unknown;
          return (target.savepoint as (...a: unknown[]) => Promise<unknown>)(
            ...args.slice(0, -1),
            (sp: postgres.TransactionSql) => fn(preparingHandle(sp)),
          );
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Marks the async flow of a transaction's callback, so a pool query from inside it is caught. */
const inTransaction = new AsyncLocalStorage<true>();

/**
 * Transactions hold a connection for their whole length. At most `max - 1`
 * run at once (so plain queries always find a connection), and one that
 * waits longer than the acquire timeout for its turn fails instead of
 * queueing forever.
 */
function transactionGate(slots: number, timeoutMs: number | undefined) {
  let free = slots;
  const waiting: { grant: () => void }[] = [];
  return {
    async acquire(): Promise<() => void> {
      if (free > 0) {
        free--;
      } else {
        await new Promise<void>((resolve, reject) => {
          const entry = { grant: () => (clearTimeout(timer), resolve()) };
          const timer = timeoutMs
            ? setTimeout(() => {
                waiting.splice(waiting.indexOf(entry), 1);
                reject(new DatabaseBusyError());
              }, timeoutMs)
            : undefined;
          waiting.push(entry);
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = waiting.shift();
        if (next) next.grant();
        else free++;
      };
    },
  };
}

/** The pool requests are served from: sized and timed out as configured. */
export function servingPool(config: { timeouts: Timeouts; databasePrepare?: boolean }): PoolOptions {
  const t = config.timeouts;
  return {
    max: t.poolSize,
    statementTimeoutMs: t.statementMs,
    lockTimeoutMs: t.lockMs,
    acquireTimeoutMs: t.acquireMs,
    prepare: config.databasePrepare ?? true,
  };
}

export function connect(url: string, options: PoolOptions = {}): Database {
  const max = options.max ?? 10;
  const prepare = options.prepare ?? true;
  const client = postgres(url, {
    max,
    onnotice: () => {},
    prepare,
    ...(options.connectTimeoutSeconds ? { connect_timeout: options.connectTimeoutSeconds } : {}),
    connection: {
      application_name: options.name ?? 'channelgraph',
      // Prepared for the protocol (one round trip, no re-parse), planned for each call's values as
      // unnamed statements are: a generic plan for `= any($1)` or a keyset page can be a worse one.
      ...(prepare ? { plan_cache_mode: 'force_custom_plan' } : {}),
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
    },
  });
  const gate = transactionGate(Math.max(1, max - 1), options.acquireTimeoutMs);
  const unsafe = prepare ? preparedUnsafe(client.unsafe.bind(client)) : client.unsafe.bind(client);
  // What drizzle sees: pool queries refuse to run inside a transaction's flow, and
  // transactions pass the gate. The transaction's own handle is another object, untouched.
  const guarded = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (...args: Parameters<postgres.Sql['unsafe']>) => {
          if (inTransaction.getStore()) throw new PoolInsideTransactionError();
          return unsafe(...args);
        };
      }
      if (prop === 'begin') {
        return async (...args: unknown[]) => {
          if (inTransaction.getStore()) throw new PoolInsideTransactionError();
          const fn = args.at(-1) as (sql: postgres.TransactionSql) => unknown;
          const release = await gate.acquire();
          try {
            return await (target.begin as (...a: unknown[]) => Promise<unknown>)(
              ...args.slice(0, -1),
              (tx: postgres.TransactionSql) =>
                inTransaction.run(true, async () => {
                  const result = await fn(prepare ? preparingHandle(tx) : tx);
                  // A request whose client was already told TIMEOUT must not commit behind its back.
                  if (pastDeadline()) throw new DatabaseBusyError('The request ran past its deadline');
                  return result;
                }),
            );
          } finally {
            release();
          }
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const db = drizzle(guarded, {
    schema,
    logger: {
      // Called synchronously for every statement, inside the request's async
      // context: tests use the count to prove a page's cost does not grow with
      // its size, and a request past its deadline runs no further SQL.
      logQuery: () => {
        const scope = requestScope.getStore();
        if (!scope) return;
        scope.statements++;
        if (pastDeadline()) throw new DatabaseBusyError('The request ran past its deadline');
      },
    },
  });
  return { db, sql: client, url, close: () => client.end({ timeout: 5 }) };
}
