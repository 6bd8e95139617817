import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { ActionableError, describeFailure, startLifecycle, type Lifecycle } from './lifecycle.js';
import { startDatabase, seedIfEmpty } from './runtime.js';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-data.js';

const command = process.argv[2] ?? 'serve';

function banner(config: Config, port: number, seededDemo: boolean): string {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `channelgraph is up`,
    `  GraphQL   POST ${base}/graphql`,
    config.introspection ? `  GraphiQL  ${base}/graphiql` : '  GraphiQL  off (INTROSPECTION)',
    `  Health    ${base}/healthz`,
    '',
    `  Brand admin: ${config.adminEmail} / ${config.adminEmail === 'admin@qingyuan.example' && !config.adminPasswordSet ? config.adminPassword : '(ADMIN_PASSWORD)'}`,
  ];
  // Production has the demo only when SEED_DEMO=true asked for it.
  if ((seededDemo || config.seedDemo !== false) && (!config.production || config.seedDemo === true)) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const u of demoUsers.slice(0, 6))
      if (u.email !== config.adminEmail) lines.push(`    ${u.email.padEnd(40)} ${u.roles.join(', ')}`);
  }
  return lines.join('\n');
}

/** Imported while PostgreSQL initialises and starts (its own processes): loading the server is seconds of this one's CPU. */
function preload<T>(load: () => Promise<T>): Promise<T> {
  const p = load();
  p.catch(() => undefined); // awaited where it is used
  return p;
}

async function serve(config: Config, log: Logger, life: Lifecycle): Promise<void> {
  const server = preload(() => import('./server.js'));
  const tokensModule = preload(() => import('./auth/tokens.js'));
  const sla = preload(() => import('./modules/tickets/sla-worker.js'));
  const webhooks = preload(() => import('./modules/webhooks/dispatcher.js'));
  if (!config.databaseUrl) void preload(() => import('./seed/demo.js'));
  const runtime = await startDatabase(config, log, life.track);
  const seeded = await seedIfEmpty(config, runtime.database, log);
  const { createTokens, loadTokenSecret } = await tokensModule;
  const tokens = createTokens(await loadTokenSecret(config.jwtSecret, config.dataDir), config.tokenTtlSeconds);
  const { createApp } = await server;
  const app = await createApp({ config, log, database: runtime.database, tokens });
  life.track('HTTP', () => app.close());
  const port = await app.listen(config.port).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'EADDRINUSE'
      ? new ActionableError(`port ${config.port} is in use: stop what listens on it, or set PORT to another port`)
      : e;
  });
  const stopSla = (await sla).startSlaWorker(runtime.database.db, log, config.slaCheckSeconds);
  life.track('the SLA worker', async () => stopSla());
  const stopWebhooks = (await webhooks).startDispatcher({ db: runtime.database.db, config, log });
  life.track('the webhook dispatcher', () => stopWebhooks());
  life.serving();
  console.log(banner(config, port, seeded));
}

/**
 * `npm run worker`: the background work of `npm start` in a process of its
 * own (the webhook dispatcher and the SLA clock), for deployments that run
 * API processes with WEBHOOK_POLL_MS=0 and SLA_CHECK_SECONDS=0. Any number
 * of workers and API processes share the work (FOR UPDATE SKIP LOCKED).
 */
async function worker(config: Config, log: Logger, life: Lifecycle): Promise<void> {
  const { openDatabase } = await import('./db/open.js');
  const { startSlaWorker } = await import('./modules/tickets/sla-worker.js');
  const { startDispatcher } = await import('./modules/webhooks/dispatcher.js');
  const { database } = await openDatabase(config, log, { serving: true, track: life.track });
  const webhooks = { ...config, webhooks: { ...config.webhooks, pollMs: config.webhooks.pollMs || 1000 } };
  const stopSla = startSlaWorker(database.db, log, config.slaCheckSeconds || 60);
  life.track('the SLA worker', async () => stopSla());
  const stopWebhooks = startDispatcher({ db: database.db, config: webhooks, log });
  life.track('the webhook dispatcher', () => stopWebhooks());
  life.serving();
  console.log(
    `channelgraph worker is up: webhooks every ${webhooks.webhooks.pollMs} ms, SLA check every ${config.slaCheckSeconds || 60} s`,
  );
}

/** serve, migrate and seed start a database: they run under one lifecycle that stops it on every way out. */
async function withLifecycle(
  config: Config,
  work: (log: Logger, life: Lifecycle) => Promise<'serving' | 'done' | number>,
): Promise<void> {
  const log = createLogger(config.logLevel);
  const life = startLifecycle(log);
  try {
    const outcome = await work(log, life);
    if (outcome !== 'serving') await life.exit(outcome === 'done' ? 0 : outcome);
  } catch (e) {
    console.error(describeFailure(e));
    await life.exit(1);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return withLifecycle(config, async (log, life) => {
        await serve(config, log, life);
        return 'serving';
      });
    case 'worker':
      return withLifecycle(config, async (log, life) => {
        await worker(config, log, life);
        return 'serving';
      });
    case 'import':
    case 'export':
      return withLifecycle(
        { ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel },
        async (log, life) => {
          const cli = await import('./cli/commands.js');
          return (command === 'import' ? cli.importCommand : cli.exportCommand)(config, process.argv.slice(3), {
            log,
            track: life.track,
          });
        },
      );
    case 'migrate':
      return withLifecycle(config, async (log, life) => {
        await startDatabase(config, log, life.track);
        log.info('migrations applied');
        return 'done';
      });
    case 'seed':
      return withLifecycle(config, async (log, life) => {
        const runtime = await startDatabase(config, log, life.track);
        const seeded = await seedIfEmpty(config, runtime.database, log);
        console.log(seeded ? 'seeded' : 'the database is not empty: nothing seeded');
        return 'done';
      });
    case 'emit-schema': {
      const { buildBaseSchema, printSdl } = await import('./graphql/schema.js');
      await writeFile('schema/schema.graphql', printSdl(buildBaseSchema()));
      console.log('wrote schema/schema.graphql');
      return;
    }
    case 'print-schema': {
      const { buildBaseSchema, printSdl } = await import('./graphql/schema.js');
      process.stdout.write(printSdl(buildBaseSchema()));
      return;
    }
    case 'docs-permissions': {
      const { writePermissionDocs } = await import('./permissions/docs.js');
      await writePermissionDocs('README.md');
      console.log('updated the visibility table in README.md');
      return;
    }
    default:
      throw new ActionableError(
        `unknown command "${command}": serve | worker | import | export | migrate | seed | emit-schema | print-schema | docs-permissions`,
      );
  }
}

main().catch((e) => {
  console.error(describeFailure(e));
  process.exit(1);
});
