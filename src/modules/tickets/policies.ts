import { inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { visibleOrForbidden } from '../../auth/access.js';
import { findVisible } from '../accounts/service.js';
import { isSellingTier } from '../accounts/tiers.js';
import { effectiveSla, strictest } from './sla.js';
import { slaPolicies, ticketKind, ticketPriority, type TicketKind, type TicketPriority } from './tables.js';
import type { SlaPolicyInput } from './types.js';

export interface PolicyValue {
  kind: TicketKind;
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolveMinutes: number;
  ownerId: number | null;
}

/** The SLA in force for the viewer's account, for every kind and priority (the strictest in its chain). */
export async function listPolicies(ctx: SignedInContext): Promise<PolicyValue[]> {
  const path = ctx.viewer.accountPath;
  const rows = await ctx.db.select().from(slaPolicies).where(inArray(slaPolicies.ownerId, path));
  return ticketKind.enumValues.flatMap((kind) =>
    ticketPriority.enumValues.map((priority) => {
      return {
        kind,
        priority,
        ...strictest(
          rows.filter((r) => r.kind === kind && r.priority === priority),
          path,
          priority,
        ),
      };
    }),
  );
}

/** The brand sets the standard; a seller may set its own, never looser than what is in force above it. */
export async function savePolicy(
  ctx: SignedInContext,
  input: SlaPolicyInput,
): Promise<{ policy: PolicyValue | null; userErrors: UserError[] }> {
  const owner = await visibleOrForbidden(
    ctx,
    input.ownerId,
    'Account',
    findVisible,
    'You cannot set the SLA of that account',
  );
  const errors: UserError[] = [];
  if (!isSellingTier(owner.tier))
    errors.push(userError('INVALID_INPUT', 'Retailers give no service: they have no SLA', ['ownerId']));
  if (
    !Number.isInteger(input.firstResponseMinutes) ||
    input.firstResponseMinutes < 1 ||
    input.firstResponseMinutes > 43_200
  ) {
    errors.push(userError('INVALID_INPUT', 'First response within 1 to 43200 minutes', ['firstResponseMinutes']));
  }
  if (
    !Number.isInteger(input.resolveMinutes) ||
    input.resolveMinutes < input.firstResponseMinutes ||
    input.resolveMinutes > 525_600
  ) {
    errors.push(
      userError('INVALID_INPUT', 'Resolution within the first-response time to 525600 minutes', ['resolveMinutes']),
    );
  }
  if (owner.parentId !== null) {
    const above = await effectiveSla(ctx.db, owner.path.slice(0, -1), input.kind, input.priority);
    if (input.firstResponseMinutes > above.firstResponseMinutes)
      errors.push(
        userError('INVALID_INPUT', `Looser than the ${above.firstResponseMinutes} minutes in force above`, [
          'firstResponseMinutes',
        ]),
      );
    if (input.resolveMinutes > above.resolveMinutes)
      errors.push(
        userError('INVALID_INPUT', `Looser than the ${above.resolveMinutes} minutes in force above`, [
          'resolveMinutes',
        ]),
      );
  }
  if (errors.length) return { policy: null, userErrors: errors };
  const values = {
    ownerId: owner.id,
    kind: input.kind,
    priority: input.priority,
    firstResponseMinutes: input.firstResponseMinutes,
    resolveMinutes: input.resolveMinutes,
  };
  await ctx.db
    .insert(slaPolicies)
    .values(values)
    .onConflictDoUpdate({
      target: [slaPolicies.ownerId, slaPolicies.kind, slaPolicies.priority],
      set: { firstResponseMinutes: values.firstResponseMinutes, resolveMinutes: values.resolveMinutes },
    });
  return { policy: values, userErrors: [] };
}
