import type { GraphQLSchema } from 'graphql';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { middleware, type IMiddlewareGenerator } from 'graphql-middleware';
import { forbidden } from '../graphql/errors.js';
import { permissionMap } from './map.js';

const ids = new WeakMap<object, number>();
let next = 0;
/** 'strict' rules cache per parent object: identity, not a hash of its contents (rows hold bigints). */
function identity(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = ++next));
  return `#${id}`;
}

export function permissions(): IMiddlewareGenerator<unknown, unknown, unknown> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(permissionMap)) {
    tree[type] = Object.fromEntries(Object.entries(fields).map(([field, r]) => [field, r.rule]));
  }
  const generator = shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError: forbidden(),
    // Resolver errors (validation, BAD_USER_INPUT) pass through; formatError masks the unexpected ones.
    allowExternalErrors: true,
    debug: false,
    hashFunction: ({ parent, args }) => `${identity(parent)}:${JSON.stringify(args)}`,
  });
  // The rule shield applies to a field: its own, else its type's '*', else the fallback (deny).
  const ruleOf = (type: string, field: string) => tree[type]?.[field] ?? tree[type]?.['*'] ?? deny;
  // A field whose rule is `allow` is left unwrapped: shield's wrapper would only await `allow`
  // and call the resolver, at the price of a promise per field (thousands on a catalog page).
  return middleware((schema: GraphQLSchema) => {
    const map = generator.generate(schema) as Record<string, Record<string, unknown>>;
    for (const [type, fields] of Object.entries(map)) {
      for (const field of Object.keys(fields)) if (ruleOf(type, field) === allow) delete fields[field];
      if (Object.keys(fields).length === 0) delete map[type];
    }
    return map;
  });
}
