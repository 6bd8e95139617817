import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Track } from '../db/embedded.js';
import { connect } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { cliViewer } from './actor.js';
import { importCsv } from './csv-import.js';
import { exportOrders } from './csv-export.js';
import { IMPORT_KINDS, type ImportKindName } from './import-kinds.js';

const USAGE = `usage:
  npm run import -- <products|prices|stock|accounts> FILE.csv [--dry-run] [--partial] [--report FILE] [--as EMAIL]
  npm run export -- orders --since YYYY-MM-DD[THH:MM:SSZ] [--out FILE] [--as EMAIL]
Acts as the API key in CHANNELGRAPH_API_KEY, or as the user --as names.`;

function args(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      partial: { type: 'boolean', default: false },
      report: { type: 'string' },
      as: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
    },
  });
}

/** What the process gives a command: its logger, and where to register what must be stopped on a signal. */
export interface CommandDeps {
  log: Logger;
  track?: Track;
}

/** `import`: exit 0 when every row was written (or checked, with --dry-run), 1 when any row was refused. */
export async function importCommand(config: Config, argv: string[], { log, track }: CommandDeps): Promise<number> {
  const { values, positionals } = args(argv);
  const [kind, file] = positionals;
  if (!kind || !file || !(kind in IMPORT_KINDS)) {
    console.error(USAGE);
    return 2;
  }
  const { database, stop } = await openDatabase(config, log, { track });
  try {
    const viewer = await cliViewer(database.db, { as: values.as, apiKey: config.cliApiKey });
    const r = await importCsv(
      { db: database.db, config, log, viewer },
      {
        kind: kind as ImportKindName,
        file,
        dryRun: values['dry-run'],
        partial: values.partial,
        report: values.report,
        progress: true,
      },
    );
    const what = r.committed
      ? `${r.written} written`
      : values['dry-run'] && !r.failed
        ? 'all rows pass; nothing written (dry run)'
        : 'nothing written';
    console.log(`${kind}: ${r.rows} rows, ${what}, ${r.failed} refused${r.failed ? ` (see ${r.report})` : ''}`);
    return r.failed ? 1 : 0;
  } finally {
    await stop();
  }
}

export async function exportCommand(config: Config, argv: string[], { log, track }: CommandDeps): Promise<number> {
  const { values, positionals } = args(argv);
  const since = values.since ? new Date(values.since) : null;
  if (positionals[0] !== 'orders' || !since || Number.isNaN(since.getTime())) {
    console.error(USAGE);
    return 2;
  }
  const { database, stop } = await openDatabase(config, log, { track });
  // The rows come from the read replica when there is one (README "Scaling"); who is acting is read from the primary.
  const replica = config.databaseReadUrl
    ? connect(config.databaseReadUrl, { max: 2, prepare: config.databasePrepare, name: 'channelgraph-reports' })
    : null;
  try {
    const viewer = await cliViewer(database.db, { as: values.as, apiKey: config.cliApiKey });
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const n = await exportOrders({ db: replica?.db ?? database.db, config, log, viewer }, since, out);
    console.error(`orders: ${n} changed since ${since.toISOString()}${values.out ? ` written to ${values.out}` : ''}`);
    return 0;
  } finally {
    await replica?.close();
    await stop();
  }
}
