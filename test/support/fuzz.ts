import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isRequiredArgument,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { toGlobalId } from '../../src/graphql/ids.js';

/**
 * Inputs generated from the schema (test/fuzz.test.ts): an arbitrary per
 * input type, biased towards values that reach deep into the services (skus,
 * region codes, ids of rows that exist, idempotency keys that repeat) and
 * mixed with hostile ones (unicode, huge and negative numbers, malformed ids
 * and decimals, empty and giant lists, over-long strings).
 */
export interface Pools {
  /** Ids of existing rows, by GraphQL type name (global ids). */
  ids: Record<string, string[]>;
  skus: string[];
  emails: string[];
  slugs: string[];
  regionCodes: string[];
  batchCodes: string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  "'; drop table orders; --",
  '%_\\',
  '$1',
  '{"a":1}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '清源净水',
  '🚰💧👨‍👩‍👧',
  'ﷺ',
  '\u202Eevil',
  '\uD800',
  'a\u0000b',
  'x'.repeat(65),
  'y'.repeat(2_001),
  'z'.repeat(100_000),
  '-0',
  'NaN',
  'null',
  'undefined',
  'true',
];

const HOSTILE_DECIMALS = [
  '0',
  '-1',
  '-0.01',
  '0.0001',
  '0.00001',
  '1e5',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '999999999999999',
  '9999999999999999',
  '999999999999999.9999',
  '-999999999999999.9999',
  ' 12.5 ',
  '1,000',
  '12.345678',
  '',
  'abc',
  '0x10',
  '+1',
];
const PLAIN_DECIMALS = [
  '1',
  '10',
  '12.50',
  '99.99',
  '100',
  '1299.50',
  '2000',
  '3000.00',
  '5',
  '50',
  '0.5',
  '1.5',
  '20',
];
const SANE_DATES = ['2024-01-01', '2024-02-29', '2025-01-31', '2025-06-30', '2026-11-01', '2026-12-01'];
const DATES = [
  '2024-01-01',
  '2024-02-29',
  '2025-01-31',
  '2026-12-01',
  '1970-01-01',
  '9999-12-31',
  '0001-01-01',
  '2024-02-30',
  '2024-13-01',
  '20240101',
  '2024-1-1',
  'yesterday',
  '',
];
const DATETIMES = [
  '2024-01-01T00:00:00Z',
  '2026-12-01T08:00:00+08:00',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '2024-02-30T00:00:00Z',
  'not a date',
  '',
  '2024-01-01',
  '2024-01-01T25:00:00Z',
];
const INTS = [0, 1, 2, 3, 5, 6, 10, 12, 18, 20, 50, 99, 100, 101, 1000, -1, -6, -2147483648, 2147483647, 2147483646];
const ID_TYPES_BY_ARG: Record<string, string> = {
  account: 'Account',
  buyer: 'Account',
  seller: 'Account',
  owner: 'Account',
  parent: 'Account',
  assignee: 'Account',
  requester: 'Account',
  order: 'Order',
  ticket: 'Ticket',
  fulfillment: 'Fulfillment',
  warehouse: 'Warehouse',
  priceList: 'PriceList',
  promotion: 'Promotion',
  product: 'Product',
  variant: 'Variant',
  category: 'Category',
  statement: 'Statement',
  invoiceRequest: 'InvoiceRequest',
  invoice: 'InvoiceRequest',
  notification: 'Notification',
  rebatePolicy: 'RebatePolicy',
  policy: 'RebatePolicy',
  user: 'User',
};

/** `buyerId` → Account, `orderIds` → Order; null when the name says nothing. */
function idTypeOf(name: string): string | null {
  const m = /^(.*?)Ids?$/.exec(name);
  return m ? (ID_TYPES_BY_ARG[m[1]] ?? null) : null;
}

