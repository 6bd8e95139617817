import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** A uPlot chart of the portal (a `figure.chart` that holds a canvas), by its caption. */
export function chartByTitle(page: Page, title: string): Locator {
  return page
    .locator('figure.chart')
    .filter({ has: page.locator('figcaption', { hasText: title }) })
    .filter({ has: page.locator('canvas') });
}

/**
 * How many pixels of the chart's canvas are drawn in a colour (within a
 * tolerance) and an opacity range: a line (opaque) or a band (a translucent
 * fill) really was painted, not just an empty canvas. The canvas is
 * transparent where nothing is drawn, so a fill keeps its own colour and alpha.
 */
export async function paintedPixels(
  chart: Locator,
  rgb: [number, number, number],
  alpha: [number, number] = [200, 255],
  tolerance = 24,
): Promise<number> {
  return chart.locator('canvas').evaluate(
    (c: HTMLCanvasElement, [r, g, b, lo, hi, tol]) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const a = data[i + 3];
        if (
          a >= lo &&
          a <= hi &&
          Math.abs(data[i] - r) <= tol &&
          Math.abs(data[i + 1] - g) <= tol &&
          Math.abs(data[i + 2] - b) <= tol
        )
          n++;
      }
      return n;
    },
    [...rgb, ...alpha, tolerance] as const,
  );
}

/**
 * Points the cursor at the chart's first or last period and reads the legend,
 * which uPlot fills with the values of the data point under the cursor:
 * label → value as the page writes it.
 */
export async function legendAt(page: Page, chart: Locator, where: 'first' | 'last'): Promise<Record<string, string>> {
  const over = chart.locator('.u-over');
  await over.scrollIntoViewIfNeeded();
  const box = (await over.boundingBox())!;
  expect(box.width).toBeGreaterThan(100);
  await page.mouse.move(box.x + (where === 'first' ? 1 : box.width - 1), box.y + box.height / 2);
  const read = () =>
    chart
      .locator('.u-legend .u-series')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.querySelector('.u-label')?.textContent?.trim() ?? '',
            r.querySelector('.u-value')?.textContent?.trim() ?? '',
          ]),
        ),
      );
  // The legend follows the cursor on the next animation frame.
  await expect.poll(async () => Object.values(await read()).some((v) => v !== '—' && v !== '')).toBe(true);
  return read();
}

/** The rows of the screen-reader table that follows a chart: period → values, as written. */
export async function chartTable(chart: Locator): Promise<string[][]> {
  return chart
    .locator('.sr-only tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
}
