import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectionName } from '../../domain/collections.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildCase, buildPerson, buildSource } from '../../testing/factories.js';
import { createRecord } from '../records/record-creator.js';
import { mergePersons } from './person-merger.js';
import { splitPerson } from './person-splitter.js';

const actor = { id: 'test:persons' };

describeEachEngine('person merge and split', (db) => {
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx: db().app.ctx, actor, collection, input })).id;

  /** A claim about a person, quoting the first word of a fresh source. */
  async function claimAbout(personId: string): Promise<string> {
    const sourceId = await create('sources', buildSource());
    return create('claims', {
      sourceId,
      subjectType: 'person',
      subjectId: personId,
      field: 'status',
      span: { start: 0, end: 9 },
      quote: 'Relatives',
      credibility: 3,
    });
  }

  const actionsOf = async (recordId: string) =>
    (
      await db()
        .app.ctx.store.handle.db.selectFrom('audit_events')
        .select('action')
        .where('record_id', '=', recordId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);

  test('merging keeps every claim of both persons, re-pointed to the kept one, and audits each move', async () => {
    const { ctx } = db().app;
    const kept = await create('persons', buildPerson({ names: [{ value: 'Ivan Petrov' }] }));
    const other = await create('persons', buildPerson({ names: [{ value: 'I. Petrov' }] }));
    const keptClaim = await claimAbout(kept);
    const movedClaims = [await claimAbout(other), await claimAbout(other)];
    const caseId = await create('cases', buildCase());
    const involvement = await create('involvements', { caseId, personId: other, role: 'victim' });

    const merged = await mergePersons({ ctx, actor, personId: kept, otherId: other });

    assert.equal(merged.id, kept);
    assert.equal(await ctx.store.get('persons', other), undefined, 'the other person is removed');
    for (const id of [keptClaim, ...movedClaims])
      assert.equal(
        (await ctx.store.get('claims', id))?.subjectId,
        kept,
        `claim ${id} points to the kept person`,
      );
    assert.equal((await ctx.store.get('involvements', involvement))?.personId, kept);
    const names = (merged.names as Array<{ value: string }>).map((n) => n.value).sort();
    assert.deepEqual(names, ['I. Petrov', 'Ivan Petrov']);
    for (const id of movedClaims) assert.deepEqual(await actionsOf(id), ['create', 'merge-move']);
    assert.ok((await actionsOf(kept)).includes('merge'), 'the merge itself is in the audit log');
    assert.ok((await actionsOf(other)).length > 1, 'the removal of the other person is audited');
  });

  test('splitting moves exactly the named claims to a new person and leaves the others', async () => {
    const { ctx } = db().app;
    const person = await create(
      'persons',
      buildPerson({ names: [{ value: 'Olga Smirnova' }, { value: 'Olha Smyrnova' }] }),
    );
    const [stay, go1, go2] = [await claimAbout(person), await claimAbout(person), await claimAbout(person)];

    const { original, created } = await splitPerson({
      ctx,
      actor,
      personId: person,
      claimIds: [go1, go2],
      names: ['Olha Smyrnova'],
    });

    assert.notEqual(created.id, person);
    assert.equal((await ctx.store.get('claims', stay))?.subjectId, person);
    for (const id of [go1, go2]) {
      assert.equal((await ctx.store.get('claims', id))?.subjectId, created.id);
      assert.deepEqual(await actionsOf(id), ['create', 'split-move']);
    }
    assert.deepEqual(
      (created.names as Array<{ value: string }>).map((n) => n.value),
      ['Olha Smyrnova'],
    );
    assert.equal(original.id, person);
    assert.ok((await actionsOf(person)).includes('split'), 'the split is in the audit log');
  });
});
