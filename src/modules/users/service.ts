import { and, arrayOverlaps, eq, or, sql } from 'drizzle-orm';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/password.js';
import { viewerOf, type Viewer } from '../../auth/viewer.js';
import { inSubtree } from '../../auth/scope.js';
import { findVisible } from '../accounts/service.js';
import { accounts, featureFlags, type AccountRow } from '../accounts/tables.js';
import { loginFailures, users, type Role, type UserRow } from './tables.js';
import type { CreateUserInput, LoginInput } from './types.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface LoginResult {
  token: string | null;
  expiresAt: Date | null;
  viewer: Viewer | null;
  userErrors: UserError[];
}

// A hash to verify against when the email is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Counts the attempt before the password is checked, in one atomic upsert, so
 * parallel guesses cannot slip past the limit. Attempts older than the lock
 * window are forgotten; the attempt past the limit locks the email for the window.
 * Returns the seconds left on a lock, or 0 when this attempt may proceed.
 */
async function countAttempt(ctx: Context, email: string): Promise<number> {
  const { loginMaxFailures: max, loginLockSeconds: lock } = ctx.config;
  const now = ctx.now().toISOString();
  const [row] = await ctx.db.execute<{ wait: number }>(sql`
    insert into login_failures as f (email, failures, locked_until, updated_at) values (${email}, 1, null, ${now}::timestamptz)
    on conflict (email) do update set
      failures = case
        when f.locked_until is not null and f.locked_until > ${now}::timestamptz then f.failures
        when f.updated_at < ${now}::timestamptz - make_interval(secs => ${lock}) or f.locked_until is not null then 1
        else f.failures + 1 end,
      locked_until = case
        when f.locked_until is not null and f.locked_until > ${now}::timestamptz then f.locked_until
        when f.updated_at >= ${now}::timestamptz - make_interval(secs => ${lock}) and f.locked_until is null and f.failures + 1 > ${max}
          then ${now}::timestamptz + make_interval(secs => ${lock})
        else null end,
      updated_at = ${now}::timestamptz
    returning greatest(0, ceil(extract(epoch from (coalesce(locked_until, ${now}::timestamptz) - ${now}::timestamptz))))::int as wait`);
  return row.wait;
}

export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const fail = (e: UserError): LoginResult => ({ token: null, expiresAt: null, viewer: null, userErrors: [e] });
  const wrong = () => fail(userError('INVALID_CREDENTIALS', 'Wrong email or password'));
  if (!EMAIL.test(email) || email.length > 200 || input.password.length > 1000) return wrong();
  const wait = await countAttempt(ctx, email);
  if (wait > 0) return fail(userError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins for this email; try again in ${wait} seconds`));
  const [row] = await ctx.db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));
  dummyHash ??= hashPassword('not-a-real-password-0', ctx.config.scryptLogN);
  const ok = await verifyPassword(input.password, row?.user.passwordHash ?? (await dummyHash));
  if (!row || !ok) return wrong();
  await ctx.db.delete(loginFailures).where(eq(loginFailures.email, email));
  const { token, expiresAt } = await ctx.tokens.issue(row.user.id);
  const viewer = viewerOf(row.user, row.account);
  // The payload's viewer fields are answered as the user who just signed in
  // (login is alone in its operation, so nothing else runs as that user).
  ctx.viewer = viewer;
  ctx.authError = null;
  return { token, expiresAt, viewer, userErrors: [] };
}

/**
 * login swaps the request's viewer for its own payload; any other root field
 * in the same operation would then run as (or be cached for) the wrong user.
 */
export function loginAlone(ctx: Context, input: LoginInput, info: GraphQLResolveInfo): Promise<LoginResult> {
  const roots = info.operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) {
    return Promise.resolve({ token: null, expiresAt: null, viewer: null, userErrors: [userError('INVALID_INPUT', 'login must be the only field of its operation')] });
  }
  return login(ctx, input);
}

export async function create(ctx: SignedInContext, input: CreateUserInput): Promise<{ user: UserRow | null; userErrors: UserError[] }> {
  const accountKey = keyOf(input.accountId, 'Account');
  const account = accountKey === null ? null : await findVisible(ctx, accountKey);
  // The account itself or a direct buyer: an upstream admin must not sign in as its buyers' buyers (V4).
  if (!account || (account.id !== ctx.viewer.accountId && account.parentId !== ctx.viewer.accountId)) {
    throw forbidden('You create users for your own account and your direct buyers');
  }
  const email = input.email.trim().toLowerCase();
  const errors: UserError[] = [];
  if (!EMAIL.test(email) || email.length > 200) errors.push(userError('INVALID_INPUT', 'Not an email address', ['email']));
  if (!input.name.trim() || input.name.length > 200) errors.push(userError('INVALID_INPUT', 'Name is required (at most 200 characters)', ['name']));
  if (input.roles.length === 0) errors.push(userError('INVALID_INPUT', 'Give the user at least one role', ['roles']));
  const weakness = passwordWeakness(input.password, email);
  if (weakness) errors.push(userError('WEAK_PASSWORD', weakness, ['password']));
  if (errors.length) return { user: null, userErrors: errors };
  const passwordHash = await hashPassword(input.password, ctx.config.scryptLogN);
  const [user] = await ctx.db
    .insert(users)
    .values({ accountId: account.id, email, name: input.name.trim(), passwordHash, roles: [...new Set(input.roles)] as Role[] })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) return { user: null, userErrors: [userError('EMAIL_TAKEN', 'A user with that email exists', ['email'])] };
  return { user, userErrors: [] };
}

/** Users of accounts in the viewer's subtree (V1); null otherwise. */
export async function findVisibleUser(ctx: Context, id: number): Promise<UserRow | null> {
  const [row] = await ctx.db
    .select({ user: users })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.id, id), inSubtree(accounts.path, ctx.viewer)));
  return row?.user ?? null;
}

export async function accountOf(ctx: Context, user: UserRow): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(user.accountId);
  if (!row) throw new Error(`user ${user.id} has no account`);
  return row;
}

/** Flags on for everyone, for the viewer's tier, for a subtree it is in, or for the region it is in. */
export async function features(ctx: Context, viewer: Viewer): Promise<string[]> {
  const region = viewer.account.addressRegionCode;
  const regionCandidates = region ? [...new Set([region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`])] : [];
  const rows = await ctx.db
    .select({ key: featureFlags.key })
    .from(featureFlags)
    .where(
      or(
        eq(featureFlags.everyone, true),
        sql`${viewer.tier}::channel_tier = any(${featureFlags.tiers})`,
        arrayOverlaps(featureFlags.accountIds, viewer.accountPath),
        regionCandidates.length ? arrayOverlaps(featureFlags.regionCodes, regionCandidates) : sql`false`,
      ),
    )
    .orderBy(featureFlags.key);
  return rows.map((r) => r.key);
}

