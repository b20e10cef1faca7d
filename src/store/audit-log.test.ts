import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createRecord } from '../app/records/record-creator.js';
import { updateRecord } from '../app/records/record-updater.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase } from '../testing/factories.js';
import { auditHash, verifyAudit } from './audit-log.js';

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
    const verdict = await verifyAudit(ctx.store.handle.db);
    assert.equal(verdict.ok, true);
  });

  test('keeps no audit entry and no record when the write fails', async () => {
    const { ctx } = db().app;
    const before = await verifyAudit(ctx.store.handle.db);
    await assert.rejects(
      createRecord({
        ctx,
        actor,
        collection: 'acts',
        input: { caseId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', type: 'beating', status: 'alleged' },
      }),
    );
    const afterwards = await verifyAudit(ctx.store.handle.db);
    assert.equal(afterwards.entries, before.entries);
  });

  test('names the first bad entry when an audit row is edited, and when one is deleted', async () => {
    const { ctx } = db().app;
    for (let i = 0; i < 3; i++)
      await createRecord({ ctx, actor, collection: 'cases', input: buildCase({ title: `Case ${i}` }) });
    const good = await verifyAudit(ctx.store.handle.db);
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
    const edited = await verifyAudit(ctx.store.handle.db);
    assert.deepEqual(edited.ok ? null : [edited.badSeq, edited.reason], [
      victim,
      `entry ${victim} was altered`,
    ]);

    await sql`UPDATE audit_events SET actor = ${original.actor} WHERE seq = ${victim}`.execute(
      ctx.store.handle.db,
    );
    assert.equal((await verifyAudit(ctx.store.handle.db)).ok, true);

    await sql`DELETE FROM audit_events WHERE seq = ${victim}`.execute(ctx.store.handle.db);
    const deleted = await verifyAudit(ctx.store.handle.db);
    assert.equal(deleted.ok ? null : deleted.badSeq, victim);
    await ctx.store.handle.db.insertInto('audit_events').values(original).execute();

    const last = good.entries;
    await sql`DELETE FROM audit_events WHERE seq = ${last}`.execute(ctx.store.handle.db);
    const truncated = await verifyAudit(ctx.store.handle.db);
    assert.equal(truncated.ok ? null : truncated.badSeq, last);
  });
});

describeEachEngine('audit log contexts', (db) => {
  test('entries written before contexts existed hash as they did; a context is covered by the hash', async () => {
    const { ctx } = db().app;
    const kase = await createRecord({
      ctx,
      actor,
      collection: 'cases',
      input: buildCase({ title: 'Hashed' }),
    });
    const row = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', kase.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.context, null);
    // The hash as written before the context column existed: nine fields, in this order.
    const { hash: _h, context: _c, ...rest } = row;
    const old = JSON.stringify([
      rest.seq,
      rest.at,
      rest.actor,
      rest.action,
      rest.collection,
      rest.record_id,
      rest.before_doc,
      rest.after_doc,
      rest.prev_hash,
    ]);
    assert.equal(row.hash, createHash('sha256').update(old).digest('hex'));
    assert.equal(auditHash({ ...rest, context: null }), row.hash);

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
    const noted = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor', '=', 'test:context')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(noted.context)), { import: 'I1', source: 'S1' });
    assert.equal((await verifyAudit(ctx.store.handle.db)).ok, true);
    await sql`UPDATE audit_events SET context = '{"import":"I2"}' WHERE seq = ${noted.seq}`.execute(
      ctx.store.handle.db,
    );
    const verdict = await verifyAudit(ctx.store.handle.db);
    assert.deepEqual(verdict.ok ? null : verdict.badSeq, noted.seq);
    await sql`UPDATE audit_events SET context = ${noted.context} WHERE seq = ${noted.seq}`.execute(
      ctx.store.handle.db,
    );
    assert.equal((await verifyAudit(ctx.store.handle.db)).ok, true);
  });
});
