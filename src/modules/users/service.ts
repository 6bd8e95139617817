import { and, arrayOverlaps, eq, or, sql } from 'drizzle-orm';
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

async function throttled(ctx: Context, email: string): Promise<number> {
  const [row] = await ctx.db.select().from(loginFailures).where(eq(loginFailures.email, email));
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, Math.ceil((until - ctx.now().getTime()) / 1000));
}

async function recordFailure(ctx: Context, email: string): Promise<void> {
  const { loginMaxFailures: max, loginLockSeconds: lock } = ctx.config;
  const now = ctx.now().toISOString();
  // Failures older than the lock window are forgotten; reaching the limit locks the email and starts counting again.
  const failures = sql`case when ${loginFailures.updatedAt} < ${now}::timestamptz - make_interval(secs => ${lock}) then 1 else ${loginFailures.failures} + 1 end`;
  // One atomic upsert, so concurrent failures all count.
  await ctx.db
    .insert(loginFailures)
    .values({ email, failures: 1, updatedAt: ctx.now() })
    .onConflictDoUpdate({
      target: loginFailures.email,
      set: {
        failures: sql`case when ${failures} >= ${max} then 0 else ${failures} end`,
        lockedUntil: sql`case when ${failures} >= ${max} then ${now}::timestamptz + make_interval(secs => ${lock}) else ${loginFailures.lockedUntil} end`,
        updatedAt: ctx.now(),
      },
    });
}

export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const fail = (e: UserError): LoginResult => ({ token: null, expiresAt: null, viewer: null, userErrors: [e] });
  const wait = await throttled(ctx, email);
  if (wait > 0) return fail(userError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins for this email; try again in ${wait} seconds`));
  const [row] = await ctx.db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));
  dummyHash ??= hashPassword('not-a-real-password-0', ctx.config.scryptLogN);
  const ok = await verifyPassword(input.password, row?.user.passwordHash ?? (await dummyHash));
  if (!row || !ok) {
    await recordFailure(ctx, email);
    return fail(userError('INVALID_CREDENTIALS', 'Wrong email or password'));
  }
  await ctx.db.delete(loginFailures).where(eq(loginFailures.email, email));
  const { token, expiresAt } = await ctx.tokens.issue(row.user.id);
  const viewer = viewerOf(row.user, row.account);
  // The rest of this request (the payload's viewer fields) is answered as the user who just signed in.
  ctx.viewer = viewer;
  ctx.authError = null;
  return { token, expiresAt, viewer, userErrors: [] };
}

export async function create(ctx: SignedInContext, input: CreateUserInput): Promise<{ user: UserRow | null; userErrors: UserError[] }> {
  const accountKey = keyOf(input.accountId, 'Account');
  const account = accountKey === null ? null : await findVisible(ctx, accountKey);
  if (!account) throw forbidden('You cannot create users for that account');
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

