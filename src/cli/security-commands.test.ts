import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { openApp } from '../app/open-app.js';
import { createRecord } from '../app/records/record-creator.js';
import { importFtm } from '../app/transfer/ftm/ftm-importer.js';
import { dumpTables } from '../store/table-dump.js';
import { seedAccount } from '../testing/auth.js';
import { runVigil } from '../testing/cli.js';
import { createEngineDb, describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { TEST_KEY } from '../testing/keys.js';

const actor = { id: 'test:cli-security' };
const dir = mkdtempSync(join(tmpdir(), 'vigil-sec-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function keyFile(name: string): { path: string; key: Uint8Array } {
  const path = join(dir, name);
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { path, key: new Uint8Array(key) };
}

test('init creates the first admin from VIGIL_ADMIN_PASSWORD, refuses a weak one, and exits 2 without one', async () => {
  const path = join(dir, 'init.db');
  const missing = runVigil(['init', '--db', path]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /VIGIL_ADMIN_PASSWORD/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.equal(runVigil(['init', '--db', path], { VIGIL_ADMIN_PASSWORD: 'short' }).code, 2);
  const ok = runVigil(['init', '--db', path], { VIGIL_ADMIN_PASSWORD: 'Long-enough-pass-7' });
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(runVigil(['init', '--db', path]).code, 0, 'a second init needs no password');
  const app = await openApp(path, { key: TEST_KEY });
  const users = await app.ctx.store.handle.db.selectFrom('users').selectAll().execute();
  await app.close();
  assert.deepEqual(
    users.map((u) => [u.username, u.role]),
    [['admin', 'admin']],
  );
  assert.match(users[0].password_hash, /^\$argon2id\$/);
  assert.doesNotMatch(JSON.stringify(users), /Long-enough-pass-7/);
});

test('refuses to start without a key, and with a wrong key, before writing anything', () => {
  const path = join(dir, 'keyed.db');
  assert.equal(runVigil(['init', '--db', path], { VIGIL_ADMIN_PASSWORD: 'Long-enough-pass-7' }).code, 0);
  const before = readFileSync(path);
  const none = runVigil(['serve', '--port', '0', '--db', path], { VIGIL_KEY: '' });
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no encryption key/);
  const wrong = runVigil(['serve', '--port', '0', '--db', path], {
    VIGIL_KEY: randomBytes(32).toString('base64'),
  });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /wrong key/);
  assert.deepEqual(readFileSync(path), before, 'the database is unchanged');
  const loose = keyFile('loose.key');
  chmodSync(loose.path, 0o644);
  const open = runVigil(['audit', 'verify', '--db', path, '--key-file', loose.path]);
  assert.equal(open.code, 1);
  assert.match(open.stderr, /readable by others/);
});

test('user add, token, disable and reset manage accounts from the command line', async () => {
  const path = join(dir, 'users.db');
  assert.equal(runVigil(['init', '--db', path], { VIGIL_ADMIN_PASSWORD: 'Long-enough-pass-7' }).code, 0);
  const added = runVigil(['user', 'add', 'olga', '--role', 'editor', '--db', path], {
    VIGIL_PASSWORD: 'Another-long-pass-8',
  });
  assert.equal(added.code, 0, added.stderr);
  assert.equal(
    runVigil(['user', 'add', 'x', '--role', 'king', '--db', path], { VIGIL_PASSWORD: 'Another-long-pass-8' })
      .code,
    2,
  );
  const token = runVigil(['user', 'token', 'olga', '--db', path]);
  assert.equal(token.code, 0);
  assert.match(token.stdout, /^vgt_[0-9A-Z]{26}_[A-Za-z0-9_-]+\n$/);
  assert.equal(runVigil(['user', 'disable', 'olga', '--db', path]).code, 0);
  const app = await openApp(path, { key: TEST_KEY });
  const olga = await app.ctx.store.handle.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'olga')
    .executeTakeFirstOrThrow();
  const tokens = await app.ctx.store.handle.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', olga.id)
    .execute();
  await app.close();
  assert.equal(olga.disabled, 1);
  assert.ok(
    tokens.every((t) => t.revoked_at !== null),
    'disabling revokes the tokens',
  );
  assert.equal(
    runVigil(['user', 'reset', 'olga', '--db', path], { VIGIL_PASSWORD: 'Third-long-pass-99' }).code,
    0,
  );
  assert.equal(
    runVigil(['user', 'reset', 'nobody', '--db', path], { VIGIL_PASSWORD: 'Third-long-pass-99' }).code,
    1,
  );
});

