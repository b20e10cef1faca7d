import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { runVigil, VIGIL_BIN, vigilEnv } from '../testing/cli.js';
import { databaseSnapshot } from '../testing/db-snapshot.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCsv } from '../testing/table-files.js';
import { LIST_V1, LIST_V2, listMapping } from '../testing/table-import.js';
import { importTableCommand } from './commands/import-table.js';

describeEachEngine('vigil import-table', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-import-table-'));
  const file = (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const vigil = (...args: string[]) => runVigil([...args, '--db', db().url]);
  let v1 = '';
  let v2 = '';
  before(() => {
    v1 = file('list-v1.csv', buildCsv(LIST_V1, { delimiter: ';', encoding: 'windows-1251' }));
    v2 = file('list-v2.csv', buildCsv(LIST_V2, { delimiter: ';' }));
  });

  test('saves a mapping from a file and lists it', () => {
    assert.equal(runVigil(['import-table', '--help']).code, 0);
    const mappingFile = file('mapping.json', JSON.stringify(listMapping()));
    const saved = vigil('import-table', '--save-mapping', 'hotline', mappingFile);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /mapping "hotline" saved/);
    const listed = vigil('import-table', '--list-mappings');
    assert.match(listed.stdout, /^hotline\t\(list "hotline-list", version 1\)$/m);
  });

  test('a dry run prints a line per row and writes nothing; the import then creates the men', async () => {
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    const dry = vigil('import-table', v1, '--mapping', 'hotline', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^row 2: created — Кашин Алексей Петрович$/m);
    assert.match(dry.stdout, /windows-1251, separator ";"/);
    assert.match(dry.stdout, /dry run: nothing was written/);
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
    const done = vigil('import-table', v1, '--mapping', 'hotline');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /4 rows: 4 created/);
    assert.match(done.stdout, /imported as [0-9A-Z]{26}, source [0-9A-Z]{26}/);
  });

  test('the next version reports its updates, new rows and absent rows; --json gives the report', () => {
    const text = vigil('import-table', v2, '--mapping', 'hotline', '--dry-run');
    assert.match(
      text.stdout,
      /^row 2: updated — Кашин Алексей Петрович: lastContact: 2022-10-20 → 2023-02-06; statusHistory: released 2023-02-05 at Зайцеве \(\S+ Oblast\)$/m,
    );
    assert.match(text.stdout, /^ {2}row 4 of the earlier import: Sorokin Stanislav \([0-9A-Z]{26}\)$/m);
    const json = vigil(
      'import-table',
      v2,
      '--mapping',
      file('m.json', JSON.stringify(listMapping())),
      '--json',
    );
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.summary, {
      rows: 4,
      created: 1,
      updated: 2,
      unchanged: 1,
      ambiguous: 0,
      invalid: 0,
      conflict: 0,
      absent: 1,
    });
  });

  test('exits 2 for invalid rows, a malformed file or an unknown mapping, with the reason', () => {
    const bad = file('bad.csv', buildCsv([LIST_V1[0], ['900', 'Гусев Антон', '31.02.1990']]));
    const invalid = vigil('import-table', bad, '--mapping', 'hotline', '--dry-run');
    assert.equal(invalid.code, 2);
    assert.match(
      invalid.stdout,
      /^row 2: invalid — Гусев Антон: column 'Дата рождения': '31\.02\.1990' is not a date$/m,
    );
    const malformed = vigil('import-table', file('x.csv', 'a;b\n"open;c\n'), '--mapping', 'hotline');
    assert.equal(malformed.code, 2);
    assert.match(
      malformed.stderr,
      /^vigil import-table: the CSV has a quote in row 2 that is never closed\n$/,
    );
    const unknown = vigil('import-table', v1, '--mapping', 'no-such-mapping');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /"no-such-mapping" is neither a mapping file nor a saved mapping/);
    assert.equal(vigil('import-table', '--mapping', 'hotline').code, 2);
    const large = file('large.csv', buildCsv([LIST_V1[0], ...Array.from({ length: 30 }, () => LIST_V1[1])]));
    const big = runVigil(['import-table', large, '--mapping', 'hotline', '--db', db().url], {
      VIGIL_UPLOAD_LIMIT: '1024',
    });
    assert.equal(big.code, 2);
    assert.match(big.stderr, /larger than/);
  });

  test('killed in the middle of its transaction, an import leaves nothing behind', async () => {
    const rows = [
      LIST_V1[0],
      ...Array.from({ length: 40 }, (_, i) => [
        '',
        `Новый Человек${String.fromCharCode(1072 + (i % 26))}${i}`,
        '1990',
      ]),
    ];
    const table = file('kill.csv', buildCsv(rows));
    const mapping = file('kill.json', JSON.stringify({ ...listMapping(false), system: 'kill-drill' }));
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    const child = spawn(
      process.execPath,
      [VIGIL_BIN, 'import-table', table, '--mapping', mapping, '--db', db().url],
      {
        env: vigilEnv({ VIGIL_JOB_PAUSE_MS: '60000' }),
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; !(await writing()); i++) {
      assert.ok(i < 400, 'the import never started writing');
      await sleep(100);
    }
    child.kill('SIGKILL');
    await exited;
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
  });

  test('on a terminal a status line shows the planning and the apply in percent, rows/s and time left', async () => {
    const rows = [
      ['Name'],
      ...Array.from({ length: 600 }, (_, i) => [`Прогресс${i.toString(36)} Строкин${(i * 7).toString(36)}`]),
    ];
    const table = file('progress.csv', buildCsv(rows));
    const mapping = file(
      'progress.json',
      JSON.stringify({ system: 'progress', columns: { fullName: 'Name' } }),
    );
    const lines: string[] = [];
    const code = await importTableCommand.run([table, '--mapping', mapping, '--db', db().url], {
      stdout: () => undefined,
      stderr: () => undefined,
      env: vigilEnv(),
      progress: (line) => lines.push(line),
    });
    assert.equal(code, 0);
    assert.equal(lines.at(-1), '', 'the status line is cleared at the end');
    const shown = lines.slice(0, -1).map((line) => {
      const m = /^(planning|applying) (\d+\.\d)% \((\d+)\/600 rows, \d+ rows\/s(, about .+ left)?\)$/.exec(
        line,
      );
      assert.ok(m, line);
      return { phase: m[1], percent: Number(m[2]), rows: Number(m[3]) };
    });
    assert.ok(shown.filter((l) => l.phase === 'planning').length > 1, 'planning is shown as it goes');
    assert.ok(shown.some((l) => l.phase === 'applying'));
    for (let i = 1; i < shown.length; i++)
      assert.ok(shown[i].percent >= shown[i - 1].percent, 'percent only grows');
    assert.equal(shown.at(-1)?.percent, 100);
  });

  /** Whether another process holds the write transaction (the store's write lock). */
  async function writing(): Promise<boolean> {
    if (db().engine === 'postgres') {
      const { rows } = await sql<{
        n: number;
      }>`SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7011 AND granted`.execute(
        db().app.ctx.store.handle.db,
      );
      return Number(rows[0]?.n) > 0;
    }
    const probe = new SqliteDatabase(db().url, { timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return false;
    } catch {
      return true;
    } finally {
      probe.close();
    }
  }
});
