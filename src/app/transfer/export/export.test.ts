import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { DATA_ATTRIBUTIONS } from '../../../domain/attribution.js';
import { COLLECTION_NAMES } from '../../../domain/collections.js';
import { describeEachEngine } from '../../../testing/engines.js';
import { FORMULA, seedExportDataset } from '../../../testing/export-dataset.js';
import { exportBytes, unzipText } from '../../../testing/export-output.js';
import { readCsv } from '../csv/csv-reader.js';
import { csvColumns } from './csv-presenter.js';

type Json = Record<string, unknown>;

describeEachEngine('export pipeline', (db) => {
  let seeded: Awaited<ReturnType<typeof seedExportDataset>>;
  before(async () => {
    seeded = await seedExportDataset(db().app.ctx);
  });
  const json = async (filters?: unknown) =>
    JSON.parse((await exportBytes(db().app.ctx, 'json', filters)).toString('utf8')) as {
      collections: Record<string, Json[]>;
      selection: Json;
      attribution: unknown;
    };
  const ids = (records: Json[] | undefined) => new Set((records ?? []).map((r) => r.id));

  test('CSV: a byte order mark, the record fields as columns, lists joined, nested values as JSON, formulas defused', async () => {
    const bytes = await exportBytes(db().app.ctx, 'csv', { types: ['persons'] });
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFFid,version,createdAt,updatedAt,names,'));
    assert.ok(text.includes('\r\n'), 'CRLF line ends');
    const table = readCsv(text);
    assert.deepEqual(table.header, csvColumns('persons'));
    const column = (name: string) => table.header.indexOf(name);
    const husband = table.rows.find((r) => r[0] === seeded.husband) ?? [];
    assert.equal(husband[column('names')], 'Алексей Кашин | Alexei Kashin');
    assert.deepEqual(JSON.parse(husband[column('statusHistory')]), [
      { status: 'mobilized', date: '2022-09' },
      { status: 'detained', date: '2022-10-05' },
    ]);
    assert.deepEqual(JSON.parse(husband[column('contacts')]), [{ kind: 'phone', value: '+7 900 555-01-01' }]);
    const officer = table.rows.find((r) => r[0] === seeded.officer) ?? [];
    assert.equal(officer[column('rank')], `'${FORMULA}`);
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example/"",""open, please"")"`));
  });

  test('zip: one CSV per record type and a README with the attribution of shipped data', async () => {
    const files = unzipText(await exportBytes(db().app.ctx, 'zip'));
    const expected = [...COLLECTION_NAMES.map((c) => `${c}.csv`), 'README.txt'].sort();
    assert.deepEqual(Object.keys(files).sort(), expected);
    for (const a of DATA_ATTRIBUTIONS) assert.ok(files['README.txt'].includes(a.text), a.data);
    assert.match(files['README.txt'], /Completeness: every record in the database/);
    assert.equal(readCsv(files['places.csv']).rows.length, 3);
    assert.ok(files['claims.csv'].startsWith('\uFEFFid,'));
  });

  test('GeoJSON: persons held per site and period, unsuppressed, following the filters', async () => {
    const sites = async (filters?: unknown) => {
      const geo = JSON.parse((await exportBytes(db().app.ctx, 'geojson', filters)).toString('utf8'));
      assert.equal(geo.type, 'FeatureCollection');
      assert.deepEqual(geo.attribution, DATA_ATTRIBUTIONS);
      return (geo.features as Array<{ properties: Json }>)
        .map((f) => `${f.properties.name} ${f.properties.period} ${f.properties.persons}`)
        .sort();
    };
    assert.deepEqual(await sites(), [
      'Basement of the school 2022-10 1',
      'Secret camp 2022-10 1',
      'Зайцеве 2023-02 1',
    ]);
    assert.deepEqual(await sites({ caseId: seeded.kase }), ['Basement of the school 2022-10 1']);
    assert.deepEqual(await sites({ from: '2023' }), ['Зайцеве 2023-02 1']);
    assert.deepEqual(await sites({ q: 'basement' }), ['Basement of the school 2022-10 1']);
  });

  test('JSON: the attribution, what the export holds, and only the records that match', async () => {
    const all = await json();
    assert.deepEqual(all.attribution, DATA_ATTRIBUTIONS);
    assert.equal(all.selection.complete, true);
    assert.equal(all.collections.persons.length, 4);

    const found = await json({ q: 'Кашин', types: ['persons', 'acts'] });
    assert.deepEqual(Object.keys(found.collections), ['persons'], 'acts are not searched');
    assert.ok(ids(found.collections.persons).has(seeded.husband));
    assert.equal(ids(found.collections.persons).has(seeded.officer), false);
    assert.equal(found.selection.complete, false);

    const threats = await json({ types: ['acts'], where: { acts: { type: 'threat_of_execution' } } });
    assert.deepEqual(
      threats.collections.acts.map((a) => a.type),
      ['threat_of_execution'],
    );

    const november = await json({ from: '2022-11', to: '2022-11' });
    assert.deepEqual(
      november.collections.acts.map((a) => a.type),
      ['threat_of_execution'],
    );
    assert.deepEqual([...ids(november.collections.cases)], [seeded.kase]);
    assert.deepEqual(november.collections.persons, [], 'persons by their status history, as in the search');
    assert.ok(november.collections.organizations.length > 0, 'undated collections are not narrowed');
    const october = await json({ from: '2022-10', to: '2022-10' });
    assert.deepEqual([...ids(october.collections.persons)], [seeded.husband]);
    assert.deepEqual([...ids(november.collections.sources)], [seeded.report]);

    const ofCase = await json({ caseId: seeded.publicCase });
    assert.deepEqual([...ids(ofCase.collections.cases)], [seeded.publicCase]);
    assert.deepEqual([...ids(ofCase.collections.persons)], [seeded.husband]);
    assert.deepEqual([...ids(ofCase.collections.places)], [seeded.village]);
    assert.equal(ofCase.collections.acts.length, 1);
  });

  test('the search facets narrow as in the search: an act type, a status, with words', async () => {
    const threat = await json({ act: ['threat_of_execution'] });
    assert.deepEqual(
      threat.collections.acts.map((a) => a.type),
      ['threat_of_execution'],
    );
    assert.deepEqual([...ids(threat.collections.cases)], [seeded.kase], 'the case of the act');
    assert.deepEqual([...ids(threat.collections.persons)], [seeded.husband], 'its victim');
    assert.equal(threat.collections.organizations, undefined, 'organizations carry no facets');
    assert.equal(threat.selection.complete, false);

    const detained = await json({ status: ['persons:detained'], types: ['persons'] });
    assert.deepEqual([...ids(detained.collections.persons)], [seeded.husband]);
    const husband = await json({ q: 'Кашин', status: ['persons:detained'], types: ['persons'] });
    assert.deepEqual([...ids(husband.collections.persons)], [seeded.husband]);
    const named = await json({ q: 'Елена', types: ['persons'] });
    assert.deepEqual([...ids(named.collections.persons)], [seeded.wife]);
    const wife = await json({ q: 'Елена', status: ['persons:detained'], types: ['persons'] });
    assert.deepEqual(wife.collections.persons, [], 'the wife is found by name but is not detained');
    const nothing = await json({ q: '!!!', act: ['threat_of_execution'] });
    assert.deepEqual(Object.values(nothing.collections).flat(), [], 'punctuation finds nothing');
  });

  test('refuses bad filters before writing anything', async () => {
    const ctx = db().app.ctx;
    await assert.rejects(exportBytes(ctx, 'json', { from: '2023', to: '2022' }), /ends before it starts/);
    await assert.rejects(exportBytes(ctx, 'json', { where: { acts: { colour: 'red' } } }), /colour/);
    await assert.rejects(exportBytes(ctx, 'json', { types: ['starships'] }), /types/);
    await assert.rejects(exportBytes(ctx, 'json', { act: ['tickling'] }), /act/);
    await assert.rejects(exportBytes(ctx, 'json', { status: ['persons:happy'] }), /status/);
    await assert.rejects(
      exportBytes(ctx, 'json', { caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
      /case not found/,
    );
    await assert.rejects(exportBytes(ctx, 'csv'), /one record type/);
  });
});
