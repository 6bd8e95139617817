import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isDate } from '../lib/dates.js';

/** PostgreSQL has no year 0 (nor before it): such a timestamp would fail in the database, not as bad input. */
function withinDatabaseRange(d: Date): Date {
  if (d.getUTCFullYear() < 1)
    throw new GraphQLError('DateTime must be in the years 0001 to 9999', { extensions: { code: 'BAD_USER_INPUT' } });
  return d;
}

/** ISO-8601 timestamps; named `DateTime` as the contract says. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => withinDatabaseRange(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast, variables) => withinDatabaseRange(DateTimeResolver.parseLiteral(ast, variables)),
});

const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError(
    'Decimal must be a string such as "1299.50" (at most 4 decimal places); floats are not accepted',
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** Money and quantities with a fraction travel as strings, never as floats. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "1299.50". Money is never a float.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT)
      return parseDecimal(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Decimal must be a string such as "1299.50"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

function parseDate(value: unknown): string {
  if (isDate(value)) return value;
  throw new GraphQLError('Date must be a calendar date "YYYY-MM-DD"', { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar day of the channel (Asia/Shanghai), as "YYYY-MM-DD"; carried as that string inside the server. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: "A calendar date, YYYY-MM-DD, in the channel's time zone (Asia/Shanghai).",
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseDate(ast.value);
    throw new GraphQLError('Date must be a string "YYYY-MM-DD"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
