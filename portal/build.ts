/**
 * Builds the portal into portal/dist unless it is already built from the same
 * sources (a hash of them is kept in dist/.source-hash). Runs from `npm
 * install` / `npm ci` (the `prepare` script), from `npm run portal:build`
 * (always builds), and from the browser tests (several test files may ask at
 * once: a lock directory makes one build and the others wait).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const stamp = join(dist, '.source-hash');
const lock = join(here, '.build-lock');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Everything the bundle is made of: sources, page, config, and the locked dependency versions. */
export function sourceHash(): string {
  const h = createHash('sha256');
  const inputs = [
    ...files(join(here, 'src')),
    join(here, 'index.html'),
    join(here, 'vite.config.ts'),
    join(here, '..', 'package-lock.json'),
  ]
    .filter((f) => existsSync(f))
    .sort();
  for (const f of inputs) h.update(relative(here, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export function isFresh(): boolean {
  return existsSync(stamp) && existsSync(join(dist, 'index.html')) && readFileSync(stamp, 'utf8') === sourceHash();
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`portal build: waited too long for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildPortal(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  return withLock(async () => {
    if (!options.force && isFresh()) return 'fresh';
    const { build } = await import('vite');
    await build({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
    writeFileSync(stamp, sourceHash());
    return 'built';
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  try {
    await import('vite');
  } catch {
    // `npm ci --omit=dev` has no Vite: the API runs, /p/ answers 503 until the portal is built.
    console.warn('portal: vite is not installed (devDependencies omitted); the portal is not built');
    process.exit(0);
  }
  const result = await buildPortal({ force });
  console.log(
    result === 'fresh' ? 'portal: dist is up to date' : `portal: built into ${relative(process.cwd(), dist)}`,
  );
}
