import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks signing (npm `standardwebhooks`): `webhook-signature`
 * is `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, space-separated when
 * several secrets sign (after a rotation, the old one too for 24 hours).
 */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** `secrets`: the current one first, then any still honoured after a rotation. */
export function signedHeaders(secrets: string[], id: string, at: Date, body: string): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}

/** The secrets that sign now: the current one, and the previous one within 24 hours of a rotation. */
export function signingSecrets(
  e: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] {
  return e.previousSecret && e.previousSecretUntil && e.previousSecretUntil > now
    ? [e.secret, e.previousSecret]
    : [e.secret];
}