test('key rotate moves the database to a new key; the old key no longer opens it and the audit chain holds', async () => {
  const path = join(dir, 'rotate.db');
  const first = keyFile('first.key');
  const second = keyFile('second.key');
  const app = await openApp(path, { key: first.key });
  const person = await createRecord({
    ctx: app.ctx,
    actor,
    collection: 'persons',
    input: buildPerson({ contacts: [{ kind: 'phone', value: '+7 999 000-11-22' }] }),
  });
  await app.close();
  const rotated = runVigil([
    'key',
    'rotate',
    '--db',
    path,
    '--key-file',
    first.path,
    '--new-key-file',
    second.path,
    '--reencrypt',
  ]);
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(runVigil(['audit', 'verify', '--db', path, '--key-file', first.path]).stderr, /wrong key/);
  assert.equal(runVigil(['audit', 'verify', '--db', path, '--key-file', second.path]).code, 0);
  const reopened = await openApp(path, { key: second.key });
  const read = await reopened.ctx.store.get('persons', person.id);
  const audit = await reopened.ctx.store.handle.db.selectFrom('audit_events').selectAll().execute();
  await reopened.close();
  assert.deepEqual(read?.contacts, [{ kind: 'phone', value: '+7 999 000-11-22' }]);
  // The audit entry written before rotation still opens, under the old data key, now wrapped anew.
  const created = audit.find((a) => a.record_id === person.id && a.action === 'create');
  assert.ok(created?.after_doc?.includes('vgl1.dk1.'));
});

describeEachEngine('backup and restore', (db) => {
  let file = '';
  let waiting = '';
  before(async () => {
    const { ctx } = db().app;
    await seedAccount(ctx, 'editor');
    const kase = await createRecord({ ctx, actor, collection: 'cases', input: buildCase() });
    const person = await createRecord({
      ctx,
      actor,
      collection: 'persons',
      input: buildPerson({ contacts: [{ kind: 'phone', value: '+7 912 000-00-00' }] }),
    });
    await createRecord({
      ctx,
      actor,
      collection: 'involvements',
      input: { caseId: kase.id, personId: person.id, role: 'victim' },
    });
    await createRecord({
      ctx,
      actor,
      collection: 'sources',
      input: buildSource({ sensitive: true, kind: 'testimony' }),
    });
    const ftmPerson = { id: 'ftm-person-1', schema: 'Person', properties: { name: ['Anna Example'] } };
    await importFtm({ ctx, actor, content: JSON.stringify(ftmPerson) });
    // One report extracted into a draft, one still waiting for its extraction.
    const ingest = (text: string) => ingestSource({ ctx, actor, bytes: Buffer.from(text) });
    await ingest('Ivan Petrov, a mobilized man who refused to fight, is held in a cellar in Zaitseve.');
    assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 1);
    waiting = (await ingest('Relatives say Oleg Sidorov has been held in a basement in Svatove since March.'))
      .source.id;
    file = join(dir, `backup-${db().engine}.vbk`);
    const made = runVigil(['backup', file, '--db', db().url]);
    assert.equal(made.code, 0, made.stderr);
  });

  test('backup then restore into an empty database gives every table back equal', async () => {
    const fresh = await createEngineDb(db().engine);
    try {
      const restored = runVigil(['restore', file, '--db', fresh.db.url]);
      assert.equal(restored.code, 0, restored.stderr);
      const a = await dumpTables(db().app.ctx.store.handle.db);
      const b = await dumpTables(fresh.db.app.ctx.store.handle.db);
      for (const table of Object.keys(a) as Array<keyof typeof a>)
        assert.deepEqual(b[table], a[table], table);
      assert.ok(a.users.length > 0 && a.persons.length > 0 && a.audit_events.length > 0);
      assert.equal(a.source_files.length, 2, 'the original report files travel');
      assert.equal(a.drafts.length, 1, 'the draft travels');
      assert.equal(a.ftm_ids.length, 1, 'the FollowTheMoney ids an import keeps travel');
      assert.equal((await fresh.db.app.ctx.jobs.stateOf(waiting))?.state, 'queued', 'its extraction is owed');
      assert.equal(await fresh.db.app.ctx.jobs.drain(draftJobHandler(fresh.db.app.ctx)), 1);
      assert.equal(runVigil(['audit', 'verify', '--db', fresh.db.url]).code, 0);
      assert.equal(
        runVigil(['restore', file, '--db', fresh.db.url]).code,
        1,
        'a database with data is not overwritten',
      );
    } finally {
      await fresh.drop();
    }
  });

  test('refuses a tampered backup, and one whose audit chain was edited, writing nothing', async () => {
    const content = readFileSync(file, 'utf8');
    const tampered = join(dir, `tampered-${db().engine}.vbk`);
    writeFileSync(tampered, content.replace('"role":"editor"', '"role":"admin"'));
    assert.notEqual(readFileSync(tampered, 'utf8'), content);
    const truncated = join(dir, `truncated-${db().engine}.vbk`);
    writeFileSync(truncated, content.slice(0, content.length / 2));
    const fresh = await createEngineDb(db().engine);
    try {
      for (const bad of [tampered, truncated]) {
        const result = runVigil(['restore', bad, '--db', fresh.db.url]);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /damaged|altered/);
      }
      const otherKey = runVigil(['restore', file, '--db', fresh.db.url], {
        VIGIL_KEY: randomBytes(32).toString('base64'),
      });
      assert.equal(otherKey.code, 1, 'another key does not even open the target');
      assert.deepEqual((await dumpTables(fresh.db.app.ctx.store.handle.db)).users, []);
    } finally {
      await fresh.drop();
    }
  });
});

