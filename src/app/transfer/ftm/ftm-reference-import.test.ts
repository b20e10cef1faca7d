import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { StoredRecord } from '../../../domain/collections.js';
import { describeEachEngine } from '../../../testing/engines.js';
import { importFtm } from './ftm-importer.js';

const actor = { id: 'test:ftm' };
// Written with the reference Python library and accepted by its validator (see its README).
const fixture = readFileSync(
  fileURLToPath(new URL('../../../../../shared/fixtures/ftm/reference-built.ftm', import.meta.url)),
  'utf8',
);
const names = (p: StoredRecord) => (p.names as Array<{ value: string }>).map((n) => n.value);

describeEachEngine('FollowTheMoney import of a file written by the reference library', (db) => {
  const ctx = () => db().app.ctx;
  const list = (
    c: 'persons' | 'places' | 'organizations' | 'cases' | 'acts' | 'involvements' | 'sources' | 'claims',
  ) => ctx().store.list(c, { limit: 100 });
  const personNamed = async (name: string) => {
    const found = (await list('persons')).find((p) => names(p)[0] === name);
    assert.ok(found, `${name} is imported`);
    return found;
  };

  test('imports what Vigil can hold and reports, per entity, everything left out and why', async () => {
    const result = await importFtm({ ctx: ctx(), actor, content: fixture });
    const report = new Map(result.entities.map((e) => [e.id, e]));
    assert.equal(result.entities.length, fixture.trim().split('\n').length);

    // Unknown schemata and roles are reported, not fatal.
    assert.equal(report.get('san-1')?.outcome, 'skipped');
    assert.match(String(report.get('san-1')?.reason), /no record for a Sanction/);
    assert.equal(report.get('ul-2')?.outcome, 'skipped');
    assert.match(String(report.get('ul-2')?.reason), /role "associate"/);
    for (const e of result.entities)
      if (e.outcome === 'skipped') assert.ok(e.reason, `${e.id} says why it was skipped`);

    // The Address without a name (Thing's `required` is not inherited) becomes a place.
    const places = await list('places');
    const tagil = places.find((p) => p.name === 'ул. Ленина 1, Нижний Тагил');
    assert.equal(tagil?.lat, 57.91);
    assert.equal(tagil?.country, 'RU');
    assert.equal(report.get('addr-1')?.outcome, 'created');

    const ivanov = await personNamed('Иванов Пётр Сергеевич');
    // The name parts spell the full name already: they add no variant (nor are they dropped).
    assert.deepEqual(names(ivanov), ['Иванов Пётр Сергеевич', 'Petr Ivanov', 'Pyotr Ivanov']);
    assert.equal(ivanov.hometownPlaceId, tagil?.id);
    assert.deepEqual(ivanov.contacts, [{ kind: 'phone', value: '+79001234567' }]);
    assert.match(String(ivanov.notes), /Place of birth: Нижний Тагил/);
    assert.match(String(ivanov.notes), /Nationality: ru/);
    assert.match(String(ivanov.notes), /Membership start date: 2023-10-01/, 'the Membership start date');
    assert.match(String(ivanov.notes), /Employment role: инженер/, 'the Employment role');
    assert.deepEqual(
      report.get('p-1')?.dropped.map((d) => d.property),
      ['idNumber'],
      'the identity number is the only property of the person left out',
    );
    const raw = await ctx()
      .store.handle.db.selectFrom('persons')
      .select('doc')
      .where('id', '=', ivanov.id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(raw.doc, /9001234567/, 'the phone is encrypted at rest');
    assert.doesNotMatch(raw.doc, /4510/, 'the identity number is kept nowhere');

    const organizations = await list('organizations');
    const unit = organizations.find((o) => o.name === 'в/ч 54321');
    assert.equal(unit?.parentId, organizations.find((o) => o.name === '3-й армейский корпус')?.id);
    assert.equal(ivanov.unitOrganizationId, unit?.id);
    assert.equal(ivanov.rank, 'рядовой');
    const company = organizations.find((o) => o.name === 'ООО Ромашка');
    assert.equal(company?.country, 'RU', 'jurisdiction is the country');
    assert.match(String(company?.description), /1234567890/, 'the registration number is kept');
    assert.equal(ivanov.employerOrganizationId, company?.id);

    const commander = await personNamed('Commander X');
    assert.equal(commander.birthDate, '1975-05-01', 'a date with a time is cut to its date');
    assert.equal(commander.rank, 'командир');

    // Each Event is a case, holding the act its name states with victims and perpetrators.
    const cases = await list('cases');
    const kremennaya = cases.find((c) => c.title === 'Задержание отказников в Кременной');
    assert.equal(kremennaya?.periodStart, '2024-01-20');
    const acts = await list('acts');
    const detention = acts.find((a) => a.caseId === kremennaya?.id);
    assert.equal(detention?.type, 'arbitrary_detention');
    assert.deepEqual(detention?.victimIds, [ivanov.id]);
    assert.deepEqual(detention?.perpetratorPersonIds, [commander.id]);
    assert.deepEqual(detention?.perpetratorOrganizationIds, [unit?.id]);
    assert.equal(detention?.dateFrom, '2024-01-20');
    assert.equal(detention?.placeId, places.find((p) => p.name === 'Кременная, яма')?.id);
    assert.deepEqual(report.get('ev-1')?.dropped, [], 'date, location and country are all kept');
    const threat = acts.find((a) => a.type === 'threat_of_execution');
    assert.equal(threat?.dateFrom, '2024-02');
    assert.deepEqual(threat?.victimIds, [ivanov.id]);

    const wife = await personNamed('Иванова Анна');
    const involvements = await list('involvements');
    const relative = involvements.find((i) => i.personId === wife.id);
    assert.equal(relative?.role, 'relative_of');
    assert.equal(relative?.caseId, kremennaya?.id);
    assert.equal(relative?.relatedPersonId, ivanov.id);
    assert.equal(relative?.note, 'Relationship: wife');
    assert.equal(report.get('fam-1')?.outcome, 'merged');
    assert.ok(
      involvements.some(
        (i) => i.personId === ivanov.id && i.role === 'victim' && i.caseId === kremennaya?.id,
      ),
    );

    const claims = await list('claims');
    assert.equal(claims.length, 1);
    assert.equal(claims[0].subjectId, ivanov.id);
  });

  test('a second import of the same file updates the records instead of adding them again', async () => {
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (
            [
              'persons',
              'places',
              'organizations',
              'cases',
              'acts',
              'involvements',
              'sources',
              'claims',
            ] as const
          ).map(async (c) => [c, (await list(c)).length] as const),
        ),
      );
    const before = await counts();
    const ivanov = await personNamed('Иванов Пётр Сергеевич');
    const again = await importFtm({ ctx: ctx(), actor, content: fixture });
    assert.deepEqual(again.created, {});
    assert.deepEqual(again.updated, {});
    assert.deepEqual(await counts(), before);
    assert.equal(again.entities.find((e) => e.id === 'p-1')?.outcome, 'unchanged');

    const changed = fixture.replace('"position": ["рядовой"]', '"position": ["ефрейтор"]');
    const third = await importFtm({ ctx: ctx(), actor, content: changed });
    assert.deepEqual(third.updated, { persons: 1 });
    assert.deepEqual(await counts(), before);
    const updated = await personNamed('Иванов Пётр Сергеевич');
    assert.equal(updated.id, ivanov.id);
    assert.equal(updated.rank, 'ефрейтор');
    assert.equal(updated.version, ivanov.version + 1);
  });
});
