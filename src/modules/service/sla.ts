import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { slaPolicies, type TicketKind, type TicketPriority } from './tables.js';

export interface SlaMinutes {
  firstResponseMinutes: number;
  resolveMinutes: number;
}

/** Used until the brand sets its own policy for a kind and priority. */
export const DEFAULT_SLA: Record<TicketPriority, SlaMinutes> = {
  URGENT: { firstResponseMinutes: 2 * 60, resolveMinutes: 24 * 60 },
  HIGH: { firstResponseMinutes: 4 * 60, resolveMinutes: 48 * 60 },
  NORMAL: { firstResponseMinutes: 8 * 60, resolveMinutes: 72 * 60 },
  LOW: { firstResponseMinutes: 24 * 60, resolveMinutes: 120 * 60 },
};

/**
 * The SLA in force for an account: the policy of the nearest account in its
 * chain (itself first) that set one. Each level may only be stricter than the
 * levels above it, so the nearest is the strictest.
 */
export async function effectiveSla(db: DbOrTx, path: readonly number[], kind: TicketKind, priority: TicketPriority): Promise<SlaMinutes & { ownerId: number | null }> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(and(inArray(slaPolicies.ownerId, [...path]), eq(slaPolicies.kind, kind), eq(slaPolicies.priority, priority)));
  const nearest = rows.sort((a, b) => path.indexOf(b.ownerId) - path.indexOf(a.ownerId))[0];
  return nearest ? { firstResponseMinutes: nearest.firstResponseMinutes, resolveMinutes: nearest.resolveMinutes, ownerId: nearest.ownerId } : { ...DEFAULT_SLA[priority], ownerId: null };
}

export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
