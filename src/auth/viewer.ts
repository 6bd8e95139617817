import { eq } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import type { Db } from '../db/client.js';
import { accounts, type AccountRow, type Tier } from '../modules/accounts/tables.js';
import { users, type Role, type UserRow } from '../modules/users/tables.js';
import { unauthenticated } from '../graphql/errors.js';
import type { Tokens } from './tokens.js';

/** Who is asking: loaded once per request from the bearer token. */
export interface Viewer {
  user: UserRow;
  account: AccountRow;
  userId: number;
  accountId: number;
  /** Ids from the root down to the viewer's account. */
  accountPath: number[];
  tier: Tier;
  roles: Role[];
}

export function viewerOf(user: UserRow, account: AccountRow): Viewer {
  return { user, account, userId: user.id, accountId: account.id, accountPath: account.path, tier: account.tier, roles: user.roles };
}

export async function resolveViewer(
  db: Db,
  tokens: Tokens,
  authorization: string | undefined,
): Promise<{ viewer: Viewer | null; authError: GraphQLError | null }> {
  if (!authorization) return { viewer: null, authError: null };
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) return { viewer: null, authError: unauthenticated('The Authorization header must be "Bearer <token>"') };
  const verified = await tokens.verify(m[1]);
  if ('error' in verified) {
    return { viewer: null, authError: unauthenticated(verified.error === 'expired' ? 'The token has expired; sign in again' : 'The token is not valid') };
  }
  const [row] = await db
    .select({ user: getTableColumns(users), account: getTableColumns(accounts) })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, verified.userId));
  if (!row) return { viewer: null, authError: unauthenticated('The token is not valid') };
  return { viewer: viewerOf(row.user, row.account), authError: null };
}

/** True when `path` (an account's materialized path) lies in the viewer's subtree. */
export function inViewerSubtree(viewer: Viewer, path: readonly number[]): boolean {
  return path.includes(viewer.accountId);
}

/** True when the viewer's account is a strict ancestor of the account with `path`. */
export function isStrictAncestor(viewer: Viewer, path: readonly number[]): boolean {
  return path.includes(viewer.accountId) && path.at(-1) !== viewer.accountId;
}
