import { useEffect, useState } from 'preact/hooks';
import { LineQuoteDocument, type LineQuoteQuery } from '../gql/graphql';
import type { ApiError } from './client';
import { request } from './client';
import { toApiError } from './hooks';

export type Quote = LineQuoteQuery['variant'];

/** Asks the server about each (sku, quantity), a few at a time; null: not offered to this buyer. */
export async function quoteLines(lines: { sku: string; quantity: number }[], concurrency = 4): Promise<Quote[]> {
  const out: Quote[] = new Array(lines.length).fill(null);
  let next = 0;
  async function worker() {
    while (next < lines.length) {
      const i = next++;
      const { data } = await request(LineQuoteDocument, { sku: lines[i].sku, quantity: lines[i].quantity });
      out[i] = data.variant ?? null;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, worker));
  return out;
}

export function useQuotes(lines: { sku: string; quantity: number }[]) {
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(lines);
  useEffect(() => {
    let live = true;
    setError(null);
    if (!lines.length) {
      setQuotes([]);
      return;
    }
    quoteLines(lines).then(
      (q) => live && setQuotes(q),
      (e) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
    // The dependencies are deliberate: the key stands for the lines (an array rebuilt each render).
  }, [key, tick]);
  return { quotes, error, reload: () => setTick((t) => t + 1) };
}
