import { registerEnumType } from 'type-graphql';

type EnumOptions<V extends string> = { description?: string; valuesConfig?: { [K in V]?: { description?: string } } };

/**
 * A GraphQL enum whose values are a database enum's (a drizzle `pgEnum`'s
 * `enumValues`): one list, so the schema and the column never disagree. Use
 * the returned object in `@Field(() => X)` and `type X = (typeof x.enumValues)[number]`.
 */
export function graphqlEnum<const V extends string>(
  values: readonly V[],
  name: string,
  options: EnumOptions<V> = {},
): { readonly [K in V]: K } {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in V]: K };
  registerEnumType(e, { name, ...options });
  return e;
}
