import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createRecord } from '../app/records/record-creator.js';
import { updateRecord } from '../app/records/record-updater.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase } from '../testing/factories.js';
import { auditHash, auditHead, changedSince, verifyAudit } from './audit-log.js';

const actor = { id: 'test:audit' };

describeEachEngine('audit log', (db) => {
  test('records actor, entity, before and after for every write, in a chain that verifies', async () => {
    const { ctx } = db().app;
    const kase = await createRecord({
      ctx,
      actor,
      collection: 'cases',
      input: buildCase({ title: 'Audited' }),
    });
    await updateRecord({
      ctx,
      actor,
      collection: 'cases',
      id: kase.id,
      patch: { version: 1, status: 'monitoring' },
    });
    const rows = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', kase.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor, r.collection]),
      [
        ['create', 'test:audit', 'cases'],
        ['update', 'test:audit', 'cases'],
      ],
    );
    assert.equal(rows[0].before_doc, null);
    assert.equal(JSON.parse(rows[1].before_doc ?? '{}').status, 'open');
    assert.equal(JSON.parse(rows[1].after_doc ?? '{}').status, 'monitoring');
    const verdict = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.equal(verdict.ok, true);
  });

  test('keeps no audit entry and no record when the write fails', async () => {
    const { ctx } = db().app;
    const before = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    await assert.rejects(
      createRecord({
        ctx,
        actor,
        collection: 'acts',
        input: { caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', type: 'beating', status: 'alleged' },
      }),
    );
    const afterwards = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.equal(afterwards.entries, before.entries);
  });

  test('names the first bad entry when an audit row is edited, and when one is deleted', async () => {
    const { ctx } = db().app;
    for (let i = 0; i < 3; i++)
      await createRecord({ ctx, actor, collection: 'cases', input: buildCase({ title: `Case ${i}` }) });
    const good = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.equal(good.ok, true);
    const victim = good.entries - 1;
    const original = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', victim)
      .executeTakeFirstOrThrow();

    await sql`UPDATE audit_events SET actor = 'someone else' WHERE seq = ${victim}`.execute(
      ctx.store.handle.db,
    );
    const edited = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.deepEqual(edited.ok ? null : [edited.badSeq, edited.reason], [
      victim,
      `entry ${victim} was altered`,
    ]);

    await sql`UPDATE audit_events SET actor = ${original.actor} WHERE seq = ${victim}`.execute(
      ctx.store.handle.db,
    );
    assert.equal((await verifyAudit(ctx.store.handle.db, ctx.store.auditKey)).ok, true);

    await sql`DELETE FROM audit_events WHERE seq = ${victim}`.execute(ctx.store.handle.db);
    const deleted = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.equal(deleted.ok ? null : deleted.badSeq, victim);
    await ctx.store.handle.db.insertInto('audit_events').values(original).execute();

    const last = good.entries;
    await sql`DELETE FROM audit_events WHERE seq = ${last}`.execute(ctx.store.handle.db);
    const truncated = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
    assert.equal(truncated.ok ? null : truncated.badSeq, last);
  });

  test('tells whether anything but the ignored collections was written after a point of the chain', async () => {
    const { ctx } = db().app;
    const note = (collection: string) =>
      ctx.store.write('test:since', (writer) =>
        writer.note({ action: 'note', collection, recordId: 'R1', before: undefined, after: { x: 1 } }),
      );
    const seq = Number((await auditHead(ctx.store.handle.db))?.seq ?? 0);
    assert.equal(await changedSince(ctx.store.handle.db, seq, []), false, 'nothing yet');
    await note('table_uploads');
    assert.equal(await changedSince(ctx.store.handle.db, seq, ['table_uploads']), false);
    assert.equal(await changedSince(ctx.store.handle.db, seq, []), true);
    await note('persons');
    assert.equal(await changedSince(ctx.store.handle.db, seq, ['table_uploads']), true);
    const later = Number((await auditHead(ctx.store.handle.db))?.seq);
    assert.equal(await changedSince(ctx.store.handle.db, later, ['table_uploads']), false);
  });
});

