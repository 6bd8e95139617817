import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../graphql/context.js';

/** `login` (alone, as it must be) is how a client whose token was refused signs in again. */
function isSignIn(operation: OperationDefinitionNode): boolean {
  const fields = operation.selectionSet.selections.filter(
    (s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'),
  );
  return (
    operation.operation === 'mutation' &&
    fields.length > 0 &&
    fields.every((s) => s.kind === Kind.FIELD && s.name.value === 'login')
  );
}

/**
 * A token (or Authorization header) that was sent and refused — bad
 * signature, expired, malformed, a user that no longer exists — answers the
 * whole operation with UNAUTHENTICATED (HTTP 401), public fields included:
 * treating it as anonymous would hand back anonymous data (often null) and
 * leave a client unable to tell that it must sign in again. Only a sign-in
 * goes through. The reason comes from viewer resolution (ctx.authError).
 */
export function refusedTokenPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const refused = contextValue.authError;
          if (!refused || (operation && isSignIn(operation))) return;
          throw new GraphQLError(refused.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        },
      };
    },
  };
}
