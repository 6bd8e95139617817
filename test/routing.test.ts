import { describe, expect, it } from 'vitest';
import { distanceKm, route, type Candidate } from '../src/modules/orders/routing.js';

const wh = (
  warehouseId: number,
  level: number,
  distanceKm: number | null,
  stock: Record<number, number>,
): Candidate => ({
  warehouseId,
  name: `W${warehouseId}`,
  level,
  distanceKm,
  available: new Map(Object.entries(stock).map(([k, v]) => [Number(k), v])),
});

describe('routing', () => {
  it('great-circle distance: Shenzhen to Guangzhou is about 100 km', () => {
    expect(distanceKm({ lat: 22.54, lon: 114.06 }, { lat: 23.13, lon: 113.26 })).toBeGreaterThan(95);
    expect(distanceKm({ lat: 22.54, lon: 114.06 }, { lat: 23.13, lon: 113.26 })).toBeLessThan(110);
    expect(distanceKm({ lat: 1, lon: 1 }, { lat: 1, lon: 1 })).toBe(0);
  });

  it("one warehouse that serves the whole order wins: the seller's own first, then nearest", () => {
    const r = route(
      [wh(1, 1, 5, { 10: 9 }), wh(2, 0, 50, { 10: 9 }), wh(3, 0, 20, { 10: 9 })],
      [{ variantId: 10, quantity: 4 }],
    );
    expect('allocations' in r && r.allocations.map((a) => a.warehouseId)).toEqual([3]);
  });

  it('a whole-order warehouse beats a split, even upstream', () => {
    const r = route(
      [wh(1, 0, 1, { 10: 3, 11: 5 }), wh(2, 2, 900, { 10: 9, 11: 9 })],
      [
        { variantId: 10, quantity: 4 },
        { variantId: 11, quantity: 1 },
      ],
    );
    expect('allocations' in r && r.allocations.map((a) => a.warehouseId)).toEqual([2]);
  });

  it('otherwise the fewest warehouses, and every chosen one ships something', () => {
    const cands = [
      wh(1, 0, 1, { 10: 2 }),
      wh(2, 1, 10, { 11: 5 }),
      wh(3, 2, 100, { 10: 5 }),
      wh(4, 2, 200, { 10: 5, 11: 1 }),
    ];
    const r = route(cands, [
      { variantId: 10, quantity: 5 },
      { variantId: 11, quantity: 3 },
    ]);
    if (!('allocations' in r)) throw new Error('expected a route');
    expect(r.allocations).toHaveLength(2);
    const shipped = new Map<number, number>();
    for (const a of r.allocations) {
      expect(a.lines.length).toBeGreaterThan(0);
      for (const l of a.lines) shipped.set(l.variantId, (shipped.get(l.variantId) ?? 0) + l.quantity);
    }
    expect(Object.fromEntries(shipped)).toEqual({ 10: 5, 11: 3 });
    expect(r.allocations[0].reason).toMatch(/^Split across 2 warehouses/);
  });

  it('names the lines nobody can serve', () => {
    expect(
      route(
        [wh(1, 0, 1, { 10: 2 })],
        [
          { variantId: 10, quantity: 3 },
          { variantId: 11, quantity: 1 },
        ],
      ),
    ).toEqual({
      short: [
        { variantId: 10, quantity: 3 },
        { variantId: 11, quantity: 1 },
      ],
    });
  });

  it('falls back to a greedy cover with many candidates', () => {
    const cands = Array.from({ length: 15 }, (_, i) => wh(i + 1, 1, i, { 10: 1 }));
    const r = route(cands, [{ variantId: 10, quantity: 13 }]);
    expect('allocations' in r && r.allocations).toHaveLength(13);
  });
});
