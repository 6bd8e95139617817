/**
 * The workloads' requests and the load driver (autocannon, in the harness
 * process, to 127.0.0.1 only, for a fixed time).
 */
import autocannon from 'autocannon';
import { print } from 'graphql';
import { CatalogPageDocument } from '../generated/graphql.js';

/**
 * W1: a retailer's first catalog page: the `CatalogPage` operation of
 * schema/operations/catalog.graphql itself (category, media, per variant sku,
 * own price with steps, availability, totalCount).
 */
export const W1_QUERY = print(CatalogPageDocument);

/** W2: a 5-line order; the answer carries what a client needs to show the confirmation. */
export const W2_MUTATION = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { id number status total { amount } lines { sku quantity unitPrice { amount } } fulfillments { routingReason } }
    userErrors { code message field }
  }
}`;

export interface LoadResult {
  requests: number;
  seconds: number;
  reqPerSec: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  body?: string;
  /** Per connection: extra headers (e.g. which buyer it is). */
  clientHeaders?: (client: number) => Record<string, string>;
  /** Per request: the body, from the connection's headers. */
  makeBody?: (headers: Record<string, string>) => string | null;
  onResponse?: (status: number, body: string, headers: Record<string, string | string[]>) => void;
}

/** Drives POST requests at `url` with `connections` connections for `seconds`; stops by itself. */
export async function drive(o: LoadOptions): Promise<LoadResult> {
  const u = new URL(o.url);
  if (u.hostname !== '127.0.0.1') throw new Error('the bench only loads 127.0.0.1');
  let clients = 0;
  const baseHeaders = { 'content-type': 'application/json', ...o.headers };
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    pipelining: 1,
    timeout: 10,
    method: 'POST',
    headers: baseHeaders,
    body: o.body,
    setupClient: o.clientHeaders
      ? (client) => {
          client.setHeaders({ ...baseHeaders, ...o.clientHeaders!(clients++) });
        }
      : undefined,
    requests: [
      {
        method: 'POST',
        path: u.pathname,
        ...(o.makeBody
          ? {
              setupRequest: (req: autocannon.Request) => {
                const body = o.makeBody!((req.headers ?? {}) as Record<string, string>);
                return body === null ? req : { ...req, body };
              },
            }
          : {}),
        ...(o.onResponse
          ? {
              onResponse: (status: number, body: string, _ctx: unknown, headers: Record<string, string | string[]>) =>
                o.onResponse!(status, body, headers),
            }
          : {}),
      },
    ],
  } as autocannon.Options);
  const seconds = result.duration;
  return {
    requests: result.requests.total,
    seconds,
    reqPerSec: result.requests.total / seconds,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}
