import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gazetteerPlace, placesNamed } from '../../ingest/gazetteer.js';
import { suggestColumns } from '../../ingest/tables/header-words.js';
import { databaseSnapshot } from '../../testing/db-snapshot.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildPlace } from '../../testing/factories.js';
import { buildXlsx } from '../../testing/table-files.js';
import { AccessScope } from '../policies/access-scope.js';
import { createRecord } from '../records/record-creator.js';
import { importTable } from './table-importer.js';

const HEADERS = ['ФИО', 'Воинская часть', 'Место содержания', 'Область'];

/** A hotline's list as Excel keeps it: the unit typed once in a cell merged down three rows. */
function hotlineList(rows: string[][], merges: string[] = []): Buffer {
  return buildXlsx({ Лист1: [HEADERS, ...rows] }, { merges: { Лист1: merges } });
}

describeEachEngine('table import: places of the same name settled by context', (db) => {
  const ctx = () => db().app.ctx;
  const dryRun = (bytes: Buffer) =>
    importTable({
      ctx: ctx(),
      actor: { id: 'test:importer' },
      scope: AccessScope.system(ctx()),
      bytes,
      fileName: 'список.xlsx',
      mapping: { system: 'hotline-xlsx', columns: suggestColumns(HEADERS), case: { title: 'Список' } },
      dryRun: true,
    });
  const namesakes = placesNamed('Зайцево').places;
  const inRegion = (region: string) => namesakes.find((p) => p.admin1 === region);

  test('the headers of a Russian list map the region column', () => {
    assert.equal(suggestColumns(HEADERS).detentionRegion, 'Область');
    assert.ok(
      new Set(namesakes.map((p) => p.admin1)).size >= 2,
      'the gazetteer has namesakes in several oblasts',
    );
  });

  test('a list without regions speaks of the region its other places lie in', async () => {
    const region = gazetteerPlace(placesNamed('Брянка').places[0].id)?.admin1 ?? '';
    assert.ok(inRegion(region), 'a namesake lies in the same region as Брянка');
    const report = await dryRun(
      hotlineList([
        ['Иванов Иван', 'в/ч 12345', 'Зайцево', ''],
        ['Петров Пётр', '', 'Брянка', ''],
      ]),
    );
    const places = report.newRecords.filter((n) => n.collection === 'places').map((n) => n.label);
    assert.ok(places.includes(`Зайцеве (${region})`), places.join(', '));
  });

  test('a dry run names each place with its region: the row region decides, else the place already kept', async () => {
    const kept = inRegion('Luhansk Oblast');
    assert.ok(kept);
    await createRecord({
      ctx: ctx(),
      actor: { id: 'test:setup' },
      collection: 'places',
      input: buildPlace({ name: kept.name, region: kept.admin1, gazetteerId: kept.id }),
    });
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await dryRun(
      hotlineList(
        [
          ['Иванов Иван', 'в/ч 12345', 'Зайцево', ''],
          ['Петров Пётр', '', 'Зайцево', 'Черниговская обл.'],
          ['Сидоров Сидор', '', 'Зайцево', 'ЛНР'],
        ],
        ['B2:B4'],
      ),
    );
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
    assert.deepEqual(
      report.rows.map((r) => r.outcome),
      ['created', 'created', 'created'],
    );
    // The kept place in Luhansk serves the rows without a region and the row saying ЛНР; the
    // row saying Chernihiv gets a new place there.
    assert.deepEqual(
      report.newRecords.filter((n) => n.collection !== 'cases').map((n) => [n.collection, n.label, n.rows]),
      [
        ['organizations', 'в/ч 12345', 3],
        ['places', 'Зайцеве (Chernihiv Oblast)', 1],
      ],
    );
  });
});
