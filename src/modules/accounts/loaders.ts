import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byKey } from '../../lib/batch.js';
import { accounts, portals, type AccountRow, type PortalRow } from './tables.js';

/**
 * Per-request batch loaders. They are not scoped: they only serve fields of
 * objects the viewer already reached through a scoped read (a seller of a
 * visible account, the portal of a visible seller).
 */
export function accountLoaders(db: Db) {
  return {
    byId: new DataLoader<number, AccountRow | null>(async (ids) =>
      byKey(ids, await db.select().from(accounts).where(inArray(accounts.id, [...ids])), (r) => r.id),
    ),
    portalByAccountId: new DataLoader<number, PortalRow | null>(async (ids) =>
      byKey(ids, await db.select().from(portals).where(inArray(portals.accountId, [...ids])), (r) => r.accountId),
    ),
  };
}