describeEachEngine('public export', (db) => {
  test('holds only public cases, suppresses small counts, and no names, contacts or free text', async () => {
    const { ctx } = db().app;
    const add = (collection: Parameters<typeof createRecord>[0]['collection'], input: unknown) =>
      createRecord({ ctx, actor, collection, input });
    const big = await add('places', buildPlace({ name: 'Basement in Zaitseve', lat: 48.3, lon: 38.1 }));
    const small = await add('places', buildPlace({ name: 'Pit near Svatove', lat: 49.4, lon: 38.2 }));
    const hidden = await add('places', buildPlace({ name: 'Secret camp', lat: 47.1, lon: 37.5 }));
    const open = await add(
      'cases',
      buildCase({ confidentiality: 'public', title: 'Summary with names of Kashin' }),
    );
    const closed = await add('cases', buildCase({ confidentiality: 'restricted' }));
    const victims: string[] = [];
    for (let i = 0; i < 7; i++) {
      const person = await add(
        'persons',
        buildPerson({
          names: [{ value: i === 0 ? 'Publicly Named Refuser' : `Hidden Name ${i}` }],
          isPublic: i === 0,
          contacts: [{ kind: 'phone', value: `+7 900 555-00-0${i}` }],
        }),
      );
      await add('involvements', { caseId: open.id, personId: person.id, role: 'victim' });
      victims.push(person.id);
    }
    const act = (caseId: string, placeId: string, victimIds: string[]) =>
      add('acts', {
        caseId,
        type: 'arbitrary_detention',
        status: 'alleged',
        placeId,
        victimIds,
        dateFrom: '2022-10-05',
        description: 'free text',
      });
    await act(open.id, big.id, victims.slice(0, 6));
    await act(open.id, small.id, victims.slice(5, 7));
    await act(closed.id, hidden.id, victims);

    const json = runVigil(['export', '--format', 'public-json', '--db', db().url]);
    assert.equal(json.code, 0, json.stderr);
    const dataset = JSON.parse(json.stdout);
    const sites = dataset.sites as Array<{
      placeId: string;
      period: string;
      persons: number | null;
      suppressed: boolean;
    }>;
    assert.deepEqual(
      sites.map((s) => [s.placeId, s.period, s.persons, s.suppressed]).sort(),
      [
        [big.id, '2022-10', 6, false],
        [small.id, '2022-10', null, true],
      ].sort(),
    );
    assert.deepEqual(
      dataset.cases.map((c: { id: string }) => c.id),
      [open.id],
    );
    assert.deepEqual(dataset.cases[0].publicPersons, ['Publicly Named Refuser']);
    assert.ok(dataset.attribution.length > 0, 'carries the data attribution');
    for (const format of ['public-json', 'public-csv', 'public-geojson']) {
      const out = runVigil(['export', '--format', format, '--db', db().url]);
      assert.equal(out.code, 0, out.stderr);
      for (const leak of [
        'Hidden Name',
        '+7 900',
        'Secret camp',
        'Summary with names',
        'free text',
        closed.id,
      ]) {
        assert.equal(out.stdout.includes(leak), false, `${format} holds "${leak}"`);
      }
    }
    const geo = JSON.parse(runVigil(['export', '--format', 'public-geojson', '--db', db().url]).stdout);
    assert.equal(geo.type, 'FeatureCollection');
    assert.deepEqual(
      geo.features.find((f: { properties: { placeId: string } }) => f.properties.placeId === big.id).geometry,
      {
        type: 'Point',
        coordinates: [38.1, 48.3],
      },
    );
  });
});
