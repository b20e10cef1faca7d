import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runVigil } from '../testing/cli.js';
import { createEngineDb, describeEachEngine } from '../testing/engines.js';
import { seedExportDataset } from '../testing/export-dataset.js';
import { recordPicture, unzipText, withoutGroups } from '../testing/export-output.js';

describeEachEngine('vigil export formats and Uwazi import', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-exports-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let seeded: Awaited<ReturnType<typeof seedExportDataset>>;
  before(async () => {
    seeded = await seedExportDataset(db().app.ctx);
  });
  const vigil = (...args: string[]) => runVigil([...args, '--db', db().url]);

  test('csv writes one file per record type into a directory and never overwrites one', () => {
    const out = join(dir, `csv-${db().engine}`);
    const first = vigil('export', '--format', 'csv', '--out', out);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(readdirSync(out).includes('persons.csv'));
    assert.ok(readFileSync(join(out, 'persons.csv'), 'utf8').startsWith('\uFEFFid,'));
    const again = vigil('export', '--format', 'csv', '--out', out);
    assert.equal(again.code, 1);
    assert.equal(again.stderr.trim().split('\n').length, 1);
    const one = vigil('export', '--format', 'csv', '--type', 'places');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.trim().split('\n').length, 4, 'a header and three places');
    assert.equal(vigil('export', '--format', 'csv').code, 2, 'several types need a directory');
  });

  test('filters narrow the export; bad filters exit 2 and an unknown case 1', () => {
    const found = vigil('export', '--format', 'json', '--q', 'Кашин', '--type', 'persons');
    assert.equal(found.code, 0, found.stderr);
    const doc = JSON.parse(found.stdout);
    assert.deepEqual(Object.keys(doc.collections), ['persons']);
    assert.ok(doc.collections.persons.some((p: { id: string }) => p.id === seeded.husband));
    assert.equal(
      doc.collections.persons.some((p: { id: string }) => p.id === seeded.officer),
      false,
    );
    const queryFile = join(dir, `query-${db().engine}.txt`);
    writeFileSync(queryFile, 'Кашин\n');
    const fromFile = vigil('export', '--format', 'json', '--q-file', queryFile, '--type', 'persons');
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.deepEqual(
      JSON.parse(fromFile.stdout).collections,
      doc.collections,
      '--q-file finds what --q finds',
    );
    assert.equal(vigil('export', '--format', 'json', '--q', 'x', '--q-file', queryFile).code, 2);
    const ofCase = JSON.parse(vigil('export', '--format', 'json', '--case', seeded.publicCase).stdout);
    assert.deepEqual(
      ofCase.collections.cases.map((c: { id: string }) => c.id),
      [seeded.publicCase],
    );
    const threat = JSON.parse(
      vigil('export', '--format', 'json', '--act', 'threat_of_execution', '--type', 'acts,persons').stdout,
    );
    assert.deepEqual(
      threat.collections.persons.map((p: { id: string }) => p.id),
      [seeded.husband],
    );
    assert.deepEqual(
      threat.collections.acts.map((a: { type: string }) => a.type),
      ['threat_of_execution'],
    );
    for (const bad of [
      ['--where', 'acts.colour=red'],
      ['--status', 'persons:happy'],
      ['--where', 'nonsense'],
      ['--type', 'starships'],
      ['--from', 'yesterday'],
    ]) {
      const res = vigil('export', '--format', 'json', ...bad);
      assert.equal(res.code, 2, bad.join(' '));
      assert.equal(res.stderr.trim().split('\n').length, 1);
    }
    assert.equal(vigil('export', '--format', 'json', '--case', '01ARZ3NDEKTSV4RRFFQ69G5FAV').code, 1);
    assert.equal(vigil('export', '--format', 'public-json', '--q', 'x').code, 2);
  });

  test('zip and FollowTheMoney go to a file or standard output', () => {
    const zip = join(dir, `export-${db().engine}.zip`);
    assert.equal(vigil('export', '--format', 'zip', '--out', zip).code, 0);
    assert.ok(Object.keys(unzipText(readFileSync(zip))).includes('README.txt'));
    const ftm = vigil('export', '--format', 'ftm');
    assert.equal(ftm.code, 0, ftm.stderr);
    assert.ok(
      ftm.stdout
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line).schema),
    );
  });

  test('an Uwazi export imported with vigil import into a fresh database gives the same records and links', async () => {
    const out = join(dir, `uwazi-${db().engine}`);
    const exported = vigil('export', '--format', 'uwazi', '--out', out);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      'Act.csv',
      'Case.csv',
      'Organization.csv',
      'Person.csv',
      'Place.csv',
      'README.txt',
      'Source.csv',
      'templates.json',
    ]);
    const fresh = await createEngineDb(db().engine);
    try {
      const imported = runVigil(['import', out, '--format', 'uwazi', '--db', fresh.db.url]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /^Place\.csv line 2: Place created [0-9A-Z]{26}$/m);
      assert.match(
        imported.stdout,
        /imported \d+ rows: \d+ created, 0 updated, 0 unchanged; 6 case links added/,
      );
      // Uwazi's templates have no place for groups of unnamed people: everything else comes back.
      assert.deepEqual(
        await recordPicture(fresh.db.app.ctx),
        withoutGroups(await recordPicture(db().app.ctx)),
      );
    } finally {
      await fresh.drop();
    }
  });

  test('an Uwazi import with a bad row lists it, exits 2 and writes nothing', async () => {
    const file = join(dir, `people-${db().engine}.csv`);
    writeFileSync(file, 'Title,Unit,Birth date\nIvan Sidorov,No such unit,1990\nPyotr Orlov,,last spring\n');
    const fresh = await createEngineDb(db().engine);
    try {
      const res = runVigil([
        'import',
        file,
        '--format',
        'uwazi',
        '--template',
        'Person',
        '--db',
        fresh.db.url,
      ]);
      assert.equal(res.code, 2);
      assert.equal(res.stderr.trim().split('\n').length, 1);
      assert.match(res.stderr, /2 of 2 rows cannot be imported; nothing was imported/);
      assert.match(
        res.stdout,
        /people-\w+\.csv line 2: column unit, value 1: no organization has this title/,
      );
      assert.match(res.stdout, /people-\w+\.csv line 3: column birth_date is not a date in YYYY-MM-DD/);
      assert.equal(res.stdout.includes('Ivan') || res.stderr.includes('Ivan'), false, 'no names in messages');
      assert.deepEqual(await fresh.db.app.ctx.store.list('persons', { limit: 1 }), []);
      assert.equal(
        runVigil(['import', file, '--format', 'uwazi', '--template', 'Starship', '--db', fresh.db.url]).code,
        2,
      );
    } finally {
      await fresh.drop();
    }
  });
});
