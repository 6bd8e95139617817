import { eq } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import type { Db } from '../db/client.js';
import { accounts, type AccountRow, type Tier } from '../modules/accounts/tables.js';
import { users, type Role, type UserRow } from '../modules/users/tables.js';
import type { ApiKeyRow } from '../modules/apikeys/tables.js';
import { unauthenticated } from '../graphql/errors.js';
import { hasAnyRole } from './access.js';
import type { Tokens } from './tokens.js';
import { checkKey, looksLikeApiKey, touchKey } from './api-keys.js';

/** Who is asking: loaded once per request from the bearer token or API key. */
export interface Viewer {
  /** The signed-in user; for an API key, the user who created it. */
  user: UserRow;
  account: AccountRow;
  userId: number;
  accountId: number;
  /** Ids from the root down to the viewer's account. */
  accountPath: number[];
  tier: Tier;
  roles: Role[];
  /** The API key the request was made with; null for a user's sign-in token. */
  apiKey: ApiKeyRow | null;
  apiKeyId: number | null;
}

/**
 * A key acts with its own roles, never more than its creator has now (a key
 * made by an ADMIN who is later made a BUYER loses what BUYER cannot do).
 */
export function keyRoles(key: Pick<ApiKeyRow, 'roles'>, creator: Pick<UserRow, 'roles'>): Role[] {
  return key.roles.filter((r) => hasAnyRole(creator, r));
}

export function viewerOf(user: UserRow, account: AccountRow, apiKey: ApiKeyRow | null = null): Viewer {
  return {
    user,
    account,
    userId: user.id,
    accountId: account.id,
    accountPath: account.path,
    tier: account.tier,
    roles: apiKey ? keyRoles(apiKey, user) : user.roles,
    apiKey,
    apiKeyId: apiKey?.id ?? null,
  };
}

export type ResolvedViewer = { viewer: Viewer | null; authError: GraphQLError | null };

/**
 * Why a sign-in or a credential is refused although it is genuine: its
 * account is SUSPENDED or CLOSED, or its user was deactivated. Null when it
 * may act. `login` answers these as userErrors; viewer resolution as
 * UNAUTHENTICATED.
 */
export function refusalOf(
  user: Pick<UserRow, 'active'>,
  account: Pick<AccountRow, 'status' | 'name'>,
): { code: 'ACCOUNT_SUSPENDED' | 'USER_DEACTIVATED'; message: string } | null {
  if (account.status === 'SUSPENDED')
    return {
      code: 'ACCOUNT_SUSPENDED',
      message: `${account.name} is suspended: its users cannot sign in; ask its seller`,
    };
  if (account.status === 'CLOSED') return { code: 'ACCOUNT_SUSPENDED', message: `${account.name} is closed` };
  if (!user.active)
    return { code: 'USER_DEACTIVATED', message: 'This user was deactivated by an administrator of its account' };
  return null;
}

/**
 * THE one step every credential goes through to become a viewer: a user's
 * sign-in token and an API key both end here with the user (a key's creator)
 * and account rows they loaded, so account status and user deactivation are
 * enforced in one place: a SUSPENDED account's tokens and keys are refused
 * alike. Anything this refuses is UNAUTHENTICATED with the reason, for every
 * operation.
 */
export function admitViewer(user: UserRow, account: AccountRow, apiKey: ApiKeyRow | null): ResolvedViewer {
  const refused = refusalOf(user, account);
  if (refused) return { viewer: null, authError: unauthenticated(refused.message) };
  return { viewer: viewerOf(user, account, apiKey), authError: null };
}

/** An API key: its account, its roles, its creator as `viewer.user`; revoked, expired, unknown or tampered keys are refused. */
async function resolveKeyViewer(db: Db, credential: string, now: Date): Promise<ResolvedViewer> {
  const checked = await checkKey(db, credential, now);
  if (!checked.ok)
    return { viewer: null, authError: unauthenticated('The API key is not valid (unknown, revoked or expired)') };
  const admitted = admitViewer(checked.user, checked.account, checked.key);
  if (admitted.viewer) await touchKey(db, checked.key, now);
  return admitted;
}

/** A user's sign-in token (a JWT), valid while the user's token version is the one it was issued with. */
async function resolveTokenViewer(db: Db, tokens: Tokens, token: string): Promise<ResolvedViewer> {
  const verified = await tokens.verify(token);
  if ('error' in verified) {
    return {
      viewer: null,
      authError: unauthenticated(
        verified.error === 'expired' ? 'The token has expired; sign in again' : 'The token is not valid',
      ),
    };
  }
  // One statement per request, as before: the token version and the account status come with the user and account rows.
  const [row] = await db
    .select({ user: getTableColumns(users), account: getTableColumns(accounts) })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, verified.userId));
  if (!row) return { viewer: null, authError: unauthenticated('The token is not valid') };
  if (row.user.tokenVersion !== verified.version) {
    return {
      viewer: null,
      authError: unauthenticated('This token was signed out (password changed or user deactivated); sign in again'),
    };
  }
  return admitViewer(row.user, row.account, null);
}

export async function resolveViewer(
  db: Db,
  tokens: Tokens,
  authorization: string | undefined,
  now: Date = new Date(),
): Promise<ResolvedViewer> {
  if (!authorization) return { viewer: null, authError: null };
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) return { viewer: null, authError: unauthenticated('The Authorization header must be "Bearer <token>"') };
  return looksLikeApiKey(m[1]) ? resolveKeyViewer(db, m[1], now) : resolveTokenViewer(db, tokens, m[1]);
}
