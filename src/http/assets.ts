import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoAccount } from '../seed/demo-data.js';
import type { DemoCategory, DemoProduct } from '../seed/demo-catalog.js';

/**
 * The demo's `/assets/...` URLs (portal logos, product images, spec sheets,
 * installation videos), served by the server itself: nothing is fetched from
 * anywhere else. Logos and product images are SVG drawn from the demo data,
 * spec sheets are small PDFs written here, and every installation video is
 * one 6-second, 8 KB clip shipped in assets/, made once with
 *   ffmpeg -f lavfi -i color=c=0x0a6ebd:s=320x180:d=6:r=10 -vf drawtext=... (three
 *   captioned steps) -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 36 -movflags +faststart -an
 */
interface Asset {
  body: Buffer;
  type: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function logoSvg(displayName: string, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="96" viewBox="0 0 320 96" role="img" aria-label="${xml(displayName)}">
  <rect width="320" height="96" rx="12" fill="#fff"/>
  <circle cx="48" cy="48" r="36" fill="${xml(color)}"/>
  <path d="M48 22c10 14 16 23 16 31a16 16 0 0 1-32 0c0-8 6-17 16-31z" fill="#fff"/>
  <text x="96" y="55" font-family="sans-serif" font-size="17" font-weight="600" fill="${xml(color)}">${xml(displayName)}</text>
</svg>
`;
}

const CATEGORY_COLOR: Record<string, string> = {
  purifiers: '#0a6ebd',
  filters: '#2e8b57',
  dispensers: '#c2571a',
  'whole-house': '#4b5bb5',
  kitchen: '#a83262',
  accessories: '#5f6b73',
};

/** A simple drawing of the kind of appliance, in the category's colour. */
function applianceShape(top: string, color: string): string {
  switch (top) {
    case 'filters':
      return `<rect x="190" y="110" width="100" height="220" rx="18" fill="${color}"/><ellipse cx="240" cy="110" rx="50" ry="14" fill="#fff" opacity=".5"/>`;
    case 'dispensers':
      return `<rect x="170" y="80" width="140" height="270" rx="14" fill="${color}"/><rect x="200" y="200" width="80" height="60" rx="6" fill="#fff" opacity=".6"/><rect x="232" y="188" width="16" height="22" fill="#333"/>`;
    case 'whole-house':
      return `<rect x="120" y="120" width="90" height="230" rx="40" fill="${color}"/><rect x="270" y="120" width="90" height="230" rx="40" fill="${color}" opacity=".7"/><rect x="200" y="160" width="80" height="14" fill="#888"/>`;
    case 'kitchen':
      return `<rect x="150" y="110" width="180" height="200" rx="16" fill="${color}"/><circle cx="240" cy="190" r="36" fill="#fff" opacity=".6"/><circle cx="240" cy="190" r="8" fill="#333"/>`;
    case 'accessories':
      return `<circle cx="240" cy="220" r="80" fill="none" stroke="${color}" stroke-width="22"/><rect x="228" y="120" width="24" height="60" fill="${color}"/>`;
    default: // purifiers: an under-sink unit and its faucet
      return `<rect x="150" y="170" width="180" height="180" rx="16" fill="${color}"/><path d="M240 170v-90h50v24" fill="none" stroke="#777" stroke-width="12" stroke-linecap="round"/><circle cx="240" cy="260" r="26" fill="#fff" opacity=".6"/>`;
  }
}

/** Demo names are "中文名 English name": split where the English words begin. */
function nameParts(name: string): { zh: string; en: string } {
  const i = name.search(/\s(?=[A-Z][a-z])/);
  return i < 0 ? { zh: name, en: '' } : { zh: name.slice(0, i), en: name.slice(i + 1) };
}

/** A font size at which `text` fits `width` pixels (CJK glyphs are about 1 em wide, Latin about 0.55). */
function fitting(text: string, width: number, max: number): number {
  const ems = [...text].reduce((n, c) => n + (/[\u2e80-\uffff]/.test(c) ? 1 : 0.56), 0);
  return Math.max(9, Math.min(max, Math.floor(width / Math.max(ems, 1))));
}

function productSvg(p: DemoProduct, topOf: Map<string, string>): string {
  const top = topOf.get(p.categoryKey) ?? 'accessories';
  const color = CATEGORY_COLOR[top] ?? '#5f6b73';
  const { zh, en } = nameParts(p.name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480" role="img" aria-label="${xml(p.name)}">
  <rect width="480" height="480" fill="#f4f7fa"/>
  ${applianceShape(top, color)}
  <text x="240" y="400" font-family="sans-serif" font-size="${fitting(zh, 440, 22)}" font-weight="600" fill="#222" text-anchor="middle">${xml(zh)}</text>
  <text x="240" y="428" font-family="sans-serif" font-size="${fitting(en, 440, 16)}" fill="#444" text-anchor="middle">${xml(en)}</text>
  <text x="240" y="456" font-family="monospace" font-size="14" fill="#777" text-anchor="middle">${xml(p.code)}</text>
</svg>
`;
}

/** PDF's standard fonts know no Chinese: the spec sheet keeps the Latin part of each text (µ is in WinAnsi). */
const latin = (s: string) =>
  s
    .replace(/\u03bc/g, '\u00b5')
    .replace(/[^\x20-\x7e\u00b5]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const pdfText = (s: string) => latin(s).replace(/[\\()]/g, (c) => `\\${c}`);

/** A one-page PDF 1.4 spec sheet (Helvetica, no images), with a correct cross-reference table. */
export function specSheetPdf(p: DemoProduct): Buffer {
  const lines: [size: number, text: string][] = [
    [20, 'Qingyuan Water - specification sheet'],
    [14, nameParts(p.name).en || p.name],
    [11, `Product code ${p.code}`],
    [11, ''],
    ...p.attributes.map((a) => [11, `${latin(a.name) || 'Attribute'}: ${latin(a.value)}`] as [number, string]),
    [11, ''],
    ...p.variants.map(
      (v) =>
        [11, `SKU ${v.sku}  ${latin(v.name)}  suggested retail price CNY ${v.suggestedRetailPrice}`] as [
          number,
          string,
        ],
    ),
    [9, ''],
    [9, 'Demo data of channelgraph: not a real product.'],
  ];
  let y = 800;
  const content = lines
    .map(([size, text]) => {
      y -= size + 8;
      return `BT /F1 ${size} Tf 56 ${y} Td (${pdfText(text)}) Tj ET`;
    })
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const VIDEO_FILE = fileURLToPath(new URL('../../assets/install-demo.mp4', import.meta.url));
let video: Buffer | null = null;

interface DemoIndex {
  logos: Map<string, DemoAccount>;
  products: Map<string, DemoProduct>;
  topOf: Map<string, string>;
}
let index: Promise<DemoIndex> | null = null;

/** The demo data is loaded on the first asset asked for, not when the server starts. */
function demoIndex(): Promise<DemoIndex> {
  index ??= Promise.all([import('../seed/demo-data.js'), import('../seed/demo-catalog.js')]).then(
    ([{ demoAccounts }, { demoCategories, demoProducts }]) => ({
      logos: new Map(demoAccounts.filter((a) => a.portal?.logoUrl).map((a) => [a.portal!.logoUrl!, a])),
      products: new Map(demoProducts.map((p) => [p.code, p])),
      topOf: new Map(demoCategories.map((c: DemoCategory) => [c.key, c.parentKey ?? c.key])),
    }),
  );
  return index;
}

/** The asset at a URL path, or null. Generated on request and cached: they are few and small. */
export async function assetAt(path: string): Promise<Asset | null> {
  const { logos, products, topOf } = await demoIndex();
  const account = logos.get(path);
  if (account?.portal) {
    return {
      body: Buffer.from(logoSvg(account.portal.displayName, account.portal.primaryColor)),
      type: 'image/svg+xml',
    };
  }
  let m = /^\/assets\/products\/([\w-]+)\.svg$/.exec(path);
  if (m && products.has(m[1]))
    return { body: Buffer.from(productSvg(products.get(m[1])!, topOf)), type: 'image/svg+xml' };
  m = /^\/assets\/docs\/([\w-]+)-spec\.pdf$/.exec(path);
  if (m && products.has(m[1])) return { body: specSheetPdf(products.get(m[1])!), type: 'application/pdf' };
  m = /^\/assets\/videos\/([\w-]+)-install\.mp4$/.exec(path);
  if (m && products.has(m[1])) return { body: (video ??= readFileSync(VIDEO_FILE)), type: 'video/mp4' };
  return null;
}

const cache = new Map<string, { asset: Asset; etag: string }>();

/** Answers GET and HEAD for /assets/...; false when there is no such asset (the caller answers 404). */
export async function serveAsset(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  let hit = cache.get(path);
  if (!hit) {
    const asset = await assetAt(path);
    if (!asset) return false; // unknown paths are not remembered: the cache holds only the demo's few hundred
    hit = { asset, etag: `"${createHash('sha1').update(asset.body).digest('base64url')}"` };
    cache.set(path, hit);
  }
  if (req.headers['if-none-match'] === hit.etag) {
    res.writeHead(304, { etag: hit.etag });
    res.end();
    return true;
  }
  res.writeHead(200, {
    'content-type': hit.asset.type,
    'content-length': hit.asset.body.length,
    'cache-control': 'public, max-age=86400',
    etag: hit.etag,
  });
  res.end(req.method === 'HEAD' ? undefined : hit.asset.body);
  return true;
}
