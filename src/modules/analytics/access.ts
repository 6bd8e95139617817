import type { Viewer } from '../../auth/viewer.js';
import { forbidden } from '../../graphql/errors.js';
import { hasAnyRole, seesFinanceOf } from '../../auth/access.js';
import type { AccountRow } from '../accounts/tables.js';

/**
 * V5 for analytics (AccountInsights.creditUtilization, CREDIT_NEAR_LIMIT
 * alerts): the project's one V5 rule, `seesFinanceOf`, the same the
 * permission map applies to Account.credit (test/analytics-access.test.ts
 * holds the two together).
 */
export function maySeeCredit(viewer: Viewer, account: Pick<AccountRow, 'id' | 'path'>): boolean {
  return seesFinanceOf(viewer, account);
}

/**
 * recommendations: for the viewer's own account its BUYER or ADMIN users
 * (what to order next); for a buyer below it, its ADMIN or ANALYST users
 * (a seller preparing a visit or a campaign).
 */
export function assertMayRecommend(viewer: Viewer, buyer: Pick<AccountRow, 'id'>): void {
  const own = buyer.id === viewer.accountId;
  if (own ? !hasAnyRole(viewer, 'BUYER') : !hasAnyRole(viewer, 'ANALYST')) {
    throw forbidden(
      own
        ? 'Recommendations for your own account are for its BUYER and ADMIN users'
        : "Recommendations for a buyer are for its sellers' ADMIN and ANALYST users",
    );
  }
}
