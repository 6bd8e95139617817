import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logger.js';
import { requestScope } from '../lib/request-scope.js';
import { CLIENT_ERROR_CODES } from './errors.js';

/**
 * Errors meant for clients (auth, bad input, validation) pass with their
 * message; anything else becomes INTERNAL_SERVER_ERROR with no message, stack
 * or SQL, and is logged with the request id so it can be found.
 */
export function makeFormatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      // In production, validation messages do not suggest field names ("Did you mean ...?").
      const message = production ? formatted.message.replace(/ Did you mean .*\?$/, '') : formatted.message;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const requestId = requestScope.getStore()?.requestId;
    log.error({ err: original, path: formatted.path, requestId }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