describeEachEngine('audit log contexts and keying', (db) => {
  test('a chain written before keying still verifies, keyed entries follow it, and a context is covered', async () => {
    const { ctx } = db().app;
    const { handle } = ctx.store;
    // Two entries as Vigil wrote them before the chain was keyed: SHA-256 of nine fields, the
    // second with a context hashed after them, and a head without an HMAC.
    let prev = '0'.repeat(64);
    for (const [seq, context] of [
      [1, null],
      [2, '{"import":"I0"}'],
    ] as const) {
      const row = {
        seq,
        at: '2024-01-01T00:00:00.000Z',
        actor: 'old',
        action: 'create',
        collection: 'cases',
        record_id: `R${seq}`,
        before_doc: null,
        after_doc: null,
        prev_hash: prev,
        context,
      };
      const fields: unknown[] = [
        seq,
        row.at,
        row.actor,
        row.action,
        row.collection,
        row.record_id,
        null,
        null,
        prev,
      ];
      if (context) fields.push(context);
      const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
      assert.equal(auditHash(row), hash);
      await handle.db
        .insertInto('audit_events')
        .values({ ...row, hash })
        .execute();
      prev = hash;
    }
    await handle.db.insertInto('audit_head').values({ id: 1, seq: 2, hash: prev }).execute();
    assert.equal((await verifyAudit(handle.db, ctx.store.auditKey)).ok, true);

    const kase = await createRecord({
      ctx,
      actor,
      collection: 'cases',
      input: buildCase({ title: 'Keyed' }),
    });
    const row = await handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', kase.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.kind, 'change');
    const { hash: _h, ...rest } = row;
    assert.equal(auditHash(rest, ctx.store.auditKey), row.hash);
    assert.notEqual(auditHash(rest, new Uint8Array(32)), row.hash, 'the digest depends on the key');
    assert.equal((await verifyAudit(handle.db, ctx.store.auditKey)).ok, true);

    await ctx.store.write('test:context', async (writer) => {
      writer.context = { import: 'I1', source: 'S1' };
      await writer.note({
        action: 'note',
        collection: 'cases',
        recordId: kase.id,
        before: undefined,
        after: { x: 1 },
      });
    });
    const noted = await handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor', '=', 'test:context')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(noted.context)), { import: 'I1', source: 'S1' });
    assert.equal(noted.kind, 'note');
    await sql`UPDATE audit_events SET context = '{"import":"I2"}' WHERE seq = ${noted.seq}`.execute(
      handle.db,
    );
    const verdict = await verifyAudit(handle.db, ctx.store.auditKey);
    assert.deepEqual(verdict.ok ? null : verdict.badSeq, noted.seq);
    await sql`UPDATE audit_events SET context = ${noted.context} WHERE seq = ${noted.seq}`.execute(handle.db);
    assert.equal((await verifyAudit(handle.db, ctx.store.auditKey)).ok, true);

    // Turning a keyed entry back into an unkeyed one, with a fresh SHA-256, does not pass.
    const fields = [
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.collection,
      row.record_id,
      row.before_doc,
      row.after_doc,
      row.prev_hash,
    ];
    const forged = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
    await sql`UPDATE audit_events SET kind = NULL, hash = ${forged} WHERE seq = ${row.seq}`.execute(
      handle.db,
    );
    assert.equal((await verifyAudit(handle.db, ctx.store.auditKey)).ok, false);
    await sql`UPDATE audit_events SET kind = 'change', hash = ${row.hash} WHERE seq = ${row.seq}`.execute(
      handle.db,
    );
    assert.equal((await verifyAudit(handle.db, ctx.store.auditKey)).ok, true);
  });

  test('cutting the last entries and moving the head back is detected; a rollback only with an anchor', async () => {
    const { ctx } = db().app;
    const { handle } = ctx.store;
    const key = ctx.store.auditKey;
    await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    const early = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++) await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    const head = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const anchor = { entries: head.seq, digest: head.hash };
    assert.equal((await verifyAudit(handle.db, key, { anchor })).ok, true);

    // The attack of the review: delete the newest entries, point the head at the last one left.
    const left = await handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', head.seq - 1)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_events WHERE seq = ${head.seq}`.execute(handle.db);
    await sql`UPDATE audit_head SET seq = ${left.seq}, hash = ${left.hash} WHERE id = 1`.execute(handle.db);
    assert.equal((await verifyAudit(handle.db, key)).ok, false, 'the head HMAC does not match');

    // Putting back a head saved earlier (with its HMAC) passes alone; the anchor catches it.
    await sql`DELETE FROM audit_events WHERE seq > ${early.seq}`.execute(handle.db);
    await sql`UPDATE audit_head SET seq = ${early.seq}, hash = ${early.hash}, mac = ${early.mac ?? null} WHERE id = 1`.execute(
      handle.db,
    );
    assert.equal((await verifyAudit(handle.db, key)).ok, true);
    const rolledBack = await verifyAudit(handle.db, key, { anchor });
    assert.equal(rolledBack.ok, false);
    assert.match(rolledBack.ok ? '' : rolledBack.reason, /anchored/);
  });
});
