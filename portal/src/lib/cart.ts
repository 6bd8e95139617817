/**
 * The cart lives in this browser, per signed-in account. Its idempotency key
 * belongs to its exact contents: retrying the same cart (a double click, a
 * dropped connection) re-sends the same key, so the server places it once;
 * any change to the lines makes a new key; success empties the cart.
 */
export interface CartLine {
  sku: string;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
  note: string;
  idempotencyKey: string;
}

const key = (accountId: string) => `cg.cart.${accountId}`;
const listeners = new Set<() => void>();

function newKey(): string {
  return `portal-${crypto.randomUUID()}`;
}

export function readCart(accountId: string): Cart {
  try {
    const raw = localStorage.getItem(key(accountId));
    if (raw) {
      const c = JSON.parse(raw) as Cart;
      if (Array.isArray(c.lines) && typeof c.idempotencyKey === 'string') return { ...c, note: c.note ?? '' };
    }
  } catch {
    /* a broken entry is replaced below */
  }
  return { lines: [], note: '', idempotencyKey: newKey() };
}

function write(accountId: string, lines: CartLine[], note = readCart(accountId).note): Cart {
  const cart = { lines, note: lines.length ? note : '', idempotencyKey: newKey() };
  if (lines.length) localStorage.setItem(key(accountId), JSON.stringify(cart));
  else localStorage.removeItem(key(accountId));
  for (const l of listeners) l();
  return cart;
}

/** Adds quantities to the cart (merging a sku already there). */
export function addToCart(accountId: string, add: CartLine[]): Cart {
  const lines = readCart(accountId).lines.map((l) => ({ ...l }));
  for (const a of add) {
    const found = lines.find((l) => l.sku === a.sku);
    if (found) found.quantity += a.quantity;
    else lines.push({ ...a });
  }
  return write(accountId, lines);
}

export function setCartLine(accountId: string, sku: string, quantity: number): Cart {
  const lines = readCart(accountId)
    .lines.map((l) => (l.sku === sku ? { ...l, quantity } : l))
    .filter((l) => l.quantity > 0);
  return write(accountId, lines);
}

export function setCartNote(accountId: string, note: string): Cart {
  return write(accountId, readCart(accountId).lines, note);
}

export function clearCart(accountId: string): void {
  write(accountId, []);
}

export function onCart(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
