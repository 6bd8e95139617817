import { ApolloArmor } from '@escape.tech/graphql-armor';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLErrorExtensions, type ValidationRule } from 'graphql';
import type { OperationLimits } from '../../config.js';
import { requestScope } from '../../lib/request-scope.js';
import { actualCost, requestedCost } from './cost.js';
import { checkInputs } from './input-bounds.js';
import type { Context } from '../context.js';
import { credentialOf } from '../../auth/credential.js';
import type { Charge, Throttle, ThrottleStatus } from '../../modules/throttle/service.js';

/**
 * Depth, alias and directive limits as validation rules (graphql-armor).
 * Tokens are limited by the parser itself (Apollo's `parseOptions.maxTokens`),
 * so a huge document is dropped while it is read; the cost is ours (below).
 */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return validationRules;
}

/** graphql-js's execute() stops coercing variables at this many errors. */
const EXECUTOR_MAX_VARIABLE_ERRORS = 50;

/** `extensions.cost` as Shopify reports it; throttleStatus is null when throttling is off (THROTTLE_BUCKET_SIZE=0). */
export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

function throttled(retryAfterSeconds: number, cost: number, available: number): GraphQLError {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(
    `Throttled: the operation costs ${cost} points and ${Math.floor(available)} are available; try again in ${retryAfterSeconds} s`,
    {
      // Apollo takes `http` (status, headers as a HeaderMap) off the error for the response; graphql-yoga's typings expect a Record.
      extensions: {
        code: 'THROTTLED',
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) },
      } as unknown as GraphQLErrorExtensions,
    },
  );
}

/**
 * Before execution: every string argument is bounded and NUL-free, the
 * calculated cost is at most the maximum (MAX_COST_EXCEEDED), and the
 * credential's bucket holds it (THROTTLED otherwise, HTTP 429 with
 * Retry-After; nothing is charged). After: the requested and actual cost and
 * the bucket go into `extensions.cost`, and the difference is refunded.
 */
export function limitsPlugin(limits: OperationLimits, throttle?: Throttle): ApolloServerPlugin<Context> {
  const bucket = throttle?.enabled ? throttle : null;
  // A bucket smaller than the maximum could never hold the dearest operations: they are refused as too dear instead.
  const maxCost = bucket ? Math.min(limits.maxCost, bucket.settings.bucketSize) : limits.maxCost;
  return {
    async requestDidStart({ contextValue }) {
      let requested: number | null = null;
      let refused = false;
      // Another plugin may refuse the operation while the charge is on its way: the answer waits for it and refunds it whole.
      let charging: Promise<Charge> | null = null;
      const credential = () => credentialOf(contextValue.viewer, contextValue.clientAddress);
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const scope = requestScope.getStore();
          if (scope) scope.operationType = operation.operation;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) {
            // The executor reports them, but from its 50th on it gives up with an error that has no code (an internal error to clients).
            if (coerced.errors.length < EXECUTOR_MAX_VARIABLE_ERRORS) return;
            refused = true;
            throw new GraphQLError(
              `${coerced.errors.length} variable values are invalid; the first: ${coerced.errors[0].message}`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
          checkInputs(schema, document, coerced.coerced);
          requested = requestedCost(schema, document, operation, coerced.coerced);
          if (requested > maxCost) {
            refused = true;
            throw new GraphQLError(
              `The operation's calculated cost ${requested} is above the maximum of ${maxCost}: ask for fewer items (a smaller first) or fewer nested lists`,
              {
                extensions: { code: 'MAX_COST_EXCEEDED', http: { status: 400 } },
              },
            );
          }
          // A refused token answers UNAUTHENTICATED (refusedTokenPlugin) and draws on no bucket.
          if (!bucket || contextValue.authError) return;
          charging = bucket.charge(credential(), requested);
          const charge = await charging;
          if (!charge.charged) {
            refused = true;
            throw throttled(charge.retryAfterSeconds, requested, charge.available);
          }
        },
        async willSendResponse({ response, schema, document, operation, request }) {
          if (requested === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const charge = charging ? await charging.catch(() => null) : null;
          const ran = !refused && !!charge?.charged;
          const actual =
            refused || !document || !operation
              ? 0
              : actualCost(schema, document, operation, request.variables, result.data);
          let throttleStatus: ThrottleStatus | null = null;
          if (bucket && charge) {
            const refund = ran ? Math.max(0, requested - actual) : 0;
            bucket.refund(credential(), refund);
            throttleStatus = bucket.status(Math.min(bucket.settings.bucketSize, charge.available + refund));
          }
          const cost: CostExtension = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
