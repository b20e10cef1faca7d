import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DraftItem } from '../../domain/schemas/draft.js';
import { bestPlace, placesNamed } from '../../ingest/gazetteer.js';
import { ingestRows } from '../../store/ingest-rows.js';
import { describeEachEngine } from '../../testing/engines.js';
import { ingestSource } from '../ingest/source-ingester.js';
import { createRecord } from '../records/record-creator.js';
import { draftJobHandler } from './draft-creator.js';
import { placeAsReviewed } from './draft-namesakes.js';
import { draftOf } from './draft-reader.js';

const actor = { id: 'test:namesakes' };
const namesakes = placesNamed('Zaitseve').places;
const inRegion = (region: string) => {
  const found = namesakes.find((p) => p.admin1 === region);
  assert.ok(found, `the gazetteer has a Zaitseve in ${region}`);
  return found;
};
// Without context the extractor takes the likeliest namesake by kind, size and location.
const likeliest = bestPlace(namesakes, new Map());

describeEachEngine('draft places of a name several villages bear are settled by context', (db) => {
  const ctx = () => db().app.ctx;
  let serial = 0;
  /** The place item of the draft of a report held at Zaitseve. */
  const draftPlace = async (where: string): Promise<DraftItem> => {
    const text = `Report ${++serial}: twelve mobilized men who refused to fight are held in a basement in ${where}.`;
    const { source } = await ingestSource({
      ctx: ctx(),
      actor,
      bytes: Buffer.from(text),
      hints: { language: 'en', published: '2024-03-01' },
    });
    await ctx().jobs.drain(draftJobHandler(ctx()));
    const row = await ingestRows.draftOfSource(ctx().store.handle.db, source.id);
    assert.ok(row, 'the draft is made');
    const place = draftOf(row).items.find((i) => i.kind === 'place');
    assert.ok(place, JSON.stringify(draftOf(row).items));
    return place;
  };
  const namesakeOf = (item: DraftItem) => item.proposed.namesake as { code: string; detail: string };

  test('the namesake nearest a place already recorded is kept, and the draft says why', async () => {
    assert.ok(namesakes.length >= 3, 'Zaitseve names villages in several oblasts');
    const donetsk = inRegion('Donetsk Oblast');
    assert.notEqual(likeliest?.id, donetsk.id, 'context must move the choice');
    await createRecord({
      ctx: ctx(),
      actor,
      collection: 'places',
      input: {
        name: 'Промзона',
        kind: 'detention_facility',
        lat: Number(donetsk.lat) + 0.3,
        lon: Number(donetsk.lon),
      },
    });
    const place = await draftPlace('Zaitseve');
    assert.equal(place.proposed.gazetteerId, donetsk.id);
    assert.equal(place.proposed.region, 'Donetsk Oblast');
    assert.equal(place.proposed.lat, donetsk.lat);
    assert.equal(namesakeOf(place).code, 'namesake_kept');
    assert.match(namesakeOf(place).detail, /in Donetsk Oblast, 3\d km from a place already recorded/);
  });

  test('a namesake already recorded outweighs a nearby site', async () => {
    const dnipro = inRegion('Dnipropetrovsk Oblast');
    await createRecord({
      ctx: ctx(),
      actor,
      collection: 'places',
      input: { name: 'Зайцеве', kind: 'settlement', region: dnipro.admin1, gazetteerId: dnipro.id },
    });
    const place = await draftPlace('Zaitseve');
    assert.equal(place.proposed.gazetteerId, dnipro.id);
    assert.match(namesakeOf(place).detail, /where a place of this name is already recorded/);
  });

  test('the region the report names outweighs the places recorded', async () => {
    const luhansk = inRegion('Luhansk Oblast');
    const place = await draftPlace('Zaitseve, Luhansk region');
    assert.equal(place.proposed.gazetteerId, luhansk.id);
    assert.match(namesakeOf(place).detail, /region named with it/);
  });

  test('a reviewer who changes the region applies the namesake there, or none when no namesake lies there', async () => {
    const proposed = {
      name: 'Zaitseve',
      canonical: likeliest?.nameEn,
      region: likeliest?.admin1,
      gazetteerId: likeliest?.id,
      lat: likeliest?.lat,
      lon: likeliest?.lon,
    };
    const moved = placeAsReviewed(proposed, { region: 'Луганская область' });
    assert.equal(moved.gazetteerId, inRegion('Luhansk Oblast').id);
    assert.equal(
      moved.lat,
      inRegion('Luhansk Oblast').lat,
      'the coordinates of the namesake there, even none',
    );
    const elsewhere = placeAsReviewed(proposed, { region: 'Kherson Oblast' });
    assert.equal(elsewhere.gazetteerId, undefined);
    assert.equal(elsewhere.lat, undefined);
    assert.equal(elsewhere.region, 'Kherson Oblast');
    assert.deepEqual(placeAsReviewed(proposed, undefined), proposed);
  });
});
