import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const semver = createRequire(import.meta.url)('semver') as {
  minVersion: (range: string) => { version: string } | null;
  satisfies: (version: string, range: string) => boolean;
};

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

/**
 * `npm ci` installs exactly what package-lock.json records, and warns
 * EBADENGINE for every package whose `engines.node` (recorded in the lock) the
 * running Node does not satisfy. The oldest Node that package.json accepts
 * must satisfy all of them, and so must the Node running this test.
 */
describe('engines', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
  const oldest = semver.minVersion(pkg.engines.node)!.version;

  it.each([
    ['the oldest Node package.json accepts', oldest],
    ['the Node running the tests', process.versions.node],
  ])('every locked package supports %s (%s)', (_label, version) => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(version, (p.engines as { node: string }).node))
      .map(
        ([path, p]) =>
          `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as { node: string }).node}`,
      );
    expect(refusing).toEqual([]);
  });
});
