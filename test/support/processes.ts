import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** ppid of every process on the machine (Linux /proc). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      /* exited while listing */
    }
  }
  return out;
}

/** Every process below `pid` (children, their children, ...). */
export function descendants(pid: number): number[] {
  const ppid = parents();
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of ppid) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** Running, and not a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** The postmaster's pid from its lock file, or null. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

export interface Npm {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the output matches, rejects when the process exits first or after `ms`. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
}

/**
 * `npm <args>` as a terminal runs it: npm from PATH (or the one running this
 * test), in a process group of its own, so a test can signal npm alone or the
 * whole group the way a terminal's Ctrl-C does.
 */
export function runNpm(args: string[], env: Record<string, string>): Npm {
  const npmCli = process.env.npm_execpath;
  const [cmd, argv] = npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const proc = spawn(cmd, argv, {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, ms = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${out}`)), ms);
      const check = () => {
        if (pattern.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout.on('data', check);
      proc.stderr.on('data', check);
      check();
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        if (!pattern.test(out)) reject(new Error(`exited (${signal ?? code}) before ${pattern}:\n${out}`));
      });
    });
  return { proc, output: () => out, exited, waitFor };
}
