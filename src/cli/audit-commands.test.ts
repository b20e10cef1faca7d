import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openApp } from '../app/open-app.js';
import { createRecord } from '../app/records/record-creator.js';
import { updateRecord } from '../app/records/record-updater.js';
import { runVigil } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson } from '../testing/factories.js';
import { TEST_KEY } from '../testing/keys.js';

const actor = { id: 'test:audit-cli' };
const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine('vigil audit verify and anchor', (db) => {
  test('a record row edited, added or removed directly is found, though the chain is intact', async () => {
    const { ctx } = db().app;
    const kase = await createRecord({
      ctx,
      actor,
      collection: 'cases',
      input: buildCase({ title: 'Before' }),
    });
    const person = await createRecord({
      ctx,
      actor,
      collection: 'persons',
      input: buildPerson({ contacts: [{ kind: 'phone', value: '+7 900 000-00-01' }] }),
    });
    await updateRecord({
      ctx,
      actor,
      collection: 'cases',
      id: kase.id,
      patch: { version: 1, status: 'monitoring' },
    });
    const ok = runVigil(['audit', 'verify', '--db', db().url]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /records match/);

    const { handle } = ctx.store;
    const row = await handle.db
      .selectFrom('cases')
      .select('doc')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    const edited = JSON.stringify({ ...JSON.parse(row.doc), title: 'After' });
    await sql`UPDATE cases SET doc = ${edited} WHERE id = ${kase.id}`.execute(handle.db);
    const caught = runVigil(['audit', 'verify', '--db', db().url]);
    assert.equal(caught.code, 1);
    assert.match(caught.stderr, new RegExp(`record cases/${kase.id}: differs from the chain`));
    await sql`UPDATE cases SET doc = ${row.doc} WHERE id = ${kase.id}`.execute(handle.db);

    // A sealed field swapped for another value sealed under the same key is found too.
    const personRow = await handle.db
      .selectFrom('persons')
      .select('doc')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    const resealed = JSON.stringify({
      ...JSON.parse(personRow.doc),
      contacts: ctx.store.cipher.seal([{ kind: 'phone', value: '+7 900 000-00-02' }]),
    });
    await sql`UPDATE persons SET doc = ${resealed} WHERE id = ${person.id}`.execute(handle.db);
    assert.match(runVigil(['audit', 'verify', '--db', db().url]).stderr, /differs from the chain/);
    await sql`UPDATE persons SET doc = ${personRow.doc} WHERE id = ${person.id}`.execute(handle.db);

    await sql`DELETE FROM persons WHERE id = ${person.id}`.execute(handle.db);
    assert.match(runVigil(['audit', 'verify', '--db', db().url]).stderr, /: missing/);
    await handle.db
      .insertInto('persons')
      .values({ ...(await rowOf()) })
      .execute();
    assert.equal(runVigil(['audit', 'verify', '--db', db().url]).code, 0);

    async function rowOf() {
      return {
        id: person.id,
        version: person.version,
        created_at: person.createdAt,
        updated_at: person.updatedAt,
        doc: personRow.doc,
      };
    }
  });

  test('vigil audit anchor prints the head; verify --anchor finds a chain rolled back behind it', async () => {
    const { ctx } = db().app;
    await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    const saved = await ctx.store.handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    const printed = runVigil(['audit', 'anchor', '--db', db().url]);
    assert.equal(printed.code, 0, printed.stderr);
    const anchor = printed.stdout.split('\t')[0];
    const head = await ctx.store.handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    assert.equal(anchor, `${head.hash}:${head.seq}`);
    assert.equal(runVigil(['audit', 'verify', '--anchor', anchor, '--db', db().url]).code, 0);
    assert.equal(runVigil(['audit', 'verify', '--anchor', 'not-an-anchor', '--db', db().url]).code, 2);

    // Roll back: drop the newest entry and its record, put back the head saved before them.
    const last = await ctx.store.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', head.seq)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM cases WHERE id = ${last.record_id}`.execute(ctx.store.handle.db);
    await sql`DELETE FROM audit_events WHERE seq > ${saved.seq}`.execute(ctx.store.handle.db);
    await sql`UPDATE audit_head SET seq = ${saved.seq}, hash = ${saved.hash}, mac = ${saved.mac ?? null} WHERE id = 1`.execute(
      ctx.store.handle.db,
    );
    assert.equal(runVigil(['audit', 'verify', '--db', db().url]).code, 0, 'undetectable without an anchor');
    const caught = runVigil(['audit', 'verify', '--anchor', anchor, '--db', db().url]);
    assert.equal(caught.code, 1);
    assert.match(caught.stderr, /anchored/);
  });
});

test('a new SQLite database and its WAL and shared-memory files are private (0600)', async () => {
  const previous = process.umask(0o022);
  try {
    const path = join(dir, 'private.db');
    const app = await openApp(path, { key: TEST_KEY });
    await createRecord({ ctx: app.ctx, actor, collection: 'cases', input: buildCase() });
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      assert.ok(existsSync(file), file);
      assert.equal(statSync(file).mode & 0o777, 0o600, file);
    }
    await app.close();
  } finally {
    process.umask(previous);
  }
});

test("spawned vigil commands ignore the operator's exported VIGIL_KEY_FILE, VIGIL_KEY and VIGIL_DB", async () => {
  const path = join(dir, 'env.db');
  const app = await openApp(path, { key: TEST_KEY });
  await createRecord({ ctx: app.ctx, actor, collection: 'cases', input: buildCase() });
  await app.close();
  const operatorKey = join(dir, 'operator.key');
  writeFileSync(operatorKey, `${Buffer.alloc(32, 7).toString('base64')}\n`, { mode: 0o600 });
  const saved = { ...process.env };
  Object.assign(process.env, {
    VIGIL_KEY_FILE: operatorKey,
    VIGIL_KEY: Buffer.alloc(32, 9).toString('base64'),
    VIGIL_DB: join(dir, 'operator.db'),
  });
  try {
    const verified = runVigil(['audit', 'verify', '--db', path]);
    assert.equal(verified.code, 0, verified.stderr);
  } finally {
    for (const name of ['VIGIL_KEY_FILE', 'VIGIL_KEY', 'VIGIL_DB']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
  assert.equal(existsSync(join(dir, 'operator.db')), false);
});
