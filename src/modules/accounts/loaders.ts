import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import { inSubtree } from '../../auth/scope.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Db } from '../../db/client.js';
import { byKey } from '../../lib/batch.js';
import { accounts, portals, type AccountRow, type PortalRow } from './tables.js';

/**
 * Per-request batch loaders. Apart from `visibleById`, they are not scoped:
 * they only serve fields of objects the viewer already reached through a
 * scoped read (a seller of a visible account, the portal of a visible seller).
 */
export function accountLoaders(db: Db, viewer: () => Viewer | null) {
  return {
    /** Scoped (V1): null outside the viewer's subtree. */
    visibleById: new DataLoader<number, AccountRow | null>(async (ids) =>
      byKey(ids, await db.select().from(accounts).where(and(inArray(accounts.id, [...ids]), inSubtree(accounts.path, viewer()))), (r) => r.id),
    ),
    byId: new DataLoader<number, AccountRow | null>(async (ids) =>
      byKey(ids, await db.select().from(accounts).where(inArray(accounts.id, [...ids])), (r) => r.id),
    ),
    portalByAccountId: new DataLoader<number, PortalRow | null>(async (ids) =>
      byKey(ids, await db.select().from(portals).where(inArray(portals.accountId, [...ids])), (r) => r.accountId),
    ),
  };
}
