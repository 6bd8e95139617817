import type { SignedInContext } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import type { AccountRow } from '../accounts/tables.js';
import { findVisible } from '../accounts/service.js';
import { hasFinanceRole, visibleOrForbidden } from '../../auth/access.js';

/** A buyer whose money the viewer's account manages as its direct seller (FINANCE or ADMIN). */
export function buyerOfViewer(ctx: SignedInContext, buyerId: string): Promise<AccountRow> {
  return visibleOrForbidden(
    ctx,
    buyerId,
    'Account',
    findVisible,
    "Only the buyer's seller (FINANCE or ADMIN) does that",
    (buyer) => buyer.parentId === ctx.viewer.accountId && hasFinanceRole(ctx.viewer),
  );
}

/** The viewer's own account, acting as a buyer (FINANCE or ADMIN). */
export function viewerAsBuyer(ctx: SignedInContext): AccountRow {
  if (!hasFinanceRole(ctx.viewer) || ctx.viewer.account.parentId === null)
    throw forbidden("Only the buyer's FINANCE or ADMIN does that");
  return ctx.viewer.account;
}
