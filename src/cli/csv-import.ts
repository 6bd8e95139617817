import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import cliProgress from 'cli-progress';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Viewer } from '../auth/viewer.js';
import { graphAs } from './graph.js';
import { IMPORT_KINDS, type ImportKindName, type Row, type RowError } from './import-kinds.js';

export interface ImportOptions {
  kind: ImportKindName;
  file: string;
  dryRun: boolean;
  partial: boolean;
  /** Where refused rows are written (CSV: line, code, field, message); default `<file>.errors.csv`. */
  report?: string;
  progress?: boolean;
}

export interface ImportResult {
  rows: number;
  written: number;
  failed: number;
  committed: boolean;
  report: string;
}

/** Thrown to roll the whole run back (an error without --partial, or --dry-run). */
class RollBack extends Error {}

/**
 * `npm run import -- <kind> FILE.csv [--dry-run] [--partial]`: streams the
 * file (csv-parse, never the whole file in memory) in batches through the
 * graph's own mutations as the acting viewer, all in one transaction (each
 * mutation a savepoint in it). A refused row is written to the report with
 * its line; without --partial any refusal rolls everything back, with it the
 * batch is written again without the refused rows. --dry-run checks every
 * row and writes nothing.
 */
export async function importCsv(
  deps: { db: Db; config: Config; log: Logger; viewer: Viewer },
  o: ImportOptions,
): Promise<ImportResult> {
  const kind = IMPORT_KINDS[o.kind]();
  const reportPath = o.report ?? `${o.file}.errors.csv`;
  const report = stringify({ header: true, columns: ['line', 'code', 'field', 'message'] });
  const out = createWriteStream(reportPath);
  report.pipe(out);
  const size = (await stat(o.file)).size;
  const bar = o.progress
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${o.kind} [{bar}] {percentage}% | {rows} rows | {failed} refused`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(size, 0, { rows: 0, failed: 0 });
  const result: ImportResult = { rows: 0, written: 0, failed: 0, committed: false, report: reportPath };
  const input = createReadStream(o.file);
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: false,
      info: true,
      relax_column_count: false,
    }),
  );

  const fail = (rows: Row[], errors: RowError[]) => {
    for (const e of errors) {
      report.write({
        line: e.index === null ? `${rows[0]?.line ?? ''}-${rows.at(-1)?.line ?? ''}` : rows[e.index].line,
        code: e.code,
        field: e.field ?? '',
        message: e.message,
      });
    }
    const refused = errors.some((e) => e.index === null) ? rows.length : new Set(errors.map((e) => e.index)).size;
    result.failed += refused;
  };

  async function writeBatch(tx: Tx, rows: Row[]) {
    const k = {
      run: graphAs({ db: tx, config: deps.config, log: deps.log, viewer: deps.viewer }),
      db: tx,
      viewer: deps.viewer,
    };
    let batch = rows;
    for (let round = 0; batch.length; round++) {
      const { written, errors } = await kind.write(k, batch);
      if (!errors.length) {
        result.written += written;
        return;
      }
      const whole = errors.some((e) => e.index === null);
      if (!o.partial || whole || round >= 3) {
        fail(batch, errors);
        return;
      }
      // --partial: report the refused rows, write the batch again without them.
      fail(batch, errors);
      const refused = new Set(errors.map((e) => e.index));
      batch = batch.filter((_, i) => !refused.has(i));
    }
  }

  try {
    await deps.db.transaction(async (tx) => {
      let batch: Row[] = [];
      let headerChecked = false;
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        if (!headerChecked) {
          const missing = kind.required.filter((c) => !(c in record));
          if (missing.length)
            throw new Error(
              `${o.file}: the header lacks ${missing.join(', ')} (columns: ${[...kind.required, ...kind.optional].join(', ')})`,
            );
          headerChecked = true;
        }
        const row = { line: info.lines, record };
        result.rows++;
        // A batch ends at its size, but never between rows that belong together (one product's variants).
        if (batch.length >= kind.batchSize && !(kind.sameGroup && kind.sameGroup(batch.at(-1)!, row))) {
          await writeBatch(tx, batch);
          batch = [];
          bar?.update(bytes, { rows: result.rows, failed: result.failed });
        }
        batch.push(row);
      }
      if (batch.length) await writeBatch(tx, batch);
      bar?.update(size, { rows: result.rows, failed: result.failed });
      if (o.dryRun || (result.failed && !o.partial)) throw new RollBack();
    });
    result.committed = true;
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  } finally {
    bar?.stop();
    report.end();
    await once(out, 'finish');
  }
  return result;
}
