import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePortalBuilt } from '../support/browser.js';
import { catalogFirstLoad } from '../../portal/size.js';

/** The budget: a first visit to the catalog downloads at most 100 kB of JavaScript (gzip). The size is deterministic, so a test holds it. */
describe('the portal bundle', () => {
  beforeAll(async () => {
    await ensurePortalBuilt();
  }, 240_000);

  it('loads the catalog with at most 100 kB of JavaScript (gzip)', () => {
    const r = catalogFirstLoad();
    console.log(
      `catalog first load: ${(r.jsGzipBytes / 1024).toFixed(1)} kB gzip in ${r.files.length} file(s); all chunks ${(r.allJsGzipBytes / 1024).toFixed(1)} kB`,
    );
    expect(r.jsGzipBytes).toBeGreaterThan(5_000); // it measured the real bundle, not an empty file
    expect(r.jsGzipBytes).toBeLessThanOrEqual(100 * 1024);
  });

  it('keeps other pages, the chart library and the recommendations out of the first load', () => {
    const r = catalogFirstLoad();
    const first = r.files.map((f) => readFileSync(join('portal/dist', f.file), 'utf8')).join('\n');
    expect(first).not.toContain('uPlot');
    const manifest = JSON.parse(readFileSync('portal/dist/.vite/manifest.json', 'utf8')) as Record<
      string,
      { file: string; isDynamicEntry?: boolean }
    >;
    const lazy = Object.entries(manifest)
      .filter(([, c]) => c.isDynamicEntry)
      .map(([k]) => k);
    for (const page of [
      'src/pages/cart.tsx',
      'src/pages/order-detail.tsx',
      'src/pages/dashboard.tsx',
      'src/pages/statements.tsx',
      'src/pages/forecast.tsx',
      'src/pages/insights.tsx',
      'src/pages/replenishment.tsx',
      'src/pages/alerts.tsx',
      'src/pages/pilots.tsx',
      'src/components/recommended.tsx',
    ])
      expect(lazy, page).toContain(page);
  });
});
