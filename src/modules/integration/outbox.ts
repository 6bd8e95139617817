import type { Tx } from '../../db/client.js';
import { outbox } from './tables.js';

/**
 * Writes an event in the caller's transaction (the transactional outbox):
 * it commits with the change it describes, or not at all. The webhook
 * dispatcher (modules/webhooks) delivers it later. `topic` is
 * `<subject>.<what happened>`, e.g. `statement.issued`; the payload carries
 * ids only: what a receiver gets is rendered per endpoint through the graph.
 */
export async function publishEvent(
  tx: Tx,
  e: { topic: string; rootId: number; aggregateType: string; aggregateId: number; payload?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(outbox).values({
    topic: e.topic,
    rootId: e.rootId,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    payload: e.payload ?? {},
  });
}
