import { deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
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

export function permissions() {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(permissionMap)) {
    tree[type] = Object.fromEntries(Object.entries(fields).map(([field, r]) => [field, r.rule]));
  }
  return shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError: forbidden(),
    // Resolver errors (validation, BAD_USER_INPUT) pass through; formatError masks the unexpected ones.
    allowExternalErrors: true,
    debug: false,
    hashFunction: ({ parent, args }) => `${identity(parent)}:${JSON.stringify(args)}`,
  });
}
