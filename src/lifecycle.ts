import type { Logger } from './logger.js';

/** A failure the user can act on: printed as its one-line message, without a stack. */
export class ActionableError extends Error {}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNALS;

/** The same Ctrl-C reaches node twice under npm: from the terminal and forwarded by npm. */
const REPEAT_WINDOW_MS = 1500;
const STOP_BUDGET_MS = 30_000;
const PARENT_POLL_MS = 500;

export interface Lifecycle {
  /**
   * Something to stop on the way out: `stop` runs in reverse order of
   * registration, `kill` (synchronous) only when the process must exit at once.
   * Returns a function that takes it off again.
   */
  track: (name: string, stop: () => Promise<void>, kill?: () => void) => () => void;
  /** The command is now serving: a stop asked for from here on is a clean exit (0). */
  serving: () => void;
  /** Stops everything tracked, then exits with `code` (1 if stopping failed). */
  exit: (code: number) => Promise<never>;
}

interface Tracked {
  name: string;
  stop: () => Promise<void>;
  kill?: () => void;
}

/**
 * One owner for a command's exit: SIGINT, SIGTERM and SIGHUP, the death of
 * the parent process (npm killed with SIGKILL, a closed terminal), uncaught
 * errors and the command's own end all go through `exit`, which stops what
 * the command started (HTTP, pool, PostgreSQL) in reverse order and exits with
 * a code that tells the truth: 0 for a clean stop of a serving process or a
 * command that finished, 128 + the signal for a command interrupted before it
 * was done, 1 for a failure. A second signal (after the first's echo) or a
 * stop that takes too long kills what is left and exits 1.
 */
export function startLifecycle(log: Logger, options: { parentPid?: number } = {}): Lifecycle {
  const tracked: Tracked[] = [];
  let isServing = false;
  let exiting: Promise<never> | null = null;
  let firstSignalAt = 0;

  const killAll = () => {
    for (const t of [...tracked].reverse()) {
      try {
        t.kill?.();
      } catch {
        /* already gone */
      }
    }
  };

  const exit = (code: number): Promise<never> => {
    exiting ??= (async () => {
      const budget = setTimeout(() => {
        log.error(`stopping took longer than ${STOP_BUDGET_MS / 1000} s: killing what is left`);
        killAll();
        process.exit(1);
      }, STOP_BUDGET_MS);
      budget.unref();
      let failed = false;
      for (const t of [...tracked].reverse()) {
        try {
          await t.stop();
        } catch (e) {
          failed = true;
          log.error({ err: e }, `stopping ${t.name} failed`);
        }
      }
      const final = failed && code === 0 ? 1 : code;
      if (final !== 1) log.info({ code: final }, 'stopped');
      process.exit(final);
    })();
    return exiting;
  };

  const onSignal = (signal: StopSignal) => {
    const now = Date.now();
    if (exiting) {
      if (now - firstSignalAt < REPEAT_WINDOW_MS) return;
      log.warn({ signal }, 'second signal: killing what is left and exiting now');
      killAll();
      process.exit(1);
    }
    firstSignalAt = now;
    log.info(
      { signal },
      isServing ? 'shutting down: draining requests, closing the database' : 'interrupted: stopping what was started',
    );
    void exit(isServing ? 0 : 128 + SIGNALS[signal]);
  };
  for (const signal of Object.keys(SIGNALS) as StopSignal[]) process.on(signal, () => onSignal(signal));

  // A parent that dies without passing a signal on (npm or a shell killed with SIGKILL) re-parents
  // this process; it would otherwise serve, and keep PostgreSQL running, with nobody to stop it.
  const parent = options.parentPid ?? process.ppid;
  if (parent > 1) {
    const watch = setInterval(() => {
      if (process.ppid === parent || exiting) return;
      clearInterval(watch);
      log.warn({ parent }, 'the parent process is gone: stopping');
      void exit(isServing ? 0 : 128 + SIGNALS.SIGHUP);
    }, PARENT_POLL_MS);
    watch.unref();
  }

  const fatal = (kind: string) => (e: unknown) => {
    log.fatal({ err: e }, kind);
    void exit(1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled promise rejection'));

  return {
    track(name, stop, kill) {
      const entry: Tracked = { name, stop, kill };
      tracked.push(entry);
      return () => {
        const i = tracked.indexOf(entry);
        if (i >= 0) tracked.splice(i, 1);
      };
    },
    serving: () => void (isServing = true),
    exit,
  };
}

/** What a user sees of an error that ends a command: one line for actionable ones, the stack for anything unexpected. */
export function describeFailure(e: unknown): string {
  if (e instanceof ActionableError) return `channelgraph: ${e.message}`;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
