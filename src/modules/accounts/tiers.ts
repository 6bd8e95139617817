import type { Tier } from './tables.js';

const RANK: Record<Tier, number> = { BRAND: 0, GENERAL_AGENT: 1, DISTRIBUTOR: 2, RETAILER: 3 };

/** A child's tier must be below its parent's (brand > agent > distributor > retailer). */
export function tierBelow(child: Tier, parent: Tier): boolean {
  return RANK[child] > RANK[parent];
}

/** Tiers that sell to a downstream and so have a territory, a portal and a service line. */
export function isSellingTier(tier: Tier): boolean {
  return tier !== 'RETAILER';
}
