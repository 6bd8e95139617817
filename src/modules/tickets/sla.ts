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
 * The SLA in force for an account: the strictest of the policies set in its
 * chain (itself and every account above it).
 */
export async function effectiveSla(
  db: DbOrTx,
  path: readonly number[],
  kind: TicketKind,
  priority: TicketPriority,
): Promise<SlaMinutes & { ownerId: number | null }> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(
      and(inArray(slaPolicies.ownerId, [...path]), eq(slaPolicies.kind, kind), eq(slaPolicies.priority, priority)),
    );
  return strictest(rows, path, priority);
}

/** The strictest of the policies in a chain, clock by clock: a level above tightening its standard binds those below too. */
export function strictest(
  rows: { ownerId: number; firstResponseMinutes: number; resolveMinutes: number }[],
  path: readonly number[],
  priority: TicketPriority,
): SlaMinutes & { ownerId: number | null } {
  if (!rows.length) return { ...DEFAULT_SLA[priority], ownerId: null };
  const first = rows.reduce((a, b) => (b.firstResponseMinutes < a.firstResponseMinutes ? b : a));
  const resolve = rows.reduce((a, b) => (b.resolveMinutes < a.resolveMinutes ? b : a));
  const nearest = [...rows].sort((a, b) => path.indexOf(b.ownerId) - path.indexOf(a.ownerId))[0];
  return {
    firstResponseMinutes: first.firstResponseMinutes,
    resolveMinutes: Math.max(resolve.resolveMinutes, first.firstResponseMinutes),
    ownerId: nearest.ownerId,
  };
}

export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
