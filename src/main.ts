import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { buildBaseSchema, printSdl } from './graphql/schema.js';
import { startDatabase, seedIfEmpty } from './runtime.js';
import { createApp } from './server.js';
import { createTokens, loadTokenSecret } from './auth/tokens.js';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-data.js';
import { writePermissionDocs } from './permissions/docs.js';
import { startSlaWorker } from './modules/service/sla-worker.js';

const command = process.argv[2] ?? 'serve';

function banner(config: Config, port: number, seededDemo: boolean): string {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `channelgraph is up`,
    `  GraphQL   POST ${base}/graphql`,
    `  GraphiQL  ${base}/graphiql`,
    `  Health    ${base}/healthz`,
    '',
    `  Brand admin: ${config.adminEmail} / ${config.adminEmail === 'admin@qingyuan.example' && !process.env.ADMIN_PASSWORD ? config.adminPassword : '(ADMIN_PASSWORD)'}`,
  ];
  if (seededDemo || config.seedDemo !== false) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const u of demoUsers.slice(0, 6)) if (u.email !== config.adminEmail) lines.push(`    ${u.email.padEnd(40)} ${u.roles.join(', ')}`);
  }
  return lines.join('\n');
}

async function serve(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const runtime = await startDatabase(config, log);
  const seeded = await seedIfEmpty(config, runtime.database, log);
  const tokens = createTokens(await loadTokenSecret(config.jwtSecret, config.dataDir), config.tokenTtlSeconds);
  const app = await createApp({ config, log, database: runtime.database, tokens });
  const port = await app.listen(config.port);
  const stopSla = startSlaWorker(runtime.database.db, log, config.slaCheckSeconds);
  console.log(banner(config, port, seeded));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests, closing the database');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15000);
    force.unref();
    stopSla();
    await app.close().catch((e) => log.error({ err: e }, 'closing HTTP'));
    await runtime.stop().catch((e) => log.error({ err: e }, 'stopping the database'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const log = createLogger(config.logLevel);
      const runtime = await startDatabase(config, log);
      log.info('migrations applied');
      await runtime.stop();
      return;
    }
    case 'seed': {
      const log = createLogger(config.logLevel);
      const runtime = await startDatabase(config, log);
      const seeded = await seedIfEmpty({ ...config, seedDemo: config.seedDemo ?? true }, runtime.database, log);
      console.log(seeded ? 'seeded' : 'the database is not empty: nothing seeded');
      await runtime.stop();
      return;
    }
    case 'emit-schema':
      await writeFile('schema/schema.graphql', printSdl(buildBaseSchema()));
      console.log('wrote schema/schema.graphql');
      return;
    case 'print-schema':
      process.stdout.write(printSdl(buildBaseSchema()));
      return;
    case 'docs-permissions':
      await writePermissionDocs('README.md');
      console.log('updated the visibility table in README.md');
      return;
    default:
      throw new Error(`unknown command "${command}": serve | migrate | seed | emit-schema | print-schema | docs-permissions`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
