import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseSnapshot } from '../../testing/db-snapshot.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildPerson } from '../../testing/factories.js';
import { importRows } from '../../testing/table-import.js';
import { createRecord } from '../records/record-creator.js';

const HEADERS = ['ФИО', 'Дата рождения', 'Город', 'Воинская часть'];
const mapping = (system: string) => ({
  system,
  columns: { fullName: 'ФИО', birthDate: 'Дата рождения', hometown: 'Город', unit: 'Воинская часть' },
});
const system = { id: 'test:seed' };

describeEachEngine('table import: matching never merges two men', (db) => {
  const ctx = () => db().app.ctx;
  const seedPerson = async (input: Record<string, unknown>) =>
    createRecord({ ctx: ctx(), actor: system, collection: 'persons', input: buildPerson(input) });

  test('a namesake with another unit and no date of birth is not merged into the stored man', async () => {
    const stored = await seedPerson({
      names: [{ value: 'Иванов Сергей Сергеевич' }],
      birthDate: '1990-04-12',
      hometown: 'Омск',
      unit: 'в/ч 49465',
    });
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await importRows(
      ctx(),
      [HEADERS, ['Иванов Сергей Сергеевич', '', 'Омск', 'в/ч 16545'], ['Иванов Сергей', '', 'Омск', '']],
      { mapping: mapping('namesakes'), dryRun: true },
    );
    for (const r of report.rows) {
      assert.notEqual(r.personId, stored.id, `row ${r.row} is not merged (${r.outcome})`);
      assert.ok(['created', 'ambiguous'].includes(r.outcome), r.outcome);
    }
    const unit = report.rows[0].candidates?.[0]?.reasons.find((r) => r.code === 'unit_conflict');
    assert.ok(
      report.rows[0].candidates?.some((c) => c.id === stored.id),
      'he is shown for review',
    );
    assert.ok(unit && unit.weight < 0, 'the other unit is shown as evidence against');
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
  });

  test('"г. Тула" is the town "Тула": a man with no date of birth is matched, not created again', async () => {
    const stored = await seedPerson({
      names: [{ value: 'Гнедовец Арсений Маратович' }],
      birthDate: '1994-02-03',
      hometown: 'Тула',
    });
    const report = await importRows(ctx(), [HEADERS, ['Гнедовец Арсений Маратович', '', 'г. Тула', '']], {
      mapping: mapping('town-prefix'),
      dryRun: true,
    });
    assert.equal(report.rows[0].personId, stored.id);
    assert.equal(report.rows[0].outcome, 'unchanged', 'the town written with "г." changes nothing');
    assert.ok((report.rows[0].match?.reasons ?? []).some((r) => r.code === 'hometown'));
  });

  test('a matched row with another unit shows the conflict, overwrites nothing and keeps its value as a claim', async () => {
    const stored = await seedPerson({
      names: [{ value: 'Плюснин Глеб Аркадьевич' }],
      birthDate: '1991-07-21',
      hometown: 'Киров',
      unit: 'в/ч 49465',
    });
    const rows = [HEADERS, ['Плюснин Глеб Аркадьевич', '21.07.1991', 'Котельнич', 'в/ч 16545']];
    const dry = await importRows(ctx(), rows, { mapping: mapping('conflicting-unit'), dryRun: true });
    assert.equal(dry.rows[0].personId, stored.id);
    const changes = dry.rows[0].changes ?? [];
    assert.deepEqual(
      changes.find((c) => c.field === 'unit'),
      {
        field: 'unit',
        before: 'в/ч 49465',
        after: 'в/ч 16545',
        conflict: true,
      },
    );
    assert.equal(changes.find((c) => c.field === 'hometown')?.conflict, true);
    assert.ok(!changes.some((c) => c.field === 'unitOrganizationId'), 'his unit link is not moved either');
    const applied = await importRows(ctx(), rows, { mapping: mapping('conflicting-unit') });
    assert.equal(applied.rows[0].personId, stored.id);
    const after = await ctx().store.get('persons', stored.id);
    assert.equal(after?.unit, 'в/ч 49465');
    assert.equal(after?.hometown, 'Киров');
    assert.equal(after?.unitOrganizationId, stored.unitOrganizationId);
    const claims = await ctx().store.listWhereIn('claims', 'subjectId', [stored.id]);
    assert.deepEqual(
      claims
        .filter((c) => c.field === 'unit' || c.field === 'hometown')
        .map((c) => [c.field, c.value])
        .sort(),
      [
        ['hometown', 'Котельнич'],
        ['unit', 'в/ч 16545'],
      ],
    );
  });

  test('the same unit written another way is no conflict and no change', async () => {
    const stored = await seedPerson({
      names: [{ value: 'Арсютин Тарас Львович' }],
      birthDate: '1988-11-02',
      unit: 'в/ч 16545',
    });
    const report = await importRows(
      ctx(),
      [HEADERS, ['Arsyutin Taras Lvovich', '02.11.1988', '', 'войсковая часть 16545']],
      { mapping: mapping('unit-forms'), dryRun: true },
    );
    assert.equal(report.rows[0].personId, stored.id);
    assert.ok(
      !report.rows[0].changes?.some((c) => c.field === 'unit'),
      JSON.stringify(report.rows[0].changes),
    );
  });

  test('two different men sharing a date of birth, a patronymic and a city in one file are both imported', async () => {
    const report = await importRows(
      ctx(),
      [
        HEADERS,
        ['Тарасов Иван Сергеевич', '14.05.1993', 'Тула', ''],
        ['Орлов Владимир Сергеевич', '14.05.1993', 'Тула', ''],
      ],
      { mapping: mapping('same-birthday') },
    );
    assert.deepEqual(
      report.rows.map((r) => r.outcome),
      ['created', 'created'],
    );
    assert.notEqual(report.rows[0].personId, report.rows[1].personId);
  });
});
