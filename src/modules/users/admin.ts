import { and, eq, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasAnyRole, managesUsersOf, visibleOrForbidden } from '../../auth/access.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../../auth/password.js';
import { lockRows } from '../../db/sql.js';
import { recordAudit } from '../audit/record.js';
import { changed } from '../audit/changes.js';
import { accountIn } from '../accounts/service.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { loginFailures, users, type Role, type UserRow } from './tables.js';
import { countAttempt, findVisibleUser } from './service.js';
import type { ChangePasswordInput, SetUserPasswordInput, UpdateUserInput } from './types.js';

type Result = { user: UserRow | null; token?: string | null; userErrors: UserError[] };

/**
 * The user an ADMIN manages ("who manages whose users", DESIGN.md): one of
 * its own account, or of a retailer it sells to. Anything else — not
 * visible, a selling child's user, or a viewer that is not ADMIN — is one
 * FORBIDDEN, so nothing tells whether the user exists.
 */
async function managedUser(ctx: SignedInContext, id: string): Promise<{ user: UserRow; account: AccountRow }> {
  const refusal =
    "You manage the users of your own account and of the retailers you sell to; a selling account's own ADMINs manage its users";
  const user = await visibleOrForbidden(ctx, id, 'User', findVisibleUser, refusal);
  const account = await accountIn(ctx.db, user.accountId);
  const manage = managesUsersOf(ctx.viewer, account);
  if (!hasAnyRole(ctx.viewer) || (manage !== 'own' && manage !== 'retailer')) throw forbidden(refusal);
  return { user, account };
}

/** The account keeps an active ADMIN: refused when `user` is its last one and stops being one. */
async function keepsAnAdmin(tx: Tx, user: UserRow, after: { roles: Role[]; active: boolean }): Promise<void> {
  const wasAdmin = user.active && user.roles.includes('ADMIN');
  if (!wasAdmin || (after.active && after.roles.includes('ADMIN'))) return;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.accountId, user.accountId),
        eq(users.active, true),
        sql`'ADMIN' = any(${users.roles})`,
        sql`${users.id} <> ${user.id}`,
      ),
    );
  if (n === 0)
    refuse(
      userError('LAST_ADMIN', 'This is the last active ADMIN of its account: make another user ADMIN first', ['id']),
    );
}

/** The row as it is, under the account's lock: changes to one account's users (and its last-ADMIN check) run one at a time. */
async function lockedUser(tx: Tx, user: UserRow): Promise<UserRow> {
  await lockRows(tx, accounts, user.accountId);
  const [row] = await tx.select().from(users).where(eq(users.id, user.id));
  return row;
}

/** updateUser: name, roles and active. Deactivating signs the user out everywhere (its token version moves on). */
export async function updateUser(ctx: SignedInContext, input: UpdateUserInput): Promise<Result> {
  const { user, account } = await managedUser(ctx, input.id);
  const errors: UserError[] = [];
  if (input.name != null && (!input.name.trim() || input.name.length > 200))
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  if (input.roles != null && input.roles.length === 0)
    errors.push(userError('INVALID_INPUT', 'Give the user at least one role', ['roles']));
  if (input.name == null && input.roles == null && input.active == null)
    errors.push(userError('INVALID_INPUT', 'Nothing to change', ['id']));
  if (errors.length) return { user, userErrors: errors };
  return mutate(
    ctx,
    'user',
    async (tx) => {
      const before = await lockedUser(tx, user);
      const after = {
        name: input.name?.trim() ?? before.name,
        roles: input.roles ? ([...new Set(input.roles)] as Role[]) : before.roles,
        active: input.active ?? before.active,
      };
      await keepsAnAdmin(tx, before, after);
      const signOut = before.active && !after.active;
      const [row] = await tx
        .update(users)
        .set({ ...after, tokenVersion: signOut ? sql`${users.tokenVersion} + 1` : before.tokenVersion })
        .where(eq(users.id, before.id))
        .returning();
      const change = changed({ name: before.name, roles: before.roles, active: before.active }, after);
      if (change)
        await recordAudit(tx, ctx.viewer, {
          account,
          action: 'user.update',
          subject: { type: 'User', id: row.id },
          ...change,
        });
      return row;
    },
    user,
  );
}

/**
 * changePassword: the viewer's own, with the current one. Wrong guesses are
 * throttled like sign-ins (per source and email). Every other session ends:
 * the token version moves on, and the answer carries a token for this one.
 */
export async function changePassword(ctx: SignedInContext, input: ChangePasswordInput): Promise<Result> {
  const me = ctx.viewer.user;
  const wait = await countAttempt(ctx, me.email);
  if (wait > 0)
    return {
      user: me,
      userErrors: [userError('TOO_MANY_ATTEMPTS', `Too many wrong passwords from here; try again in ${wait} seconds`)],
    };
  const [current] = await ctx.db.select().from(users).where(eq(users.id, me.id));
  if (input.currentPassword.length > 1000 || !(await verifyPassword(input.currentPassword, current.passwordHash))) {
    return {
      user: me,
      userErrors: [userError('INVALID_CREDENTIALS', 'The current password is wrong', ['currentPassword'])],
    };
  }
  await ctx.db
    .delete(loginFailures)
    .where(and(eq(loginFailures.source, ctx.clientAddress ?? ''), eq(loginFailures.email, me.email)));
  const weakness =
    passwordWeakness(input.newPassword, me.email) ??
    (input.newPassword === input.currentPassword ? 'Choose a password other than the current one' : null);
  if (weakness) return { user: me, userErrors: [userError('WEAK_PASSWORD', weakness, ['newPassword'])] };
  const passwordHash = await hashPassword(input.newPassword, ctx.config.scryptLogN);
  const result = await setPassword(ctx, me, passwordHash, 'user.passwordChange');
  if (!result.user) return result;
  const { token } = await ctx.tokens.issue(result.user.id, result.user.tokenVersion);
  return { ...result, token };
}

/**
 * setUserPassword: an ADMIN sets the password of a user it manages (own
 * account, or a retailer it sells to), never its own (changePassword asks
 * for the current one). The user is signed out everywhere.
 */
export async function setUserPassword(ctx: SignedInContext, input: SetUserPasswordInput): Promise<Result> {
  const { user } = await managedUser(ctx, input.id);
  if (user.id === ctx.viewer.userId) throw forbidden('Change your own password with changePassword');
  const weakness = passwordWeakness(input.password, user.email);
  if (weakness) return { user, userErrors: [userError('WEAK_PASSWORD', weakness, ['password'])] };
  return setPassword(ctx, user, await hashPassword(input.password, ctx.config.scryptLogN), 'user.passwordReset');
}

/** Stores a new hash and bumps the token version; the audit entry says that it changed, never what to. */
function setPassword(ctx: SignedInContext, user: UserRow, passwordHash: string, action: string): Promise<Result> {
  return mutate(
    ctx,
    'user',
    async (tx) => {
      const before = await lockedUser(tx, user);
      const [row] = await tx
        .update(users)
        .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` })
        .where(eq(users.id, before.id))
        .returning();
      await recordAudit(tx, ctx.viewer, {
        account: await accountIn(tx, row.accountId),
        action,
        subject: { type: 'User', id: row.id },
        after: { signedOutEverywhere: true },
      });
      return row;
    },
    user,
  );
}
