import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { auditEntries } from './tables.js';

/** Keys whose values never enter the log, at any depth (secrets, hashes, tokens). */
const SECRET_KEY = /pass(word)?|secret|hash|token|salt|^key$|signing/i;

/** A copy of `value` with secret-looking keys replaced by "[redacted]". */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : withoutSecrets(v)]),
    );
  }
  return value;
}

export interface AuditChange {
  /** The account the change belongs to (its path scopes who may read the entry). */
  account: { id: number; path: number[]; rootId: number };
  action: string;
  subject?: { type: string; id: number } | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit entry inside the caller's transaction, so the entry and
 * the change commit or roll back together. The actor is the viewer's user,
 * or its API key when the request was made with one; null for the system.
 */
export async function recordAudit(
  tx: Tx,
  viewer: (Pick<Viewer, 'userId'> & { apiKeyId?: number | null }) | null,
  change: AuditChange,
): Promise<void> {
  const byKey = viewer?.apiKeyId ?? null;
  await tx.insert(auditEntries).values({
    actorUserId: viewer && !byKey ? viewer.userId : null,
    actorApiKeyId: byKey,
    accountId: change.account.id,
    accountPath: change.account.path,
    rootId: change.account.rootId,
    action: change.action,
    subjectType: change.subject?.type ?? null,
    subjectId: change.subject?.id ?? null,
    changes: withoutSecrets({ before: change.before ?? null, after: change.after ?? null }),
  });
}
