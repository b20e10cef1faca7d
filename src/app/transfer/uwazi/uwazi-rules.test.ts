import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachEngine } from '../../../testing/engines.js';
import { seedExportDataset } from '../../../testing/export-dataset.js';
import { exportBytes, unzipText } from '../../../testing/export-output.js';
import { replayUwaziImport } from '../../../testing/uwazi-rules.js';

test("the replay of Uwazi's rules finds what older exports lost", () => {
  // As Vigil wrote Uwazi files before: a month date, a formula guard, a perpetrator column open to
  // any template, a place linking to its parent written after it.
  const lost = replayUwaziImport({
    'Place.csv': 'title,part_of,region\r\nBasement,Zaitseve,\r\nZaitseve,,"  Luhansk  Oblast"\r\n',
    'Person.csv': "title,birth_date,rank\r\nIvan,2024-02,'=1+1\r\n",
    'Act.csv': 'title,perpetrator_organizations,date\r\nDetention,,2022-10:\r\n',
  });
  assert.deepEqual(lost, [
    'Place.csv row 2, part_of: "Zaitseve" is not imported yet; Uwazi creates an empty Place',
    'Place.csv row 3, region: Uwazi keeps "Luhansk Oblast"',
    'Place.csv row 3: duplicates the empty entity made for a link to "Zaitseve"',
    'Person.csv row 2, birth_date: Uwazi holds 2024-01-01 for 2024-02',
    'Person.csv row 2, rank: Uwazi keeps the apostrophe of a formula guard',
    'Act.csv row 2, date: Uwazi holds 2022-01-01 for 2022-10',
  ]);
});

describeEachEngine("Vigil's Uwazi export replayed through Uwazi's import rules", (db) => {
  before(async () => {
    await seedExportDataset(db().app.ctx);
  });

  test('loses nothing: whole dates, bound relationships in order, labels of the thesauri, text as it is', async () => {
    const files = unzipText(await exportBytes(db().app.ctx, 'uwazi'));
    assert.ok(files['Case.csv'].split('\r\n').length > 2, 'the export holds cases');
    assert.deepEqual(replayUwaziImport(files), []);
  });
});
