/**
 * Portal features whose API is in the wave-2 contract but not in the schema
 * yet. Each names the fields it waits for and the operation file (in
 * src/operations-pending/) written for it. test/portal/operations.test.ts
 * checks that every API named here is really missing from the schema, so the
 * day one lands the test says which page to wire (see that folder's README).
 */
export const PENDING: Record<string, { api: readonly string[]; operations: string }> = {};

export type PendingFeature = keyof typeof PENDING;
