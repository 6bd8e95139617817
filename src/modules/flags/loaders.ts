import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { byKey } from '../../lib/batch.js';
import { featureFlags, type FeatureFlagRow } from '../accounts/tables.js';
import { inInts } from '../../db/sql.js';

/** Flags by id (node lookups, audit subjects) in one statement per request; the service decides who may see them. */
export function flagLoaders(db: Db) {
  return {
    byId: new DataLoader<number, FeatureFlagRow | null>(async (ids) =>
      byKey(ids, await db.select().from(featureFlags).where(inInts(featureFlags.id, ids)), (r) => r.id),
    ),
  };
}
