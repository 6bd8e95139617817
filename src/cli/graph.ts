import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Tokens } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { buildExecutableSchema } from '../graphql/schema.js';
import { createContext } from '../graphql/request-context.js';

let schema: GraphQLSchema | null = null;
const noTokens: Tokens = {
  issue: () => Promise.reject(new Error('the CLI issues no tokens')),
  verify: () => Promise.resolve({ error: 'invalid' as const }),
};

export type Run = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<ExecutionResult<T>>;

/**
 * Runs operations against the server's own executable schema (permission
 * map, scoped services, the same userErrors) as `viewer`, on `db`: the CLI's
 * import gives its one transaction here, so every mutation of a run becomes a
 * savepoint inside it and the run commits or rolls back as a whole.
 */
export function graphAs(deps: { db: DbOrTx; config: Config; log: Logger; viewer: Viewer; now?: () => Date }): Run {
  schema ??= buildExecutableSchema();
  const documents = new Map<string, ReturnType<typeof parse>>();
  return async (query, variables) => {
    let document = documents.get(query);
    if (!document) documents.set(query, (document = parse(query)));
    const at = deps.now?.() ?? new Date();
    const contextValue = createContext({
      requestId: 'cli',
      log: deps.log,
      db: deps.db,
      config: deps.config,
      tokens: noTokens,
      viewer: deps.viewer,
      authError: null,
      clientAddress: 'cli',
      at,
    });
    return execute({ schema: schema!, document, contextValue, variableValues: variables }) as Promise<
      ExecutionResult<any>
    >;
  };
}
