import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Tokens } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';
import { catalogScope } from '../modules/catalog/scope.js';
import { supplyChain } from '../modules/inventory/service.js';

export interface ContextDeps {
  requestId: string;
  log: Logger;
  db: Db;
  /** Where reports and exports read (the read replica, DATABASE_READ_URL); the primary when absent. */
  reportDb?: Db;
  config: Config;
  tokens: Tokens;
  viewer: Viewer | null;
  authError: GraphQLError | null;
  clientAddress: string;
  /** The request's time: every `ctx.now()` and the loaders' prices answer it. */
  at: Date;
}

/** A request's context with fresh loaders: for an HTTP request, and for what runs the graph as an account outside one (webhook payloads). */
export function createContext(deps: ContextDeps): Context {
  const { at, log, ...rest } = deps;
  const ctx = {
    ...rest,
    reportDb: deps.reportDb ?? deps.db,
    log: log.child({ requestId: deps.requestId }),
    now: () => at,
  } as Context;
  let supply: ReturnType<typeof supplyChain> | null = null;
  ctx.loaders = createLoaders({
    db: deps.db,
    reportDb: ctx.reportDb,
    viewer: () => ctx.viewer,
    at,
    catalogScope: () => catalogScope(ctx),
    supplyChain: () => (supply ??= supplyChain(ctx)),
  });
  return ctx;
}
