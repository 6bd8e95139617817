/**
 * Compiles the server (src/) to plain JavaScript in build/, so `npm start`
 * runs `node build/main.js` instead of transpiling TypeScript through tsx's
 * loader at every start. The same transform tsx applies (esbuild, the
 * tsconfig's legacy decorators, no decorator metadata), one file per source
 * file at the same depth as src/ (paths built from `import.meta.url` stay
 * right); other files of src/ (the region table) are copied.
 *
 *   npx tsx scripts/build-server.ts          build when a source is newer than the build
 *   npx tsx scripts/build-server.ts --force  build anyway (--quiet: print nothing)
 *
 * `npm install` runs it (`prepare`), and `npm start` runs it first: a no-op
 * when build/ is fresh (a stat of each source), about a second otherwise.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
export const BUILD_DIR = join(ROOT, 'build');
const STAMP = join(BUILD_DIR, '.built');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** build/ is fresh when its stamp is newer than every file of src/, tsconfig.json and package.json. */
export function buildIsFresh(): boolean {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return [...files(SRC), join(ROOT, 'tsconfig.json'), join(ROOT, 'package.json')].every(
    (f) => statSync(f).mtimeMs <= built,
  );
}

/**
 * Builds into a directory of its own, then swaps it in: a server started
 * from build/ meanwhile (tests start several at once) never sees half a build.
 */
export async function buildServer(force = false): Promise<boolean> {
  if (!force && buildIsFresh()) return false;
  const all = files(SRC);
  const next = `${BUILD_DIR}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  await build({
    entryPoints: all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: next,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const f of all.filter((f) => !f.endsWith('.ts'))) {
    const to = join(next, relative(SRC, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  writeFileSync(join(next, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  const old = `${BUILD_DIR}.${process.pid}.old`;
  if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, old);
  renameSync(next, BUILD_DIR);
  rmSync(old, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const t = Date.now();
  const built = await buildServer(process.argv.includes('--force'));
  // Quiet under `npm start`, whose output is the server's own.
  if (!process.argv.includes('--quiet'))
    console.log(built ? `server: built into build/ in ${Date.now() - t} ms` : 'server: build/ is up to date');
}
