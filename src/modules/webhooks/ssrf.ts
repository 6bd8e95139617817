import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Webhook URLs and SSRF (DESIGN.md "Webhooks"): in production only https
 * URLs whose host resolves to public unicast addresses, checked when an
 * endpoint is saved and again at every delivery, after DNS resolution, and the
 * connection then goes to the address that was checked (so a DNS answer that
 * changes in between cannot point it inside). WEBHOOK_ALLOW_PRIVATE (the
 * default outside production) allows http and private or loopback addresses.
 */
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (host) => lookup(host, { all: true, verbatim: true });

export type UrlCheck =
  { ok: true; url: URL; address: { address: string; family: number } } | { ok: false; reason: string };

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

export async function checkUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    return { ok: false, reason: allowPrivate ? 'must be http or https' : 'must be https' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await resolve(host);
  } catch {
    return { ok: false, reason: `host ${host} does not resolve` };
  }
  if (!addresses.length) return { ok: false, reason: `host ${host} does not resolve` };
  if (!allowPrivate) {
    const inside = addresses.find((a) => !isPublicAddress(a.address));
    if (inside) return { ok: false, reason: `resolves to ${inside.address}, which is not a public address` };
  }
  return { ok: true, url, address: addresses[0] };
}
