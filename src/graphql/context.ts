import type { GraphQLError } from 'graphql';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Tokens } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

/** Everything a request carries; the first argument of every service method. */
export interface Context {
  requestId: string;
  log: Logger;
  db: Db;
  /** Where reports and exports read: the read replica (DATABASE_READ_URL) or the primary. Never written to. */
  reportDb: Db;
  config: Config;
  tokens: Tokens;
  /** Null when anonymous or when the credentials were not accepted. */
  viewer: Viewer | null;
  /** Set when credentials were sent but not accepted (bad or expired token). */
  authError: GraphQLError | null;
  loaders: Loaders;
  /** Where the request came from (login throttling). */
  clientAddress: string;
  now: () => Date;
}

/** A context whose viewer is known to be signed in (after the shield's isSignedIn). */
export type SignedInContext = Context & { viewer: Viewer };