function malformedIds(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      'x',
      '0',
      '-1',
      'null',
      'QWNjb3VudDox',
      toGlobalId('Order', '-1'),
      toGlobalId('Order', '0'),
      toGlobalId('Order', '99999999999'),
      toGlobalId('Account', 'abc'),
      toGlobalId('Nope', 1),
      toGlobalId('Order', 2147483647),
      'A'.repeat(201),
      '====',
      'a/b+c',
    ),
    fc.string({ maxLength: 30 }),
    fc
      .integer({ min: 1, max: 60 })
      .chain((n) =>
        fc
          .constantFrom('Account', 'Order', 'Ticket', 'Variant', 'Product', 'Warehouse', 'Fulfillment', 'User')
          .map((t) => toGlobalId(t, n)),
      ),
  );
}

function idArbitrary(pools: Pools, name: string, sane: boolean): fc.Arbitrary<string> {
  const type = idTypeOf(name);
  const all = Object.values(pools.ids).flat();
  const hinted = type && pools.ids[type]?.length ? pools.ids[type] : null;
  return fc.oneof(
    { weight: hinted ? 14 : 0, arbitrary: hinted ? fc.constantFrom(...hinted) : fc.constant('') },
    { weight: 4, arbitrary: all.length ? fc.constantFrom(...all) : fc.constant('') },
    { weight: sane ? 1 : 3, arbitrary: malformedIds() },
  );
}

/** Sane text passes every input bound (short, no NUL); the rest is anything. */
function textArbitrary(sane: boolean): fc.Arbitrary<string> {
  if (sane)
    return fc.oneof(
      { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.constantFrom('清源净水', '🚰💧', "'; drop table orders; --", '%_\\') },
    );
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  );
}

/** A string input, by what its name says it holds. */
function stringArbitrary(pools: Pools, name: string, sane: boolean): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  const pick = (values: string[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...values) },
      { weight: sane ? 1 : 2, arbitrary: textArbitrary(sane) },
    );
  if (n === 'sku' || n === 'skus') return pick(pools.skus);
  if (n.includes('email')) return pick([...pools.emails, 'nobody@example.com', 'NOT-AN-EMAIL', 'a@b']);
  if (n === 'password' || n.endsWith('password'))
    return pick(['world-pass-2026', 'short', 'a-long-enough-password-2026', 'P'.repeat(300)]);
  if (n === 'slug') return pick([...pools.slugs, 'new-portal', 'UPPER', 'has space']);
  if (n.includes('regioncode') || n === 'territory' || n === 'regioncodes')
    return pick([...pools.regionCodes, '000000', '999999', '44', '4403000000']);
  if (n.includes('idempotency') || n === 'reference') return pick(['k-1', 'k-2', 'k-3', 'ref-1', 'ref-2']);
  if (n === 'code' && pools.batchCodes.length) return pick([...pools.batchCodes, 'W-D1', 'P-RO', 'A1']);
  if (n === 'currencycode') return pick(['CNY', 'USD', 'XXX']);
  if (n.includes('color')) return pick(['#0a6ebd', 'red', '#GGGGGG']);
  if (n.includes('url'))
    return pick(['/assets/p-ro.jpg', 'https://example.com/x.png', 'javascript:alert(1)', 'data:text/html,x']);
  if (n === 'after' || n === 'before' || n === 'cursor') return pick(['MA', 'MTA', 'bm90LWEtY3Vyc29y', '']);
  if (n.includes('period') || n.includes('day') || n === 'from' || n === 'to') return pick(sane ? SANE_DATES : DATES);
  return textArbitrary(sane);
}

