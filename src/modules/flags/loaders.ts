import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byKey } from '../../lib/batch.js';
import { featureFlags, type FeatureFlagRow } from '../accounts/tables.js';

/** Flags by id (node lookups, audit subjects) in one statement per request; the service decides who may see them. */
export function flagLoaders(db: Db) {
  return {
    byId: new DataLoader<number, FeatureFlagRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(featureFlags)
          .where(inArray(featureFlags.id, [...ids])),
        (r) => r.id,
      ),
    ),
  };
}
