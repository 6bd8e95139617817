import type { Db } from '../db/client.js';
import { accountLoaders } from '../modules/accounts/loaders.js';
import { userLoaders } from '../modules/users/loaders.js';

/** Fresh per request, so nothing cached leaks between viewers. */
export function createLoaders(db: Db) {
  return {
    accounts: accountLoaders(db),
    users: userLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
