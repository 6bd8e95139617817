import type postgres from 'postgres';
import type { ThrottleSettings } from '../../config.js';
import type { Logger } from '../../logger.js';

/** The bucket as `extensions.cost.throttleStatus` reports it (Shopify's names). */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type Charge =
  | { charged: true; available: number }
  /** Nothing was taken; the bucket holds `available`, and `cost` fits again after `retryAfterSeconds`. */
  | { charged: false; available: number; retryAfterSeconds: number };

/**
 * The leak and the charge in one statement (one round trip), atomic per row,
 * so any number of API processes share a bucket: the level is what was left
 * at `updated_at` plus what has flowed back since (at the restore rate, up to
 * the size) plus refunds this process owes the credential; the cost is taken
 * only when it fits. A new bucket starts full.
 */
const CHARGE = `
  insert into throttle_buckets as b (credential, available, updated_at, charged)
  values ($1, case when $2::float8 <= $3::float8 then $3::float8 - $2::float8 else $3::float8 end, now(), $2::float8 <= $3::float8)
  on conflict (credential) do update set
    available = case when least($3::float8, b.available + $4::float8 * extract(epoch from now() - b.updated_at)::float8 + $5::float8) >= $2::float8
      then least($3::float8, b.available + $4::float8 * extract(epoch from now() - b.updated_at)::float8 + $5::float8) - $2::float8
      else least($3::float8, b.available + $4::float8 * extract(epoch from now() - b.updated_at)::float8 + $5::float8) end,
    charged = least($3::float8, b.available + $4::float8 * extract(epoch from now() - b.updated_at)::float8 + $5::float8) >= $2::float8,
    updated_at = now()
  returning available, charged`;

/** Refunds owed to several credentials, given back in one statement (the leak up to now applied first). */
const REFUND = `
  update throttle_buckets b set
    available = least($3::float8, b.available + $4::float8 * extract(epoch from now() - b.updated_at)::float8 + r.refund),
    updated_at = now()
  from (select unnest($1::text[]) as credential, unnest($2::float8[]) as refund) r
  where b.credential = r.credential`;

export interface Throttle {
  /** Off when the bucket size is 0: every request passes, and nothing is stored. */
  enabled: boolean;
  settings: ThrottleSettings;
  charge(credential: string, cost: number): Promise<Charge>;
  /** Gives back what a request was charged above its actual cost (Shopify's refund). */
  refund(credential: string, points: number): void;
  status(available: number): ThrottleStatus;
  /** Gives back the refunds still owed; the server calls it when it stops. */
  close(): Promise<void>;
}

/**
 * Shopify's model: requested cost charged before the operation runs, the
 * difference to the actual cost refunded after it. A refund is not a second
 * round trip on the request's path: it is owed by this process, folded into
 * the credential's next charge here, and otherwise given back for every
 * credential at once a moment later (`refundDelayMs`).
 */
export function createThrottle(sql: postgres.Sql, settings: ThrottleSettings, log: Logger): Throttle {
  const owed = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  const size = settings.bucketSize;
  // At least a point a second, so every THROTTLED answer has a finite wait.
  const rate = Math.max(1, settings.restoreRate);

  async function flush(): Promise<void> {
    timer = null;
    if (owed.size === 0) return;
    const credentials = [...owed.keys()];
    const points = credentials.map((c) => owed.get(c)!);
    owed.clear();
    await sql
      .unsafe(REFUND, [credentials, points, size, rate] as never[])
      .catch((e: unknown) => log.warn({ err: e }, 'throttle refunds were not given back'));
  }

  return {
    enabled: size > 0,
    settings,
    async charge(credential, cost) {
      const refund = owed.get(credential) ?? 0;
      owed.delete(credential);
      const [row] = await sql.unsafe<{ available: number; charged: boolean }[]>(CHARGE, [
        credential,
        cost,
        size,
        rate,
        refund,
      ]);
      if (row.charged) return { charged: true, available: row.available };
      return {
        charged: false,
        available: row.available,
        retryAfterSeconds: Math.ceil(((cost - row.available) / rate) * 100) / 100,
      };
    },
    refund(credential, points) {
      if (!(points > 0)) return;
      owed.set(credential, (owed.get(credential) ?? 0) + points);
      if (!timer) {
        timer = setTimeout(() => void flush(), settings.refundDelayMs);
        timer.unref();
      }
    },
    status: (available) => ({
      maximumAvailable: size,
      currentlyAvailable: Math.max(0, Math.floor(available)),
      restoreRate: rate,
    }),
    async close() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
