/**
 * Portal colours from the portal's primaryColor, adjusted so text stays
 * readable (WCAG AA, 4.5:1): the colour as a background gets white or dark
 * text, and as text on white it is darkened until it passes.
 */
function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export function palette(primary: string | null | undefined): { brand: string; onBrand: string; brandText: string } {
  const base = rgb(primary ?? '') ?? [10, 110, 189];
  const white: [number, number, number] = [255, 255, 255];
  let text = base;
  for (let i = 0; i < 20 && contrast(text, white) < 4.6; i++) text = [text[0] * 0.9, text[1] * 0.9, text[2] * 0.9];
  let bg = base;
  for (let i = 0; i < 20 && contrast(bg, white) < 4.6; i++) bg = [bg[0] * 0.9, bg[1] * 0.9, bg[2] * 0.9];
  return { brand: hex(bg), onBrand: '#ffffff', brandText: hex(text) };
}
