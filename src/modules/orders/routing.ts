/**
 * Stock routing, pure: given what each candidate warehouse has, choose where
 * each line ships from. One warehouse that serves the whole order wins,
 * preferring the seller's own (then its upstream), nearest first; otherwise
 * the fewest warehouses that together can.
 */
export interface Candidate {
  warehouseId: number;
  name: string;
  /** 0: the seller's own; 1: its seller's; and so on up to the brand. */
  level: number;
  distanceKm: number | null;
  /** Units available per variant. */
  available: Map<number, number>;
}

export interface Need {
  variantId: number;
  quantity: number;
}

export interface Allocation {
  warehouseId: number;
  lines: { variantId: number; quantity: number }[];
  reason: string;
}

const EARTH_KM = 6371;

/** Great-circle distance (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function preference(a: Candidate, b: Candidate): number {
  return a.level - b.level || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.warehouseId - b.warehouseId;
}

const LEVEL = ["the seller's own warehouse", "its seller's warehouse"];
function describe(c: Candidate): string {
  const whose = LEVEL[c.level] ?? 'an upstream warehouse';
  const far = c.distanceKm === null ? 'distance unknown' : `${Math.round(c.distanceKm)} km away`;
  return `${c.name} (${whose}, ${far})`;
}

function canServe(c: Candidate, needs: Need[]): boolean {
  return needs.every((n) => (c.available.get(n.variantId) ?? 0) >= n.quantity);
}

function* combinations<T>(items: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++)
    yield* combinations(items, k, i + 1, [...acc, items[i]]);
}

/** Fills each line from the warehouses in preference order; null if they cannot cover it. */
function allocate(set: Candidate[], needs: Need[]): Map<number, { variantId: number; quantity: number }[]> | null {
  const out = new Map<number, { variantId: number; quantity: number }[]>();
  for (const n of needs) {
    let left = n.quantity;
    for (const c of set) {
      const take = Math.min(left, c.available.get(n.variantId) ?? 0);
      if (take > 0) {
        out.set(c.warehouseId, [...(out.get(c.warehouseId) ?? []), { variantId: n.variantId, quantity: take }]);
        left -= take;
      }
      if (left === 0) break;
    }
    if (left > 0) return null;
  }
  return out;
}

const EXACT_LIMIT = 12;

/** The routing, or the lines that no combination of candidates can serve. */
export function route(candidates: Candidate[], needs: Need[]): { allocations: Allocation[] } | { short: Need[] } {
  const sorted = [...candidates].sort(preference);
  const short = needs.filter(
    (n) => sorted.reduce((sum, c) => sum + (c.available.get(n.variantId) ?? 0), 0) < n.quantity,
  );
  if (short.length) return { short };

  const whole = sorted.find((c) => canServe(c, needs));
  if (whole) {
    return {
      allocations: [
        {
          warehouseId: whole.warehouseId,
          lines: needs.map((n) => ({ ...n })),
          reason: `Whole order from ${describe(whole)}`,
        },
      ],
    };
  }
  const explain = (set: Candidate[]) => (c: Candidate) =>
    `Split across ${set.length} warehouses (no single warehouse covering the ship-to region had everything); this part from ${describe(c)}`;
  if (sorted.length <= EXACT_LIMIT) {
    for (let k = 2; k <= sorted.length; k++) {
      for (const set of combinations(sorted, k)) {
        const plan = allocate(set, needs);
        if (plan && plan.size === k)
          return {
            allocations: set.map((c) => ({
              warehouseId: c.warehouseId,
              lines: plan.get(c.warehouseId)!,
              reason: explain(set)(c),
            })),
          };
      }
    }
  }
  // Many candidates: greedy, the warehouse that covers most of what is left first.
  const left = new Map(needs.map((n) => [n.variantId, n.quantity]));
  const chosen: Candidate[] = [];
  while ([...left.values()].some((q) => q > 0)) {
    const best = sorted
      .filter((c) => !chosen.includes(c))
      .map((c) => ({ c, covers: [...left].reduce((s, [v, q]) => s + Math.min(q, c.available.get(v) ?? 0), 0) }))
      .sort((a, b) => b.covers - a.covers || preference(a.c, b.c))[0];
    chosen.push(best.c);
    for (const [v, q] of left) left.set(v, q - Math.min(q, best.c.available.get(v) ?? 0));
  }
  const ordered = chosen.sort(preference);
  const plan = allocate(ordered, needs)!;
  const used = ordered.filter((c) => plan.has(c.warehouseId));
  return {
    allocations: used.map((c) => ({
      warehouseId: c.warehouseId,
      lines: plan.get(c.warehouseId)!,
      reason: explain(used)(c),
    })),
  };
}
