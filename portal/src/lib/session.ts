/** The signed-in token, kept in this browser until it expires or the user signs out. */
export interface Session {
  token: string;
  expiresAt: string | null;
}

const KEY = 'cg.session';
type Listener = (s: Session | null, reason: 'signed-in' | 'signed-out' | 'expired') => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

function set(s: Session | null, reason: 'signed-in' | 'signed-out' | 'expired'): void {
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l(s, reason);
}

export const signIn = (s: Session) => set(s, 'signed-in');
export const signOut = () => set(null, 'signed-out');
/** The server refused the token: forget it and ask for a new sign-in. */
export const expire = () => set(null, 'expired');

export function onSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * The same user's new token (changePassword refuses every earlier one):
 * kept quietly, since who is signed in did not change. Its expiry is read
 * from the token itself.
 */
export function replaceToken(token: string): void {
  let expiresAt: string | null = null;
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (claims.exp) expiresAt = new Date(claims.exp * 1000).toISOString();
  } catch {
    // not a JWT we can read: it lasts until the server refuses it
  }
  localStorage.setItem(KEY, JSON.stringify({ token, expiresAt } satisfies Session));
}
