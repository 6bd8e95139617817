/**
 * The JavaScript a first visit to the catalog downloads: the entry chunk that
 * index.html loads and every chunk it imports statically (pages opened later
 * come in their own chunks and are not counted), gzip-compressed as the server
 * sends them. `npm run portal:size` prints it; test/portal-size.test.ts holds
 * it to the budget.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface FirstLoad {
  files: { file: string; bytes: number; gzip: number }[];
  jsGzipBytes: number;
  /** Every chunk in the build, for reports. */
  allJsGzipBytes: number;
}

export function catalogFirstLoad(dist = join(dirname(fileURLToPath(import.meta.url)), 'dist')): FirstLoad {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry chunk in the manifest');
  if (!html.includes(manifest[entryKey].file)) throw new Error('index.html does not load the entry chunk');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
  };
  visit(entryKey);
  const measure = (file: string) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const files = [...seen].map((k) => measure(manifest[k].file));
  const all = Object.values(manifest)
    .filter((c) => c.file.endsWith('.js'))
    .map((c) => measure(c.file));
  return {
    files,
    jsGzipBytes: files.reduce((s, f) => s + f.gzip, 0),
    allJsGzipBytes: all.reduce((s, f) => s + f.gzip, 0),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = catalogFirstLoad();
  for (const f of r.files)
    console.log(`${f.file}  ${(f.bytes / 1024).toFixed(1)} kB  gzip ${(f.gzip / 1024).toFixed(1)} kB`);
  console.log(
    `catalog first load: ${(r.jsGzipBytes / 1024).toFixed(1)} kB of JavaScript (gzip); every chunk together: ${(r.allJsGzipBytes / 1024).toFixed(1)} kB`,
  );
}
