import { isRegionCode } from './regions.js';
import { region, type Region } from './types.js';

/** An address as it is stored: an account's, a warehouse's, an order's ship-to. */
export interface AddressParts {
  line1: string;
  city: string | null;
  regionCode: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** An `Address` as the graph answers it. */
export interface AddressValue extends AddressParts {
  region: Region | null;
}

/** The whole address, with the region its code names (null for a code that is not GB/T 2260). */
export function addressValue(parts: AddressParts): AddressValue {
  return { ...parts, region: isRegionCode(parts.regionCode) ? region(parts.regionCode) : null };
}

/**
 * The address for those who may see where, not exactly where (V4, and a
 * warehouse outside the viewer's subtree): its city and region, `line1`
 * naming the city (or region); no street, postal code or coordinates.
 */
export function cityOnly(city: string | null, regionCode: string): AddressValue {
  const r = isRegionCode(regionCode) ? region(regionCode) : null;
  return {
    line1: city ?? r?.name ?? regionCode,
    city,
    regionCode,
    region: r,
    postalCode: null,
    latitude: null,
    longitude: null,
  };
}