function scalarArbitrary(pools: Pools, scalar: string, name: string, sane: boolean): fc.Arbitrary<unknown> {
  if (sane) {
    switch (scalar) {
      case 'Int':
        return fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(1, 1, 2, 3, 5, 6, 6, 12, 20, 50) },
          { weight: 2, arbitrary: fc.constantFrom(0, -1, 100, 101, 2147483647) },
        );
      case 'Float':
        return fc.constantFrom(22.54, 114.05, 31.19, 121.44, 0, -1.5, 90, 180);
      case 'Decimal':
        return fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...PLAIN_DECIMALS) },
          {
            weight: 2,
            arbitrary: fc.constantFrom('0', '-1', '-0.01', '0.0001', '999999999999999.9999', '-999999999999999.9999'),
          },
        );
      case 'Date':
        return fc.constantFrom(...SANE_DATES);
      case 'DateTime':
        return fc.constantFrom(...DATETIMES.slice(0, 4));
    }
  }
  switch (scalar) {
    case 'ID':
      return idArbitrary(pools, name, sane);
    case 'String':
      return stringArbitrary(pools, name, sane);
    case 'Int':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...INTS) },
        { weight: 2, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5) },
      );
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -0, 1.5, -1, 22.54, 114.05, 90.0001, -180.5, 1e308, -1e308, 5e-324),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Boolean':
      return fc.boolean();
    case 'Decimal':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...PLAIN_DECIMALS) },
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_DECIMALS) },
        { weight: 1, arbitrary: fc.constantFrom(12, -3, 1.25, 2 ** 60) },
      );
    case 'Date':
      return fc.constantFrom(...DATES);
    case 'DateTime':
      return fc.constantFrom(...DATETIMES);
    default:
      return textArbitrary(sane);
  }
}

/**
 * A value for an input type; `name` is the argument or input field it goes
 * into. Sane values pass coercion and the input bounds (valid enums, no
 * nulls where none are allowed, short strings, well-formed decimals and
 * dates) so that they reach the services' rules; the others are anything.
 */
export function inputArbitrary(
  pools: Pools,
  type: GraphQLInputType,
  name: string,
  sane: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueArbitrary(pools, type.ofType, name, sane, depth);
    if (sane) return inner;
    // Now and then a null where one is not allowed: a validation error, never a crash.
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  // Sane clients page from the start: they have no cursor of this API at hand.
  if (sane && (name === 'after' || name === 'before')) return fc.constant(undefined);
  // Nullable: sometimes absent (undefined drops it from the JSON), sometimes an explicit null.
  return fc.oneof(
    { weight: 12, arbitrary: valueArbitrary(pools, type, name, sane, depth) },
    { weight: sane ? 4 : 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A value (never null) for a nullable type. */
function valueArbitrary(
  pools: Pools,
  type: GraphQLInputType,
  name: string,
  sane: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = inputArbitrary(pools, type.ofType, name, sane, depth + 1);
    if (sane) return fc.array(item, { minLength: 0, maxLength: 3 });
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) },
      { weight: 2, arbitrary: fc.constant([]) },
      // A giant list: the same item over and over (input bounds and first refuse it, or it is processed in bulk).
      {
        weight: depth === 0 ? 1 : 0,
        arbitrary: fc
          .tuple(item, fc.constantFrom(101, 1_001, 5_000))
          .map(([x, n]) => Array.from({ length: n }, () => x)),
      },
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    if (sane) return fc.constantFrom(...values);
    return fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', values[0].toLowerCase()) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields)
      record[f.name] =
        depth > 3 && !isNonNullType(f.type)
          ? fc.constant(undefined)
          : inputArbitrary(pools, f.type, f.name, sane, depth + 1);
    return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  }
  if (sane && (name === 'first' || name === 'last')) return fc.constantFrom(1, 2, 5, 10, 20, 50, 100);
  return scalarArbitrary(pools, (type as GraphQLNamedType).name, name, sane);
}

/** One variable of an operation: its name, its type as written, and where its value comes from. */
export interface Variable {
  name: string;
  type: string;
  sane: fc.Arbitrary<unknown>;
  hostile: fc.Arbitrary<unknown>;
}

