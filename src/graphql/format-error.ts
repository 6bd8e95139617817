import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logger.js';
import { requestScope } from '../lib/request-scope.js';
import { DatabaseBusyError } from '../db/client.js';
import { CLIENT_ERROR_CODES, CLIENT_ERROR_EXTENSIONS } from './errors.js';

/** PostgreSQL gave up waiting: statement_timeout (57014) or lock_timeout (55P03). */
function isTimeout(e: unknown): boolean {
  if (e instanceof DatabaseBusyError) return true;
  const err = e as { code?: string; cause?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.code === '57014' || err.code === '55P03') return true;
  return err.cause !== undefined && err.cause !== e && isTimeout(err.cause);
}

/**
 * Errors meant for clients (auth, bad input, validation) pass with their
 * message; a database that was too busy is TIMEOUT (try again); anything
 * else becomes INTERNAL_SERVER_ERROR with no message, stack or SQL, and is
 * logged with the request id so it can be found.
 */
export function makeFormatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      // In production, validation messages do not suggest field names ("Did you mean ...?").
      const message = production ? formatted.message.replace(/ Did you mean .*\?$/, '') : formatted.message;
      const extensions: Record<string, unknown> = { code };
      for (const key of CLIENT_ERROR_EXTENSIONS)
        if ((original as GraphQLError).extensions[key] !== undefined)
          extensions[key] = (original as GraphQLError).extensions[key];
      return { message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const requestId = requestScope.getStore()?.requestId;
    if (isTimeout(original)) {
      log.warn(
        { path: formatted.path, requestId, reason: (original as Error).message },
        'gave up waiting for the database',
      );
      return {
        message: 'The database was too busy to answer in time; try again',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'TIMEOUT', requestId },
      };
    }
    log.error({ err: original, path: formatted.path, requestId }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
