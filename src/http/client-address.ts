import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for login throttling. Behind a reverse
 * proxy (TRUST_PROXY=true) it is the last address the proxy appended to
 * X-Forwarded-For; otherwise the socket's, since a client can write any
 * X-Forwarded-For it likes.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (forwarded.length) return forwarded.at(-1)!.slice(0, 100);
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
