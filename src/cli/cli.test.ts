import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openApp } from '../app/open-app.js';
import { createRecord } from '../app/records/record-creator.js';
import { COLLECTION_NAMES } from '../domain/collections.js';
import { runVigil } from '../testing/cli.js';
import { createEngineDb, describeEachEngine } from '../testing/engines.js';
import { buildCase, buildOrganization, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { TEST_KEY } from '../testing/keys.js';
import { commands } from './commands/index.js';

const actor = { id: 'test:cli' };

test('prints help for vigil and for every command, exiting 0', () => {
  const top = runVigil(['--help']);
  assert.equal(top.code, 0);
  for (const command of commands) {
    assert.match(top.stdout, new RegExp(command.path.join(' ')));
    const help = runVigil([...command.path, '--help']);
    assert.equal(help.code, 0, command.path.join(' '));
    assert.match(help.stdout, /^usage: vigil /);
  }
});

test('exits 2 with one line on stderr for an unknown command or flag', () => {
  const unknown = runVigil(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  const badFlag = runVigil(['init', '--colour']);
  assert.equal(badFlag.code, 2);
  assert.equal(badFlag.stderr.trim().split('\n').length, 1);
  const badFormat = runVigil(['export', '--format', 'xml']);
  assert.equal(badFormat.code, 2);
});

describeEachEngine('vigil export and import', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    const { ctx } = db().app;
    const text = 'Кашина говорит, что мужа держат в Зайцеве.';
    const source = await createRecord({ ctx, actor, collection: 'sources', input: buildSource({ text }) });
    const place = await createRecord({ ctx, actor, collection: 'places', input: buildPlace() });
    const unit = await createRecord({
      ctx,
      actor,
      collection: 'organizations',
      input: buildOrganization({ name: '5th company', kind: 'military_unit' }),
    });
    const person = await createRecord({
      ctx,
      actor,
      collection: 'persons',
      input: buildPerson({
        unitOrganizationId: unit.id,
        statusHistory: [{ status: 'detained', date: '2022-10', sourceId: source.id }],
      }),
    });
    const kase = await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    await createRecord({
      ctx,
      actor,
      collection: 'involvements',
      input: { caseId: kase.id, personId: person.id, role: 'victim' },
    });
    const group = await createRecord({
      ctx,
      actor,
      collection: 'person_groups',
      input: { description: 'mobilized men', count: 21, placeId: place.id, memberPersonIds: [person.id] },
    });
    await createRecord({
      ctx,
      actor,
      collection: 'involvements',
      input: { caseId: kase.id, groupId: group.id, role: 'victim' },
    });
    await createRecord({
      ctx,
      actor,
      collection: 'acts',
      input: {
        caseId: kase.id,
        type: 'arbitrary_detention',
        status: 'alleged',
        victimIds: [person.id],
        victimGroupIds: [group.id],
        placeId: place.id,
      },
    });
    await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: {
        caseId: kase.id,
        recipientName: 'Investigative Committee of Russia',
        senderKind: 'relatives',
        kind: 'inquiry',
        status: 'sent',
        sentOn: '2022-11-01',
        personIds: [person.id],
      },
    });
    await createRecord({
      ctx,
      actor,
      collection: 'claims',
      input: {
        sourceId: source.id,
        subjectType: 'place',
        subjectId: place.id,
        field: 'name',
        span: { start: text.indexOf('Зайцеве'), end: text.indexOf('Зайцеве') + 7 },
        quote: 'Зайцеве',
        credibility: 3,
      },
    });
  });

  test('a full JSON export imported into a fresh database gives back every record and the audit chain', async () => {
    const file = join(dir, `export-${db().engine}.json`);
    const exported = runVigil(['export', '--format', 'json', '--out', file, '--db', db().url]);
    assert.equal(exported.code, 0, exported.stderr);

    const fresh = await createEngineDb(db().engine);
    try {
      const imported = runVigil(['import', file, '--db', fresh.db.url]);
      assert.equal(imported.code, 0, imported.stderr);
      const source = db().app.ctx.store;
      const target = fresh.db.app.ctx.store;
      for (const collection of COLLECTION_NAMES) {
        const a = await source.list(collection, { limit: 1000 });
        const b = await target.list(collection, { limit: 1000 });
        assert.ok(a.length > 0, `${collection} has records`);
        assert.deepEqual(b, a, collection);
      }
      const verified = runVigil(['audit', 'verify', '--db', fresh.db.url]);
      assert.equal(verified.code, 0, verified.stderr);
      const again = runVigil(['import', file, '--db', fresh.db.url]);
      assert.equal(again.code, 1, 'a second import into a non-empty database is refused');
    } finally {
      await fresh.drop();
    }
  });

  test('audit verify exits 0 on an intact chain and 1 naming the entry after a direct edit', async () => {
    const ok = runVigil(['audit', 'verify', '--db', db().url]);
    assert.equal(ok.code, 0, ok.stderr);
    const handle = db().app.ctx.store.handle;
    await sql`UPDATE audit_events SET after_doc = '{}' WHERE seq = 2`.execute(handle.db);
    const broken = runVigil(['audit', 'verify', '--db', db().url]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /entry 2 was altered/);
  });

  test('import refuses a file that is not an export, changing nothing', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const bad = join(dir, 'bad.json');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(bad, JSON.stringify({ format: 'something-else' }));
      const result = runVigil(['import', bad, '--db', fresh.db.url]);
      assert.equal(result.code, 2);
      assert.equal((await fresh.db.app.ctx.store.list('cases', { limit: 1 })).length, 0);
    } finally {
      await fresh.drop();
    }
  });
});

test('init creates an SQLite database that opens with every table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-init-'));
  try {
    const path = join(dir, 'new.db');
    const result = runVigil(['init', '--db', path], { VIGIL_ADMIN_PASSWORD: 'Long-enough-pass-7' });
    assert.equal(result.code, 0, result.stderr);
    const app = await openApp(path, { key: TEST_KEY });
    for (const collection of COLLECTION_NAMES)
      assert.deepEqual(await app.ctx.store.list(collection, { limit: 1 }), []);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
