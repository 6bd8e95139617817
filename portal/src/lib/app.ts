import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MeQuery, PortalBrandingQuery } from '../gql/graphql';

export type Me = NonNullable<MeQuery['viewer']>;
export type PortalInfo = NonNullable<PortalBrandingQuery['portal']>;
export type Role = Me['roles'][number];

export interface AppState {
  portal: PortalInfo;
  me: Me | null;
  /** Asks the server who is signed in again (after sign-in, or to refresh the unread count). */
  refreshMe: () => void;
}

export const AppContext = createContext<AppState>(null as unknown as AppState);
export const useApp = () => useContext(AppContext);

/** ADMIN can do everything a role can. */
export function hasRole(me: Me | null, ...roles: Role[]): boolean {
  return !!me && me.roles.some((r) => r === 'ADMIN' || roles.includes(r));
}

export const isRetailer = (me: Me | null) => me?.account.tier === 'RETAILER';
export const isSelling = (me: Me | null) => !!me && me.account.tier !== 'RETAILER';
/** Anyone who buys from a seller (everyone but the brand) with an ordering role. */
export const canOrder = (me: Me | null) => !!me && me.account.tier !== 'BRAND' && hasRole(me, 'BUYER');
/** ADMIN users themselves (not "ADMIN can do everything"): administration pages. */
export const isAdmin = (me: Me | null) => !!me && me.roles.includes('ADMIN');
