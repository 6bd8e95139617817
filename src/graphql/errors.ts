import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';
import type { ErrorCode } from './error-codes.js';

/** A business-rule failure of a mutation (not an authorization failure). */
@ObjectType({ description: 'A business-rule failure of a mutation (not an authorization failure).' })
export class UserError {
  @Field(() => String, {
    description:
      'Machine-readable, e.g. CREDIT_LIMIT_EXCEEDED, OUT_OF_STOCK, BELOW_PRICE_FLOOR, OUTSIDE_TERRITORY, NOT_IN_ASSORTMENT, QUANTITY_RULE, INVALID_INPUT. The enums named *ErrorCode (OrderErrorCode, FinanceErrorCode, …) list and explain the codes of each domain.',
  })
  code!: ErrorCode;

  @Field(() => String)
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the offending input field, e.g. ["lines", "2", "quantity"].',
  })
  field?: string[] | null;
}

export function userError(code: ErrorCode, message: string, field?: (string | number)[]): UserError {
  return { code, message, field: field ? field.map(String) : null };
}

/** Thrown inside a service to abort a transaction and answer with userErrors. */
export class UserErrorsException extends Error {
  constructor(public readonly errors: UserError[]) {
    super(errors.map((e) => e.code).join(', '));
  }
}

export function unauthenticated(message = 'Sign in to see this field'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'Not allowed for this viewer'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Codes whose GraphQL errors are meant for clients and pass formatError as they are. */
export const CLIENT_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'MAX_COST_EXCEEDED',
  'THROTTLED',
  'TRUSTED_DOCUMENT_REQUIRED',
]);

/** Extensions beside `code` that clients need and formatError keeps (how long a THROTTLED client waits). */
export const CLIENT_ERROR_EXTENSIONS = ['retryAfterSeconds'] as const;
