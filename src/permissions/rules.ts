import { allow, and, or, rule } from 'graphql-shield';

type ShieldRule = ReturnType<typeof and> | ReturnType<ReturnType<typeof rule>>;
import type { Context } from '../graphql/context.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { AccountRow } from '../modules/accounts/tables.js';
import { isSellingTier } from '../modules/accounts/tiers.js';
import { hasAnyRole, seesContactOf, seesFinanceOf } from '../auth/access.js';
import type { Role } from '../modules/users/tables.js';
import type { Tier } from '../modules/accounts/tables.js';

/** A shield rule with the words the README's visibility table shows for it. */
export interface DocumentedRule {
  name: string;
  /** Who passes, in a few words. */
  who: string;
  rule: ShieldRule;
  /**
   * For rules that depend on the viewer alone: whether a signed-in viewer of
   * this tier and role passes. The visibility matrix test derives its
   * expectations from it.
   */
  decides?: (viewer: { tier: Tier; roles: Role[] }) => boolean;
}

type Check = (ctx: Context, parent: unknown) => boolean | Promise<boolean>;

/**
 * One purpose per rule. A rule that needs a viewer answers UNAUTHENTICATED
 * when there is none (or its token was refused), FORBIDDEN when the viewer may
 * not. An exception inside a check is logged and denies.
 */
function viewerRule(
  name: string,
  who: string,
  cache: 'contextual' | 'strict',
  check: Check,
  decides?: DocumentedRule['decides'],
): DocumentedRule {
  return {
    name,
    who,
    decides,
    rule: rule(name, { cache })(async (parent: unknown, _args: unknown, ctx: Context) => {
      if (!ctx.viewer) return ctx.authError ?? unauthenticated();
      try {
        return (await check(ctx, parent)) || forbidden(`Not visible to this viewer (${who})`);
      } catch (e) {
        ctx.log.error({ err: e, rule: name, requestId: ctx.requestId }, 'permission rule failed');
        return forbidden();
      }
    }),
  };
}

export const isPublic: DocumentedRule = { name: 'public', who: 'anyone, signed in or not', rule: allow };

/** Anonymous is fine, but a token that was sent and refused is reported rather than ignored. */
export const noRefusedToken: DocumentedRule = {
  name: 'noRefusedToken',
  who: 'anyone; a token that is sent must be valid',
  rule: rule('noRefusedToken', { cache: 'contextual' })(
    (_p: unknown, _a: unknown, ctx: Context) => ctx.authError ?? true,
  ),
};

export const isSignedIn = viewerRule(
  'isSignedIn',
  'any signed-in user',
  'contextual',
  () => true,
  () => true,
);

const roleRules = new Map<string, DocumentedRule>();
/** ADMIN can do everything a role can (`hasAnyRole`). */
export function hasRole(...roles: Role[]): DocumentedRule {
  const name = `hasRole(${roles.join(',')})`;
  let r = roleRules.get(name);
  if (!r) {
    const accepted = [...new Set<Role>(['ADMIN', ...roles])];
    r = viewerRule(
      name,
      `users with role ${accepted.join(' or ')}`,
      'contextual',
      (ctx) => hasAnyRole(ctx.viewer!, ...roles),
      (v) => hasAnyRole(v, ...roles),
    );
    roleRules.set(name, r);
  }
  return r;
}

export const isSellingAccount = viewerRule(
  'isSellingTier',
  'users of the brand, an agent or a distributor (not retailers)',
  'contextual',
  (ctx) => isSellingTier(ctx.viewer!.tier),
  (v) => isSellingTier(v.tier),
);

/** Accounts that buy from someone: everyone but the brand. */
export const hasSeller = viewerRule(
  'hasSeller',
  'users of any account that buys from a seller (not the brand)',
  'contextual',
  (ctx) => ctx.viewer!.tier !== 'BRAND',
  (v) => v.tier !== 'BRAND',
);

export const isBrand = viewerRule(
  'isBrand',
  'users of the brand',
  'contextual',
  (ctx) => ctx.viewer!.tier === 'BRAND',
  (v) => v.tier === 'BRAND',
);

/** V4 on an Account: the account itself and its direct parent (the owner of the relationship). */
export const isSelfOrParent = viewerRule(
  'isSelfOrParent',
  'the account itself and its direct parent (V4)',
  'strict',
  (ctx, parent) => seesContactOf(ctx.viewer!, parent as AccountRow),
);

/** V5: ADMIN and FINANCE users of the account and of its ancestors. */
export const canSeeCredit = viewerRule(
  'canSeeCredit',
  'ADMIN or FINANCE users of the account itself and of its ancestors (V5)',
  'strict',
  (ctx, parent) => seesFinanceOf(ctx.viewer!, parent as AccountRow),
);

/**
 * A list any signed-in user may ask for whose rows the service scopes to
 * `rows` (the others get an empty list, not an error: lists are scoped, never
 * denied). The README's table then says both.
 */
export function listScopedTo(rows: DocumentedRule): DocumentedRule {
  return {
    ...isSignedIn,
    name: `isSignedIn, rows: ${rows.name}`,
    who: `any signed-in user; its rows only for ${rows.who}, an empty list for others`,
  };
}

export function all(...rules: DocumentedRule[]): DocumentedRule {
  const decides = rules.every((r) => r.decides)
    ? (v: { tier: Tier; roles: Role[] }) => rules.every((r) => r.decides!(v))
    : undefined;
  return {
    name: rules.map((r) => r.name).join(' and '),
    who: rules.map((r) => r.who).join(', and '),
    rule: and(...rules.map((r) => r.rule)),
    decides,
  };
}

export function any(...rules: DocumentedRule[]): DocumentedRule {
  const decides = rules.every((r) => r.decides)
    ? (v: { tier: Tier; roles: Role[] }) => rules.some((r) => r.decides!(v))
    : undefined;
  return {
    name: rules.map((r) => r.name).join(' or '),
    who: rules.map((r) => r.who).join(', or '),
    rule: or(...rules.map((r) => r.rule)),
    decides,
  };
}
