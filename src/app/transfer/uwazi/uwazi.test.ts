import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { COLLECTION_NAMES, type CollectionName } from '../../../domain/collections.js';
import { createEngineDb, describeEachEngine } from '../../../testing/engines.js';
import { FORMULA, seedExportDataset } from '../../../testing/export-dataset.js';
import { exportBytes, recordPicture, unzipText, withoutGroups } from '../../../testing/export-output.js';
import type { AppContext } from '../../context.js';
import { readCsv } from '../csv/csv-reader.js';
import { importUwazi } from './uwazi-importer.js';
import { headerOf } from './uwazi-row-codec.js';
import type { UwaziFile } from './uwazi-rows.js';
import { templateNamed } from './uwazi-templates.js';

const actor = { id: 'test:uwazi' };

/** The files of an Uwazi export as an import reads them. */
async function uwaziFiles(ctx: AppContext, filters?: unknown): Promise<UwaziFile[]> {
  const files = unzipText(await exportBytes(ctx, 'uwazi', filters));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.csv'))
    .map(([name, content]) => ({ name, content }));
}

async function counts(ctx: AppContext) {
  const out: Partial<Record<CollectionName, number>> = {};
  for (const c of COLLECTION_NAMES) out[c] = (await ctx.store.list(c, { limit: 1000 })).length;
  return out;
}

/** A CSV written the way Uwazi's "Export CSV" writes it (app/api/csv/csvExporter.ts): the labels of
 * every template's properties as headers, merged across templates, then Geolocation, Documents,
 * Attachments and Published; select values by label; relationships by title joined with "|";
 * dates in the instance's format and ranges as from~to, an open end as 01/01/1970 (typeFormatters.ts). */
const UWAZI_WRITTEN = [
  'Title,Date added,Template,Kind,Part of,Region,Country,Unit,Rank,Birth date,Status,Period,Victims,Perpetrator organizations,Type,Case,Place,Date,Geolocation,Documents,Attachments,Published',
  'Svatove,12/03/2024,Place,Settlement,,Luhansk Oblast,UA,,,,,,,,,,,,49.41|38.15,,,Published',
  'Pit near Svatove,12/03/2024,Place,Detention facility,Svatove,,,,,,,,,,,,,,49.4|38.16,,,Unpublished',
  '3rd Battalion,12/03/2024,Organization,Military unit,,,,,,,,,,,,,,,,,,Unpublished',
  'Ivan Sidorov,12/03/2024,Person,,,,,3rd Battalion,sergeant,14/02/1990,Detained,,,,,,,,,,,Unpublished',
  'Pyotr Orlov,12/03/2024,Person,,,,,3rd Battalion,,,Missing,,,,,,,,,,,Unpublished',
  '"Pit case, Svatove",12/03/2024,Case,,,,,,,,Monitoring,01/10/2022~01/01/1970,Ivan Sidorov|Pyotr Orlov,3rd Battalion,,,,,,,,Unpublished',
  'Arbitrary detention — Pit case,12/03/2024,Act,,,,,,,,Alleged,,Ivan Sidorov|Pyotr Orlov,3rd Battalion,Arbitrary detention,"Pit case, Svatove",Pit near Svatove,05/10/2022~05/10/2022,,,,Unpublished',
].join('\n');

