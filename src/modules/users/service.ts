import { and, arrayOverlaps, eq, or, sql } from 'drizzle-orm';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/password.js';
import { refusalOf, viewerOf, type Viewer } from '../../auth/viewer.js';
import { managesUsersOf, seesContactOf, visibleOrForbidden } from '../../auth/access.js';
import { findVisible } from '../accounts/service.js';
import { accounts, featureFlags, type AccountRow } from '../accounts/tables.js';
import { loginFailures, users, type Role, type UserRow } from './tables.js';
import type { CreateUserInput, LoginInput } from './types.js';
import { lockRows } from '../../db/sql.js';
import { recordAudit } from '../audit/record.js';

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
 * Progressive delays per (source address, email), after OWASP's
 * authentication cheat sheet: the first LOGIN_FREE_FAILURES attempts go
 * through at once; after that, each attempt must wait twice as long as the
 * one before (1 s, 2 s, 4 s ... up to LOGIN_MAX_DELAY_SECONDS) since the last.
 * An attempt that comes too early is answered TOO_MANY_ATTEMPTS without
 * looking at the password and without counting. Only that source is slowed:
 * the owner signing in from anywhere else is not, so nobody can lock anybody
 * out. The attempt is counted before the password is checked, in one atomic
 * upsert, so parallel guesses cannot slip past; failures are forgotten after
 * LOGIN_WINDOW_SECONDS of quiet; a success clears them.
 * Returns the seconds to wait, or 0 when this attempt may proceed.
 */
export async function countAttempt(ctx: Context, email: string): Promise<number> {
  const { freeFailures: free, maxDelaySeconds: maxDelay, windowSeconds: window } = ctx.config.loginThrottle;
  const now = ctx.now();
  const source = ctx.clientAddress ?? '';
  const key = and(eq(loginFailures.source, source), eq(loginFailures.email, email));
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(loginFailures)
      .values({ source, email, failures: 0, lockedUntil: null, updatedAt: now })
      .onConflictDoNothing();
    const [row] = await tx.select().from(loginFailures).where(key).for('update');
    if (row.lockedUntil && row.lockedUntil > now)
      return Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    const stale = row.updatedAt.getTime() < now.getTime() - window * 1000;
    const failures = (stale ? 0 : row.failures) + 1;
    const lockedUntil =
      failures >= free ? new Date(now.getTime() + Math.min(maxDelay, 2 ** (failures - free)) * 1000) : null;
    await tx.update(loginFailures).set({ failures, lockedUntil, updatedAt: now }).where(key);
    return 0;
  });
}

export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const fail = (e: UserError): LoginResult => ({ token: null, expiresAt: null, viewer: null, userErrors: [e] });
  const wrong = () => fail(userError('INVALID_CREDENTIALS', 'Wrong email or password'));
  if (!EMAIL.test(email) || email.length > 200 || input.password.length > 1000) return wrong();
  const wait = await countAttempt(ctx, email);
  if (wait > 0)
    return fail(
      userError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins for this email from here; try again in ${wait} seconds`),
    );
  const [row] = await ctx.db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));
  dummyHash ??= hashPassword('not-a-real-password-0', ctx.config.scryptLogN);
  const ok = await verifyPassword(input.password, row?.user.passwordHash ?? (await dummyHash));
  if (!row || !ok) return wrong();
  await ctx.db
    .delete(loginFailures)
    .where(and(eq(loginFailures.source, ctx.clientAddress ?? ''), eq(loginFailures.email, email)));
  // Told only to whoever knows the password: a suspended account or a deactivated user.
  const refused = refusalOf(row.user, row.account);
  if (refused) return fail(userError(refused.code, refused.message));
  const { token, expiresAt } = await ctx.tokens.issue(row.user.id, row.user.tokenVersion);
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
  const roots = info.operation.selectionSet.selections.filter(
    (s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'),
  );
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) {
    return Promise.resolve({
      token: null,
      expiresAt: null,
      viewer: null,
      userErrors: [userError('INVALID_INPUT', 'login must be the only field of its operation')],
    });
  }
  return login(ctx, input);
}

export async function create(
  ctx: SignedInContext,
  input: CreateUserInput,
): Promise<{ user: UserRow | null; userErrors: UserError[] }> {
  const account = await visibleOrForbidden(
    ctx,
    input.accountId,
    'Account',
    findVisible,
    'You create users for your own account and your direct buyers',
    (a) => managesUsersOf(ctx.viewer, a) !== null,
  );
  const manage = managesUsersOf(ctx.viewer, account);
  const roles = [...new Set(input.roles)] as Role[];
  if (manage === 'onboarding' && !roles.includes('ADMIN')) {
    throw forbidden(
      'For a selling account below you, you create only its first ADMIN; its own ADMINs manage its users after that',
    );
  }
  const email = input.email.trim().toLowerCase();
  const errors: UserError[] = [];
  if (!EMAIL.test(email) || email.length > 200)
    errors.push(userError('INVALID_INPUT', 'Not an email address', ['email']));
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name is required (at most 200 characters)', ['name']));
  if (roles.length === 0) errors.push(userError('INVALID_INPUT', 'Give the user at least one role', ['roles']));
  const weakness = passwordWeakness(input.password, email);
  if (weakness) errors.push(userError('WEAK_PASSWORD', weakness, ['password']));
  if (errors.length) return { user: null, userErrors: errors };
  const passwordHash = await hashPassword(input.password, ctx.config.scryptLogN);
  const created = await ctx.db.transaction(async (tx) => {
    if (manage === 'onboarding') {
      // Locked, so two onboardings at once cannot both be "the first".
      await lockRows(tx, accounts, account.id);
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.accountId, account.id)).limit(1);
      if (existing) return 'onboarded' as const;
    }
    const [user] = await tx
      .insert(users)
      .values({ accountId: account.id, email, name: input.name.trim(), passwordHash, roles })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (user)
      await recordAudit(tx, ctx.viewer, {
        account,
        action: 'user.create',
        subject: { type: 'User', id: user.id },
        after: { email, name: user.name, roles, active: true },
      });
    return user ?? null;
  });
  if (created === 'onboarded') throw forbidden('This selling account has its users: its own ADMINs manage them');
  if (!created)
    return { user: null, userErrors: [userError('EMAIL_TAKEN', 'A user with that email exists', ['email'])] };
  return { user: created, userErrors: [] };
}

/** Users of the viewer's account and its direct buyers (V4: names and e-mails are contact details); null otherwise. Batched per request. */
export function findVisibleUser(ctx: Context, id: number): Promise<UserRow | null> {
  return ctx.loaders.users.visibleById.load(id);
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

/**
 * V4: a user's name and e-mail are contact details, so an account's users are
 * listed to the account itself and its direct parent only; above that the
 * list is empty (User.email and User.name are non-null in the contract, so
 * they cannot be denied one by one).
 */
export async function ofAccount(ctx: Context, account: AccountRow): Promise<UserRow[]> {
  if (!ctx.viewer || !seesContactOf(ctx.viewer, account)) return [];
  return ctx.loaders.users.byAccountId.load(account.id);
}
