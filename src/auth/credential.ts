import type { Viewer } from './viewer.js';

/** The API key a viewer acts through, if any (null for a sign-in token). */
export function apiKeyIdOf(viewer: Viewer | null): number | null {
  return viewer?.apiKeyId ?? null;
}

/**
 * Who a request counts against (throttling): an API key, else the signed-in
 * user, else (anonymous) the client address.
 */
export function credentialOf(viewer: Viewer | null, clientAddress: string): string {
  const keyId = apiKeyIdOf(viewer);
  if (keyId) return `key:${keyId}`;
  if (viewer) return `user:${viewer.userId}`;
  return `addr:${clientAddress}`;
}
