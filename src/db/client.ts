import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema.js';
import { requestScope } from '../lib/request-scope.js';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

export function connect(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'channelgraph' },
  });
  const db = drizzle(client, {
    schema,
    logger: {
      // Called synchronously for every statement, inside the request's async
      // context: tests use the count to prove a page's cost does not grow with its size.
      logQuery: () => {
        const scope = requestScope.getStore();
        if (scope) scope.statements++;
      },
    },
  });
  return { db, sql: client, close: () => client.end({ timeout: 5 }) };
}
