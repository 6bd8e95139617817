import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** ISO-8601 timestamps; named `DateTime` as the contract says. */
export const DateTimeScalar = DateTimeResolver;

const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError('Decimal must be a string such as "1299.50" (at most 4 decimal places); floats are not accepted', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Money and quantities with a fraction travel as strings, never as floats. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "1299.50". Money is never a float.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseDecimal(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Decimal must be a string such as "1299.50"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
