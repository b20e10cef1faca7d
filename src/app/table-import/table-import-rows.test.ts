import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../../domain/errors.js';
import { readTable } from '../../ingest/tables/read-table.js';
import { renderTableText } from '../../ingest/tables/table-text.js';
import { seedAccount } from '../../testing/auth.js';
import { databaseSnapshot } from '../../testing/db-snapshot.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildCase, buildPerson } from '../../testing/factories.js';
import { buildCsv, buildXlsx } from '../../testing/table-files.js';
import { importRows, LIST_HEADERS, LIST_V1, listMapping } from '../../testing/table-import.js';
import { authenticateToken } from '../accounts/authenticator.js';
import { AccessScope } from '../policies/access-scope.js';
import type { Principal } from '../policies/principal.js';
import { createRecord } from '../records/record-creator.js';
import { updateRecord } from '../records/record-updater.js';
import { applyImportPlan } from './import-applier.js';
import { planImport } from './import-planner.js';
import { importTable } from './table-importer.js';

const system = { id: 'test:seed' };
const row = (cells: Record<number, string>) => LIST_HEADERS.map((_, i) => cells[i] ?? '');

describeEachEngine('table import: rows that are not imported', (db) => {
  const ctx = () => db().app.ctx;
  const scopeOf = async (role: 'editor' | 'viewer') =>
    AccessScope.of(
      ctx(),
      (await authenticateToken(ctx(), (await seedAccount(ctx(), role)).token)) as Principal,
    );
  const seedPerson = async (input: Record<string, unknown>) =>
    createRecord({ ctx: ctx(), actor: system, collection: 'persons', input: buildPerson(input) });

  test('a birth date in the future or before 1900 is an invalid row; a name loses its invisible characters', async () => {
    const report = await importRows(
      ctx(),
      [
        LIST_HEADERS,
        row({ 0: '211', 1: 'Гусев Глеб', 2: '12.05.1870' }),
        row({ 0: '212', 1: 'Гусев Денис', 2: '2099' }),
        row({ 0: '213', 1: '\u202EГусев\u200B Егор', 2: '1993' }),
      ],
      { mapping: { ...listMapping(), system: 'implausible-births' } },
    );
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.outcome, r.problems?.map((p) => p.code)]),
      [
        [2, 'invalid', ['not_a_date']],
        [3, 'invalid', ['not_a_date']],
        [4, 'created', undefined],
      ],
    );
    assert.equal(
      report.rows[0].problems?.[0].message,
      "column 'Дата рождения': '12.05.1870' is not a plausible birth date",
    );
    const created = await ctx().store.get('persons', String(report.rows[2].personId));
    assert.ok(created);
    assert.deepEqual(
      (created.names as Array<{ value: string }>).map((n) => n.value),
      ['Гусев Егор'],
    );
  });

  test('invalid rows are reported with the column and the cell, and the other rows are imported', async () => {
    const report = await importRows(
      ctx(),
      [
        LIST_HEADERS,
        row({ 0: '201', 1: 'Гусев Антон', 2: '31.02.1990' }),
        row({ 0: '202', 1: 'Гусев Борис', 5: 'в командировке' }),
        row({ 0: '203', 2: '1990' }),
        row({ 0: '204', 1: 'Гусев Виктор', 2: '1991' }),
        row({}),
      ],
      { mapping: { ...listMapping(), system: 'invalid-rows' } },
    );
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.outcome, r.problems?.map((p) => p.code)]),
      [
        [2, 'invalid', ['not_a_date']],
        [3, 'invalid', ['unknown_status']],
        [4, 'invalid', ['no_name']],
        [5, 'created', undefined],
      ],
    );
    assert.equal(report.rows[0].problems?.[0].message, "column 'Дата рождения': '31.02.1990' is not a date");
    assert.equal(report.rows[0].problems?.[0].column, 'Дата рождения');
    const created = await ctx().store.get('persons', String(report.rows[3].personId));
    assert.equal(created?.birthDate, '1991');
    assert.equal(report.summary.rows, 4, 'a blank row is no row');
  });

  test('a row matching two stored men equally, or a name with nothing to confirm it, is ambiguous and writes nothing', async () => {
    const a = await seedPerson({ names: [{ value: 'Лебедев Игорь' }], birthDate: '1988' });
    const b = await seedPerson({ names: [{ value: 'Lebedev Igor' }], birthDate: '1988' });
    await seedPerson({ names: [{ value: 'Орлов Денис' }] });
    await seedPerson({ names: [{ value: 'Смирнов Олег Петрович' }], birthDate: '1979' });
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await importRows(
      ctx(),
      [
        LIST_HEADERS,
        row({ 1: 'Лебедев Игорь', 2: '1988' }),
        row({ 1: 'Орлов Денис', 2: '1990-01-01' }),
        row({ 1: 'Смирнов Олег Иванович', 2: '1979' }),
      ],
      { mapping: { ...listMapping(false), system: 'ambiguous' } },
    );
    const [two, weak, otherFather] = report.rows;
    assert.equal(otherFather.outcome, 'ambiguous', 'another patronymic is not the same man');
    assert.deepEqual(
      otherFather.candidates?.[0].reasons.map((r) => r.code),
      ['name_partial', 'birth_year'],
    );
    assert.equal(two.outcome, 'ambiguous');
    assert.equal(two.problems?.[0].code, 'several_candidates');
    assert.deepEqual(two.candidates?.map((c) => c.id).sort(), [a.id, b.id].sort());
    assert.ok(two.candidates?.every((c) => c.reasons.some((r) => r.code === 'birth_year')));
    assert.equal(weak.outcome, 'ambiguous');
    assert.equal(weak.problems?.[0].code, 'weak_match');
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
  });

  test('two rows of one table that are the same man are reported, and he is created once', async () => {
    const report = await importRows(
      ctx(),
      [
        LIST_HEADERS,
        row({ 1: 'Зайцев Кирилл Олегович', 2: '03.04.1992' }),
        row({ 1: 'Zaitsev Kirill Olegovich', 2: '1992-04-03' }),
        row({ 0: '301', 1: 'Комаров Ян', 2: '1980' }),
        row({ 0: '301', 1: 'Комаров Ян Ильич', 2: '1980' }),
      ],
      { mapping: { ...listMapping(), system: 'duplicates' } },
    );
    assert.deepEqual(
      report.rows.map((r) => [r.outcome, r.problems?.[0]?.code]),
      [
        ['created', undefined],
        ['ambiguous', 'duplicate_row'],
        ['created', undefined],
        ['ambiguous', 'duplicate_row'],
      ],
    );
    assert.match(String(report.rows[1].problems?.[0].message), /row 2 /);
    const found = await ctx().store.list('persons', { limit: 1000 });
    assert.equal(
      found.filter((p) => (p.names as Array<{ value: string }>)[0].value.startsWith('Зайцев')).length,
      1,
    );
  });

  test('a person changed after the dry run: the apply with its digest is refused, a row changed during the apply is a conflict', async () => {
    const mapping = { ...listMapping(), system: 'conflicts' };
    await importRows(ctx(), LIST_V1, { mapping });
    const edited = LIST_V1.map((r) => [...r]);
    edited[1][4] = 'ефрейтор';
    edited[2][4] = 'сержант';
    const dry = await importRows(ctx(), edited, { mapping, dryRun: true });
    assert.deepEqual(
      dry.rows.map((r) => r.outcome),
      ['updated', 'updated', 'unchanged', 'unchanged'],
    );
    const first = await ctx().store.get('persons', String(dry.rows[0].personId));
    await updateRecord({
      ctx: ctx(),
      actor: system,
      collection: 'persons',
      id: String(first?.id),
      patch: { version: Number(first?.version), notes: 'called' },
    });
    const before = await databaseSnapshot(ctx().store.handle);
    const refused = importTable({
      ctx: ctx(),
      actor: system,
      scope: AccessScope.system(ctx()),
      bytes: buildCsv(edited, { delimiter: ';' }),
      fileName: 'list.csv',
      mapping,
      dryRun: false,
      planDigest: dry.planDigest,
    });
    await assert.rejects(refused, (err) => err instanceof VigilError && err.kind === 'conflict');
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);

    // Planned, then the second man changes before the transaction: only his row is left out.
    const table = readTable(buildCsv(edited, { delimiter: ';' }));
    const plan = await planImport({ ctx: ctx(), scope: AccessScope.system(ctx()), table, mapping });
    const second = await ctx().store.get('persons', String(plan.rows[1].report.personId));
    await updateRecord({
      ctx: ctx(),
      actor: system,
      collection: 'persons',
      id: String(second?.id),
      patch: { version: Number(second?.version), notes: 'moved' },
    });
    await ctx().store.write('test:importer', (writer) =>
      applyImportPlan(writer, plan, {
        bytes: Buffer.from('x'),
        name: 'list.csv',
        text: renderTableText(table.rows),
      }),
    );
    assert.deepEqual(
      plan.rows.map((r) => r.report.outcome),
      ['updated', 'conflict', 'unchanged', 'unchanged'],
    );
    assert.equal((await ctx().store.get('persons', String(first?.id)))?.rank, 'ефрейтор');
    const kept = await ctx().store.get('persons', String(second?.id));
    assert.deepEqual([kept?.rank, kept?.notes], [undefined, 'moved']);
  });

  test('a row that only adds a man to a case links him and leaves his person record as it is', async () => {
    const mapping = { system: 'cases-later', columns: { externalId: 'ID', fullName: 'ФИО', case: 'Дело' } };
    const run = (caseTitle: string) =>
      importTable({
        ctx: ctx(),
        actor: system,
        scope: AccessScope.system(ctx()),
        bytes: buildCsv([
          ['ID', 'ФИО', 'Дело'],
          ['77', 'Жуков Максим Ильич', caseTitle],
        ]),
        fileName: 'l.csv',
        mapping,
        dryRun: false,
      });
    const first = await run('');
    const personId = String(first.rows[0].personId);
    const second = await run('Дело Жукова');
    assert.deepEqual(
      second.rows.map((r) => [r.outcome, r.changes?.map((c) => c.field)]),
      [['updated', ['case']]],
    );
    assert.equal((await ctx().store.get('persons', personId))?.version, 1);
    const [link] = await ctx().store.list('involvements', { filters: { personId }, limit: 5 });
    assert.equal((await ctx().store.get('cases', String(link.caseId)))?.title, 'Дело Жукова');
  });

  test('reads an .xlsx workbook, its dates by their number formats, and the sheet the mapping names', async () => {
    const bytes = buildXlsx({
      Пояснения: [['Список ведёт горячая линия']],
      Список: [
        ['Прізвище', "Ім'я", 'По батькові', 'Дата народження', 'Статус'],
        ['Бондар', 'Тарас', 'Петрович', { date: '1991-05-17' }, 'затриманий'],
        ['Ткачук', 'Богдан', '', { date: '1987-11-02', format: 'custom' }, 'зник безвісти'],
      ],
    });
    const mapping = {
      system: 'ua-list',
      sheet: 'Список',
      columns: {
        surname: 'Прізвище',
        givenName: "Ім'я",
        patronymic: 'По батькові',
        birthDate: 'Дата народження',
        status: 'Статус',
      },
    };
    const report = await importTable({
      ctx: ctx(),
      actor: system,
      scope: AccessScope.system(ctx()),
      bytes,
      fileName: 'ua.xlsx',
      mapping,
      dryRun: false,
    });
    assert.equal(report.file.sheet, 'Список');
    assert.deepEqual(
      report.rows.map((r) => [r.label, r.outcome]),
      [
        ['Бондар Тарас Петрович', 'created'],
        ['Ткачук Богдан', 'created'],
      ],
    );
    const statusOf = (p: Record<string, unknown> | undefined) =>
      ((p?.statusHistory ?? []) as Array<{ status: string }>).map((e) => e.status);
    const bondar = await ctx().store.get('persons', String(report.rows[0].personId));
    assert.deepEqual([bondar?.birthDate, statusOf(bondar)], ['1991-05-17', ['detained']]);
    const tkachuk = await ctx().store.get('persons', String(report.rows[1].personId));
    assert.deepEqual([tkachuk?.birthDate, statusOf(tkachuk)], ['1987-11-02', ['missing']]);
  });

  test('a mapping naming a column the table lacks, or no name column, is refused and nothing is written', async () => {
    const before = await databaseSnapshot(ctx().store.handle);
    const attempt = (mapping: unknown) =>
      importRows(ctx(), LIST_V1, { mapping: mapping as ReturnType<typeof listMapping> });
    await assert.rejects(
      attempt({ system: 's', columns: { fullName: 'Имя и фамилия' } }),
      /no column headed "Имя и фамилия"/,
    );
    await assert.rejects(attempt({ system: 's', columns: { birthDate: 'Дата рождения' } }), /fullName/);
    await assert.rejects(
      attempt({ system: 's', columns: { fullName: 'ФИО', shoeSize: 'Размер' } }),
      (err) => err instanceof VigilError && err.kind === 'invalid_input',
    );
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
  });

  test('an editor imports only into what he may change: a hidden man is not duplicated, a viewer may not import', async () => {
    const hidden = await createRecord({
      ctx: ctx(),
      actor: system,
      collection: 'cases',
      input: buildCase({ confidentiality: 'confidential' }),
    });
    const man = await seedPerson({
      names: [{ value: 'Скрытый Человек' }],
      externalIds: [{ system: 'secret-list', value: '9' }],
    });
    await createRecord({
      ctx: ctx(),
      actor: system,
      collection: 'involvements',
      input: { caseId: hidden.id, personId: man.id, role: 'victim' },
    });
    const editor = await scopeOf('editor');
    const bytes = buildCsv([
      ['ID', 'ФИО'],
      ['9', 'Скрытый Человек'],
      ['10', 'Открытый Человек'],
    ]);
    const mapping = { system: 'secret-list', columns: { externalId: 'ID', fullName: 'ФИО' } };
    const report = await importTable({
      ctx: ctx(),
      actor: system,
      scope: editor,
      bytes,
      fileName: 'l.csv',
      mapping,
      dryRun: false,
    });
    assert.deepEqual(
      report.rows.map((r) => [r.outcome, r.problems?.[0]?.code, r.personId === man.id]),
      [
        ['invalid', 'not_permitted', false],
        ['created', undefined, false],
      ],
    );
    assert.deepEqual([report.rows[0].personId, report.rows[0].candidates], [undefined, undefined]);
    const named = (await ctx().store.list('persons', { limit: 1000 })).filter(
      (p) => (p.names as Array<{ value: string }>)[0].value === 'Скрытый Человек',
    );
    assert.equal(named.length, 1, 'the hidden man is not created a second time');
    const viewer = await scopeOf('viewer');
    await assert.rejects(
      importTable({
        ctx: ctx(),
        actor: system,
        scope: viewer,
        bytes,
        fileName: 'l.csv',
        mapping,
        dryRun: true,
      }),
      (err) => err instanceof VigilError && err.kind === 'forbidden',
    );
  });
});
