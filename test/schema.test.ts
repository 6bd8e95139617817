import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { isObjectType } from 'graphql';
import { buildBaseSchema, printSdl } from '../src/graphql/schema.js';
import { permissionMap } from '../src/permissions/map.js';
import { END, permissionTable, START } from '../src/permissions/docs.js';

const run = promisify(execFile);

describe('the emitted schema', () => {
  it('is built the way `npm start` builds it (tsx, no decorator metadata) and matches schema/schema.graphql', async () => {
    // tsx emits no decorator metadata while vitest does: build it in a tsx process, as the server does.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'print-schema'], {
      maxBuffer: 10 * 1024 * 1024,
    });
    const committed = readFileSync('schema/schema.graphql', 'utf8');
    expect(stdout, 'schema/schema.graphql is stale: run `npm run schema:emit`').toBe(committed);
    expect(printSdl(buildBaseSchema())).toBe(committed);
  }, 60_000);

  // The contract lives beside the project (../shared); a standalone clone has none, and says so.
  const checker = '../shared/tools/check-contract.mjs';
  const hasContract = existsSync(checker) && existsSync('../shared/design/contract.graphql');
  if (!hasContract)
    console.warn(`SKIPPED the contract check: ${checker} is not beside this clone (a standalone repository)`);

  it.skipIf(!hasContract)(
    'stays compatible with the public contract (skipped in a clone without ../shared)',
    async () => {
      const { stdout } = await run(process.execPath, [checker]).catch((e) => ({ stdout: String(e.stdout) }));
      expect(stdout).toMatch(/contract: compatible/);
    },
    60_000,
  );
});

describe('the permission map', () => {
  const schema = buildBaseSchema();
  const objectTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'));

  it('gives every field of every object type an explicit rule (a type wildcard counts)', () => {
    const missing: string[] = [];
    for (const type of objectTypes) {
      if (!isObjectType(type)) continue;
      const rules = permissionMap[type.name];
      for (const field of Object.keys(type.getFields())) {
        if (!rules || (!rules[field] && !rules['*'])) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing, 'fields without a rule in src/permissions/map.ts').toEqual([]);
  });

  it('names no type or field that does not exist (no stale entries)', () => {
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(permissionMap)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(fields))
        if (field !== '*' && !type.getFields()[field]) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });

  it('is what the README visibility table says (run `npm run docs:permissions`)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(table).toBe(permissionTable());
  });
});

describe('codegen', () => {
  it('the typed operations in test/generated match schema/operations and the schema (run `npm run codegen`)', async () => {
    const { generate } = await import('@graphql-codegen/cli');
    const { default: config } = await import('../codegen.js');
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      expect(out.content, `${out.filename} is stale`).toBe(readFileSync(out.filename, 'utf8'));
    }
  }, 60_000);
});
