import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runVigil } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';

describeEachEngine('vigil ingest DIR', (db) => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-ingest-dir-'));
    await mkdir(join(dir, 'sub'));
    await mkdir(join(dir, '.cache'));
    await writeFile(
      join(dir, 'a.txt'),
      'Men held in a cellar in Zaitseve\n\nIvan Petrov, 29, is held there.\n',
    );
    await writeFile(
      join(dir, 'sub', 'b.txt'),
      'Men held in a basement in Luhansk\n\nPetr Ivanov, 30, is held there.\n',
    );
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, '.hidden.txt'), 'Not a report to ingest.\n');
    await writeFile(join(dir, '.cache', 'c.txt'), 'Not a report to ingest either.\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('ingests every visible file under the directory, reports failures, and sums up', async () => {
    const first = runVigil(['ingest', dir, '--db', db().url]);
    assert.equal(first.code, 2, first.stderr);
    assert.match(first.stdout, /a\.txt: new source /);
    assert.match(first.stdout, /sub\/b\.txt: new source /);
    assert.doesNotMatch(first.stdout, /hidden|c\.txt/);
    assert.match(first.stderr, /empty\.txt: the file is empty/);
    assert.match(
      first.stdout,
      /summary: 3 files, 2 new sources, 0 already ingested, 1 failed; 2 extraction jobs run; [\d.]+ s, [\d.]+ files\/s\n/,
    );
    // Not a terminal: no progress line on stderr, only the failure.
    assert.equal(first.stderr.split('\n').filter(Boolean).length, 1);
    const drafts = await db().app.ctx.store.handle.db.selectFrom('drafts').select('id').execute();
    assert.equal(drafts.length, 2);

    const again = runVigil(['ingest', join(dir, 'a.txt'), join(dir, 'sub'), '--db', db().url]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /summary: 2 files, 0 new sources, 2 already ingested, 0 failed; 0 extraction jobs run/,
    );
  });
});
