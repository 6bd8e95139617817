import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';

/** A business-rule failure of a mutation (not an authorization failure). */
@ObjectType({ description: 'A business-rule failure of a mutation (not an authorization failure).' })
export class UserError {
  @Field(() => String, {
    description:
      'Machine-readable, e.g. CREDIT_LIMIT_EXCEEDED, OUT_OF_STOCK, BELOW_PRICE_FLOOR, OUTSIDE_TERRITORY, NOT_IN_ASSORTMENT, QUANTITY_RULE, INVALID_INPUT.',
  })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the offending input field, e.g. ["lines", "2", "quantity"].' })
  field?: string[] | null;
}

export function userError(code: string, message: string, field?: (string | number)[]): UserError {
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
]);