/**
 * A selection set for an output type: every leaf field, and (two levels
 * down) the leaves of object fields, with their arguments as variables too,
 * so nested field arguments are fuzzed as well. Abstract types get
 * `__typename` and the `id` of Node.
 */
export function selectionOf(pools: Pools, type: GraphQLOutputType, variables: Variable[], depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isAbstractType(named)) return '{ __typename ... on Node { id } }';
  const object = named as GraphQLObjectType;
  const parts: string[] = [];
  let objects = 0;
  for (const field of Object.values(object.getFields()) as GraphQLField<unknown, unknown>[]) {
    const leaf = isLeafType(getNamedType(field.type));
    if (!leaf && (depth >= 2 || objects >= (depth === 0 ? 6 : 3))) continue;
    if (depth >= 1 && field.args.some(isRequiredArgument) && !leaf) continue;
    const args =
      depth <= 1 ? argumentsOf(pools, field.args, variables) : field.args.some(isRequiredArgument) ? null : '';
    if (args === null) continue;
    if (leaf) parts.push(`${field.name}${args}`);
    else {
      const inner = selectionOf(pools, field.type, variables, depth + 1);
      if (inner === '{ }') continue;
      objects++;
      parts.push(`${field.name}${args} ${inner}`);
    }
    if (parts.length >= 14) break;
  }
  return `{ ${parts.join(' ')} }`;
}

/** `(first: $v3, filter: $v4)` with the variables added; '' without arguments. */
export function argumentsOf(pools: Pools, args: readonly GraphQLArgument[], variables: Variable[]): string {
  if (!args.length) return '';
  const written = args.map((a) => {
    const name = `v${variables.length}`;
    variables.push({
      name,
      type: String(a.type),
      sane: inputArbitrary(pools, a.type, a.name, true),
      hostile: inputArbitrary(pools, a.type, a.name, false),
    });
    return `${a.name}: $${name}`;
  });
  return `(${written.join(', ')})`;
}

/** An operation on one root field, with every argument (and nested ones) fuzzed. */
export interface FuzzOperation {
  field: string;
  kind: 'query' | 'mutation';
  text: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

export function fuzzOperation(
  pools: Pools,
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): FuzzOperation {
  const variables: Variable[] = [];
  const args = argumentsOf(pools, field.args, variables);
  const selection = selectionOf(pools, field.type, variables);
  const declared = variables.map((v) => `$${v.name}: ${v.type}`).join(', ');
  const text = `${kind} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${args} ${selection} }`;
  const values = (which: 'sane' | 'hostile') =>
    fc
      .record(Object.fromEntries(variables.map((v) => [v.name, v[which]])) as Record<string, fc.Arbitrary<unknown>>)
      .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  return {
    field: field.name,
    kind,
    text,
    // Mostly sane inputs (they reach the rules), a third of them hostile (they test the edges).
    variables: fc.oneof({ weight: 2, arbitrary: values('sane') }, { weight: 1, arbitrary: values('hostile') }),
  };
}

/** What must never reach a client: a stack frame, a file of the server, a PostgreSQL or drizzle error text. */
export const LEAKS = [
  /\bat \S+ \(?\S+\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules|\/src\/modules|\/work\//,
  /duplicate key value|violates (?:foreign key|check|not-null|unique) constraint/i,
  /invalid input syntax for type|syntax error at or near|out of range for type|value too long for type|numeric field overflow/i,
  /relation "\w+" does not exist|column "\w+" (?:does not exist|of relation)/i,
  /Failed query:|PostgresError|drizzle|postgres\.js/i,
  /Cannot read propert|is not a function|undefined is not|TypeError|RangeError|ReferenceError/,
];

/** Messages in an answer: its errors' and its userErrors' (at any depth). */
export function messagesOf(body: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && key === 'message') out.push(v);
  };
  const b = body as { errors?: unknown; data?: unknown };
  walk(b.errors);
  walk(b.data);
  return out;
}
