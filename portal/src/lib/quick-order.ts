/** One pasted line of a quick order, before the server has been asked about it. */
export interface ParsedLine {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  sku: string | null;
  quantity: number | null;
  error: { key: 'errBadLine' | 'errBadQuantity' | 'errDuplicate'; n?: number } | null;
}

/**
 * Parses `sku quantity` lines (space, comma, tab or semicolon separated, as
 * pasted from a spreadsheet). Blank lines are skipped; each line keeps its
 * number so errors can point at it.
 */
export function parseQuickOrder(text: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const line = i + 1;
    const parts = trimmed.split(/[\s,;，；]+/).filter(Boolean);
    if (parts.length !== 2) {
      out.push({ line, text: trimmed, sku: parts[0] ?? null, quantity: null, error: { key: 'errBadLine' } });
      return;
    }
    const [sku, q] = parts;
    const quantity = /^\d+$/.test(q) ? Number(q) : NaN;
    if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > 100000) {
      out.push({ line, text: trimmed, sku, quantity: null, error: { key: 'errBadQuantity' } });
      return;
    }
    const key = sku.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ line, text: trimmed, sku, quantity, error: { key: 'errDuplicate', n: first } });
      return;
    }
    seen.set(key, line);
    out.push({ line, text: trimmed, sku, quantity, error: null });
  });
  return out;
}

/** The order rules of a variant, checked before the server re-checks them. */
export function quantityRule(
  quantity: number,
  min: number,
  increment: number,
): { key: 'errMin' | 'errIncrement'; n: number } | null {
  if (quantity < min) return { key: 'errMin', n: min };
  if (increment > 1 && quantity % increment !== 0) return { key: 'errIncrement', n: increment };
  return null;
}