describeEachEngine('Uwazi export and import', (db) => {
  let seeded: Awaited<ReturnType<typeof seedExportDataset>>;
  before(async () => {
    seeded = await seedExportDataset(db().app.ctx);
  });

  test('writes one CSV per template in the form Uwazi imports, with the templates file and a README', async () => {
    const files = unzipText(await exportBytes(db().app.ctx, 'uwazi'));
    assert.deepEqual(Object.keys(files).sort(), [
      'Act.csv',
      'Case.csv',
      'Organization.csv',
      'Person.csv',
      'Place.csv',
      'README.txt',
      'Source.csv',
      'templates.json',
    ]);
    assert.match(files['README.txt'], /GeoNames/);
    assert.equal(JSON.parse(files['templates.json']).templates.length, 6);
    const rows = (name: string) => {
      const table = readCsv(files[`${name}.csv`]);
      const template = templateNamed(name);
      assert.ok(template);
      assert.deepEqual(table.header, headerOf(template));
      return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i]])));
    };
    const husband = rows('Person').find((r) => r.vigil_id === seeded.husband);
    assert.deepEqual(
      {
        title: husband?.title,
        other_names: husband?.other_names,
        unit: husband?.unit,
        employer: husband?.employer,
        hometown: husband?.hometown,
        birth_date: husband?.birth_date,
        birth_date_precision: husband?.birth_date_precision,
        status: husband?.status,
        status_history: husband?.status_history,
        sex: husband?.sex,
      },
      {
        title: 'Алексей Кашин',
        other_names: 'Alexei Kashin',
        unit: 'Fifth company',
        employer: 'Dalpolymetal',
        hometown: 'Зайцеве',
        birth_date: '1989-01-01',
        birth_date_precision: 'year',
        status: 'Detained',
        status_history: '2022-09 mobilized|2022-10-05 detained',
        sex: 'Male',
      },
    );
    assert.equal(rows('Person').find((r) => r.vigil_id === seeded.officer)?.rank, FORMULA);
    const basement = rows('Place').find((r) => r.vigil_id === seeded.basement);
    assert.equal(basement?.location_geolocation, '48.5261|38.0702');
    assert.equal(basement?.part_of, 'Зайцеве');
    assert.equal(basement?.kind, 'Detention facility');
    const kase = rows('Case').find((r) => r.vigil_id === seeded.kase);
    assert.deepEqual([kase?.period, kase?.period_precision], ['2022-10-01:2022-11-30', 'month/month']);
    assert.equal(kase?.victims, 'Алексей Кашин');
    assert.deepEqual(
      [kase?.perpetrators, kase?.perpetrator_organizations],
      ['Major Petrov', 'Fifth company'],
    );
    assert.equal(kase?.relatives, 'Елена Кашина');
    const act = rows('Act').find((r) => r.type === 'Arbitrary detention' && r.case === kase?.title);
    assert.equal(act?.title, 'Arbitrary detention — Refusers held in the school basement');
    assert.equal(act?.place, 'Basement of the school');
    const text = Object.values(files).join('\n');
    for (const secret of ['+7 900 555', 'elena@example.org', 'меня просили молчать'])
      assert.equal(text.includes(secret), false, `the export holds "${secret}"`);
  });

  test('an export imported into a fresh database gives the same persons, places and links', async () => {
    const files = await uwaziFiles(db().app.ctx);
    const fresh = await createEngineDb(db().engine);
    try {
      const result = await importUwazi({ ctx: fresh.db.app.ctx, actor, files });
      assert.ok(result.rows.every((r) => r.outcome === 'created'));
      // Uwazi's templates have no place for groups of unnamed people: everything else comes back.
      assert.deepEqual(
        await recordPicture(fresh.db.app.ctx),
        withoutGroups(await recordPicture(db().app.ctx)),
      );
    } finally {
      await fresh.drop();
    }
  });

  test('importing its own export again updates the same records and changes nothing', async () => {
    const { ctx } = db().app;
    const before = await counts(ctx);
    const beforePicture = await recordPicture(ctx);
    const result = await importUwazi({ ctx, actor, files: await uwaziFiles(ctx) });
    assert.deepEqual(
      [...new Set(result.rows.map((r) => r.outcome))],
      ['unchanged'],
      JSON.stringify(result.rows.filter((r) => r.outcome !== 'unchanged')),
    );
    assert.equal(result.involvements, 0);
    assert.deepEqual(await counts(ctx), before);
    assert.deepEqual(await recordPicture(ctx), beforePicture);
  });

  test('reads a CSV as Uwazi exports it: labels as headers, several templates, its date format and ranges', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const { ctx } = fresh.db.app;
      const files = [{ name: 'uwazi-export.csv', content: UWAZI_WRITTEN }];
      const result = await importUwazi({ ctx, actor, files, dateFormat: 'DD/MM/YYYY' });
      assert.equal(result.rows.length, 7);
      assert.equal(result.involvements, 3);
      assert.deepEqual(result.ignored, {
        'uwazi-export.csv': ['date_added', 'documents', 'attachments', 'published'],
      });
      const picture = await recordPicture(ctx);
      assert.deepEqual(picture.places, [
        { name: 'Pit near Svatove', lat: 49.4, lon: 38.16, region: undefined, country: undefined },
        { name: 'Svatove', lat: 49.41, lon: 38.15, region: 'Luhansk Oblast', country: 'UA' },
      ]);
      assert.deepEqual(picture.involvements, [
        '3rd Battalion perpetrator in Pit case, Svatove',
        'Ivan Sidorov victim in Pit case, Svatove',
        'Pyotr Orlov victim in Pit case, Svatove',
      ]);
      assert.deepEqual(picture.acts, [
        'arbitrary_detention alleged at Pit near Svatove in Pit case, Svatove to Ivan Sidorov,Pyotr Orlov by 3rd Battalion 2022-10-05',
      ]);
      const ivan = (await ctx.store.list('persons', { limit: 10 })).find(
        (p) => (p.names as Array<{ value: string }>)[0].value === 'Ivan Sidorov',
      );
      assert.equal(ivan?.birthDate, '1990-02-14');
      assert.equal(ivan?.rank, 'sergeant');
      assert.deepEqual(ivan?.statusHistory, [{ status: 'detained' }]);
      const [kase] = await ctx.store.list('cases', { limit: 10 });
      assert.deepEqual(
        [kase.status, kase.confidentiality, kase.periodStart, kase.periodEnd],
        // Uwazi writes an open end as the Unix epoch: the period is still going on.
        ['monitoring', 'restricted', '2022-10-01', undefined],
      );
      const pit = (await ctx.store.list('places', { limit: 10 })).find((p) => p.name === 'Pit near Svatove');
      assert.equal(pit?.kind, 'detention_facility');
      assert.ok(pit?.parentPlaceId, 'the parent place is linked by title');
    } finally {
      await fresh.drop();
    }
  });

  test('refuses malformed rows, listing each, and writes nothing', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const { ctx } = fresh.db.app;
      const refuse = async (content: string, pattern: RegExp, messages?: string[]) => {
        const err = await importUwazi({ ctx, actor, files: [{ name: 'Person.csv', content }] }).then(
          () => assert.fail('the import was accepted'),
          (e: { message: string; details?: { problems: Array<{ path: string; message: string }> } }) => e,
        );
        assert.match(`${err.message}\n${err.details?.problems.map((p) => p.message).join('\n')}`, pattern);
        if (messages)
          assert.deepEqual(
            err.details?.problems.map((p) => `${p.path}: ${p.message}`),
            messages,
          );
        assert.deepEqual(await counts(ctx), Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])));
      };
      await refuse(
        'title,unit,birth_date,sex\nIvan,Nowhere unit,,\nPyotr,,the day before,\nOleg,,,Tall\nAnna,,,\n,,,\n',
        /4 of 5 rows cannot be imported; nothing was imported/,
        [
          '/Person.csv/3: column birth_date is not a date in YYYY-MM-DD',
          '/Person.csv/4: column sex holds a value that is not in the thesaurus Sex',
          '/Person.csv/6: the title is empty',
          '/Person.csv/2: column unit, value 1: no organization has this title',
        ],
      );
      // Rows that pass every check are still not kept when a later row fails in the transaction.
      await refuse('title,template,type,case\nSvatove,Place,,\nSomething done,Act,,\n', /1 of 2 rows/);
      await refuse(
        'title,template,unit\nA unit,Organization,\nA unit,Organization,\nIvan,Person,A unit\n',
        /fits 2 records/,
      );
      await refuse('title,vigil_id\n"Ivan,\n', /never closed/);
      await refuse('title,template\nIvan,Starship\n', /not one of Vigil's/);
    } finally {
      await fresh.drop();
    }
  });
});
