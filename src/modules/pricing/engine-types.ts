/**
 * Inputs and outputs of the pricing engine (`resolvePrice` in engine.ts): plain
 * data, loaded in bulk beforehand, so pricing is pure, batchable and testable.
 * Money is integer minor units (fen) as bigint.
 */
export type Tier = 'BRAND' | 'GENERAL_AGENT' | 'DISTRIBUTOR' | 'RETAILER';

export interface BuyerFacts {
  accountId: number;
  tier: Tier;
  /** GB/T 2260 code of the buyer's address, or null when it has none. */
  regionCode: string | null;
}

export interface VariantFacts {
  variantId: number;
  sku: string;
  categoryId: number | null;
}

/** How a price list is assigned. All null: the seller's default (unassigned) list. */
export interface AssignmentFacts {
  accountId: number | null;
  /** Covers its subdivisions: 440000 covers 440300 and 440304. */
  regionCode: string | null;
  tier: Tier | null;
}

export interface PriceListFacts {
  id: number;
  name: string;
  priority: number;
  validFrom: Date | null;
  /** Exclusive. */
  validTo: Date | null;
  /** Empty: unassigned (the default list). */
  assignments: AssignmentFacts[];
  /** Entries for the variants being priced (others may be absent). */
  entries: { variantId: number; minQuantity: number; price: bigint }[];
}

export interface PromotionFacts {
  id: number;
  name: string;
  kind: 'PERCENT_OFF' | 'AMOUNT_OFF';
  /** PERCENT_OFF: basis points (1000 = 10%); AMOUNT_OFF: minor units off the unit price. */
  value: bigint;
  validFrom: Date | null;
  validTo: Date | null;
  stackable: boolean;
  /** Empty arrays mean "any". */
  tiers: Tier[];
  regionCodes: string[];
  accountIds: number[];
  variantIds: number[];
  categoryIds: number[];
}

export interface PricingData {
  /** The seller's price lists (the buyer's parent), active or not. */
  lists: PriceListFacts[];
  /** The seller's promotions, active or not. */
  promotions: PromotionFacts[];
  /** Floors by variant id for the buyer's tier. */
  floors: Map<number, bigint>;
}

export const PRICE_STEP_KINDS = ['LIST', 'QUANTITY_BREAK', 'PROMOTION', 'FLOOR'] as const;
export type PriceStepKind = (typeof PRICE_STEP_KINDS)[number];

/** One step; `amount` is the signed change it made, so the final amount is the sum of the steps. */
export interface PriceStepValue {
  kind: PriceStepKind;
  description: string;
  amount: bigint;
}

export interface PriceResult {
  /** Unit price after promotions and the floor. */
  amount: bigint;
  /** Unit price from the winning list entry (quantity break included), before promotions. */
  listPrice: bigint;
  quantity: number;
  floorApplied: boolean;
  steps: PriceStepValue[];
  priceListId: number;
  promotionIds: number[];
}
