import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredRecord } from '../../domain/collections.js';
import { verifyAudit } from '../../store/audit-log.js';
import { databaseSnapshot } from '../../testing/db-snapshot.js';
import { describeEachEngine } from '../../testing/engines.js';
import { importRows, LIST_V1, LIST_V2, listMapping } from '../../testing/table-import.js';

type Entry = { status: string; date?: string; sourceId?: string; placeId?: string };

describeEachEngine('table import: a list and its next version', (db) => {
  const ctx = () => db().app.ctx;
  const persons = async () => ctx().store.list('persons', { limit: 1000 });
  const byName = async (name: string) =>
    (await persons()).find((p) =>
      (p.names as Array<{ value: string }>).some((n) => n.value === name),
    ) as StoredRecord;

  test('a dry run of the first version writes nothing and reports every row as created', async () => {
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await importRows(ctx(), LIST_V1, { dryRun: true });
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
    assert.equal(report.dryRun, true);
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.outcome, r.label]),
      [
        [2, 'created', 'Кашин Алексей Петрович'],
        [3, 'created', 'Мельник Андрій'],
        [4, 'created', 'Sorokin Stanislav'],
        [5, 'created', 'Петров Пётр Ильич'],
      ],
    );
    assert.deepEqual(report.newRecords.map((n) => [n.collection, n.label.split(' (')[0], n.rows]).sort(), [
      ['cases', 'Отказники, список горячей линии', 4],
      ['organizations', 'в/ч 12345', 2],
      ['organizations', 'в/ч 54321', 1],
      ['places', 'Зайцеве', 1],
    ]);
    // A settlement is listed with its region: several villages bear this name.
    assert.match(
      report.newRecords.find((n) => n.collection === 'places')?.label ?? '',
      /^Зайцеве \(\S+ Oblast\)$/,
    );
  });

  test('the first version creates the men with their units, status, detention site, case and claims', async () => {
    const report = await importRows(ctx(), LIST_V1);
    assert.equal(report.summary.created, 4);
    assert.ok(report.importId && report.sourceId);
    const kashin = await byName('Кашин Алексей Петрович');
    assert.equal(kashin.birthDate, '1990-10-12');
    assert.equal(kashin.lastContact, '2022-10-20');
    assert.deepEqual(kashin.externalIds, [{ system: 'hotline-list', value: '101' }]);
    const [entry] = kashin.statusHistory as Entry[];
    assert.equal(entry.status, 'detained');
    assert.equal(entry.date, '2022-10-12');
    assert.equal(entry.sourceId, report.sourceId);
    const place = await ctx().store.get('places', String(entry.placeId));
    assert.equal(place?.name, 'Зайцеве');
    const unit = await ctx().store.get('organizations', String(kashin.unitOrganizationId));
    assert.deepEqual([unit?.name, unit?.kind], ['в/ч 12345', 'military_unit']);
    assert.equal((await byName('Мельник Андрій')).unitOrganizationId, kashin.unitOrganizationId);
    const [link] = await ctx().store.list('involvements', { filters: { personId: kashin.id }, limit: 5 });
    assert.equal(link.role, 'victim');
    const [act] = await ctx().store.list('acts', { filters: { caseId: String(link.caseId) }, limit: 5 });
    assert.deepEqual([act.type, act.placeId, act.victimIds], ['arbitrary_detention', place?.id, [kashin.id]]);
    const source = await ctx().store.get('sources', report.sourceId);
    assert.equal(source?.kind, 'spreadsheet');
    assert.equal(source?.sensitive, true);
    const claims = await ctx().store.list('claims', { filters: { subjectId: kashin.id }, limit: 50 });
    assert.deepEqual(claims.map((c) => c.field).sort(), [
      'birthDate',
      'detentionPlace',
      'externalId',
      'fullName',
      'lastContact',
      'phone',
      'rank',
      'status',
      'statusDate',
      'unit',
    ]);
    const text = String(source?.text);
    for (const claim of claims) {
      const span = claim.span as { start: number; end: number };
      assert.equal(text.slice(span.start, span.end), claim.quote);
    }
    assert.equal(claims.find((c) => c.field === 'birthDate')?.quote, '12.10.1990');
    // Contacts are encrypted at rest: the phone is nowhere in the stored rows.
    const raw = await ctx()
      .store.handle.db.selectFrom('persons')
      .select('doc')
      .where('id', '=', kashin.id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(raw.doc, /900 000/);
    assert.deepEqual(kashin.contacts, [{ kind: 'phone', value: '+7 900 000-00-01' }]);
  });

  test('importing the same file again changes nothing', async () => {
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await importRows(ctx(), LIST_V1);
    assert.deepEqual(
      report.rows.map((r) => r.outcome),
      ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
    );
    assert.equal(report.importId, undefined);
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
  });

  test('a dry run of the next version shows updates with their field changes, new rows and absent ones, and writes nothing', async () => {
    const before = await databaseSnapshot(ctx().store.handle);
    const report = await importRows(ctx(), LIST_V2, { dryRun: true, name: 'list-v2.csv' });
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), before);
    assert.deepEqual(
      report.rows.map((r) => [r.label, r.outcome]),
      [
        ['Кашин Алексей Петрович', 'updated'],
        ['Мельник Андрей', 'updated'],
        ['Петров Пётр Ильич', 'unchanged'],
        ['Новиков Олег Семёнович', 'created'],
      ],
    );
    const kashin = report.rows[0];
    assert.equal(kashin.match?.by, 'external_id');
    const [contact, status] = kashin.changes ?? [];
    assert.deepEqual(contact, { field: 'lastContact', before: '2022-10-20', after: '2023-02-06' });
    assert.deepEqual(status?.field, 'statusHistory');
    assert.equal(status?.before, null);
    const { place, ...released } = (status?.after ?? {}) as Record<string, unknown>;
    assert.deepEqual(released, { status: 'released', date: '2023-02-05' });
    assert.match(String(place), /^Зайцеве \(\S+ Oblast\)$/);
    assert.equal(kashin.changes?.length, 2);
    assert.deepEqual(
      report.rows[1].changes?.map((c) => [c.field, c.before, c.after]),
      [
        ['names', ['Мельник Андрій'], ['Мельник Андрій', 'Мельник Андрей']],
        ['rank', null, 'ефрейтор'],
        ['unit', 'в/ч 12345', 'в/ч 777'],
      ],
    );
    assert.deepEqual(
      report.absent.map((a) => [a.label, a.row]),
      [['Sorokin Stanislav', 4]],
    );
    assert.equal(report.summary.absent, 1);
  });

  test('the next version updates and adds, duplicates no one, keeps the absent, and the audit log names the import', async () => {
    const countBefore = (await persons()).length;
    const report = await importRows(ctx(), LIST_V2, { name: 'list-v2.csv' });
    assert.deepEqual(
      [report.summary.created, report.summary.updated, report.summary.unchanged, report.summary.absent],
      [1, 2, 1, 1],
    );
    assert.equal((await persons()).length, countBefore + 1);
    assert.ok(await byName('Sorokin Stanislav'), 'a man absent from the new version is kept');
    const kashin = await byName('Кашин Алексей Петрович');
    assert.deepEqual(
      (kashin.statusHistory as Entry[]).map((e) => [e.status, e.date]),
      [
        ['detained', '2022-10-12'],
        ['released', '2023-02-05'],
      ],
    );
    const melnyk = await byName('Мельник Андрей');
    const unit = await ctx().store.get('organizations', String(melnyk.unitOrganizationId));
    assert.equal(unit?.name, 'в/ч 777');
    assert.equal((await byName('Новиков Олег Семёнович')).unitOrganizationId, melnyk.unitOrganizationId);
    assert.equal((await byName('Новиков Олег Семёнович')).birthDate, '1979-10-03');
    const entries = await ctx()
      .store.handle.db.selectFrom('audit_events')
      .selectAll()
      .where('record_id', 'in', [kashin.id, melnyk.id])
      .orderBy('seq')
      .execute();
    const last = (id: string) => entries.filter((e) => e.record_id === id).at(-1);
    for (const id of [kashin.id, melnyk.id]) {
      assert.equal(last(id)?.action, 'import-table');
      assert.deepEqual(JSON.parse(String(last(id)?.context)), {
        import: report.importId,
        source: report.sourceId,
      });
    }
    const note = await ctx()
      .store.handle.db.selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', String(report.importId))
      .executeTakeFirstOrThrow();
    assert.equal(note.collection, 'table_imports');
    assert.equal((await verifyAudit(ctx().store.handle.db, ctx().store.auditKey)).ok, true);
  });

  test('without an id column, entity resolution finds the same men in another script and duplicates no one', async () => {
    const mapping = { ...listMapping(false), system: 'volunteers' };
    const latin = LIST_V2.map((row) => [...row]);
    latin[1][1] = 'Kashin Aleksei Petrovich';
    latin[1][7] = '01.03.2023';
    latin[2][1] = 'Melnyk Andrii';
    latin[4][1] = 'Novikov Oleg Semenovich';
    const countBefore = (await persons()).length;
    const first = await importRows(ctx(), latin, { mapping, name: 'volunteers.csv' });
    assert.deepEqual(
      first.rows.map((r) => r.outcome),
      ['updated', 'updated', 'unchanged', 'updated'],
    );
    assert.ok(first.rows.every((r) => r.match?.by === 'resolution' && (r.match.reasons ?? []).length > 0));
    const codes = first.rows[0].match?.reasons?.map((r) => r.code) ?? [];
    assert.ok(codes.includes('name') && codes.includes('birth_date'), codes.join());
    assert.equal((await persons()).length, countBefore);
    assert.equal((await byName('Kashin Aleksei Petrovich')).lastContact, '2023-03-01');
    const again = await importRows(ctx(), latin, { mapping, name: 'volunteers.csv' });
    assert.deepEqual(
      again.rows.map((r) => r.outcome),
      ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
    );
    const without = await importRows(
      ctx(),
      latin.filter((r) => r[0] !== '104'),
      { mapping, name: 'volunteers-2.csv', dryRun: true },
    );
    assert.deepEqual(
      without.absent.map((a) => a.label),
      ['Петров Пётр Ильич'],
    );
    assert.equal((await persons()).length, countBefore);
  });
});
