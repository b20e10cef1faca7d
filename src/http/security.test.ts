import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openApp } from '../app/open-app.js';
import { createRecord } from '../app/records/record-creator.js';
import { indexTerms } from '../store/search-index.js';
import { apiCaller, seedAccount, signIn } from '../testing/auth.js';
import { describeEachEngine, type EngineDb } from '../testing/engines.js';
import { buildCase, buildPerson, buildSource } from '../testing/factories.js';
import { TEST_KEY } from '../testing/keys.js';
import { buildServer } from './server.js';

const system = { id: 'test:security' };
const PHONES = ['+7 912 345-67-89', '+7 (495) 111-22-33', 'wife.kashina@example.org'];
const TESTIMONY = [
  'его держат в яме у Зайцевского карьера',
  'the political officer promised a firing squad at dawn',
];
/** Plain text of a non-sensitive source: must be found, which proves the scan can see plaintext. */
const CONTROL = 'control sentence stored in plain text';

/** Every byte the database holds: the SQLite file and its WAL, or every row of every table on PostgreSQL. */
async function rawBytes(db: EngineDb): Promise<Buffer> {
  const handle = db.app.ctx.store.handle;
  if (db.engine === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(handle.db);
    const parts = [readFileSync(db.url)];
    if (existsSync(`${db.url}-wal`)) parts.push(readFileSync(`${db.url}-wal`));
    return Buffer.concat(parts);
  }
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = ${handle.schema ?? 'public'}`.execute(
    handle.db,
  );
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ t: string }>`SELECT t::text AS t FROM ${sql.table(table_name)} t`.execute(
      handle.db,
    );
    out.push(...rows.rows.map((r) => r.t));
  }
  return Buffer.from(out.join('\n'), 'utf8');
}

describeEachEngine('security', (db) => {
  let server: FastifyInstance;
  let admin: Awaited<ReturnType<typeof seedAccount>>;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 1024 * 1024, logger: false, trustProxy: true });
    admin = await seedAccount(db().app.ctx, 'admin');
  });
  after(async () => {
    await server.close();
  });

  test('the raw database holds none of the seeded phone numbers and testimony phrases, not even in the audit or the index', async () => {
    const { ctx } = db().app;
    const kase = await createRecord({ ctx, actor: system, collection: 'cases', input: buildCase() });
    const person = await createRecord({
      ctx,
      actor: system,
      collection: 'persons',
      input: buildPerson({
        contacts: PHONES.map((value, i) => ({ kind: i === 2 ? 'email' : 'phone', value })),
      }),
    });
    await createRecord({
      ctx,
      actor: system,
      collection: 'involvements',
      input: { caseId: kase.id, personId: person.id, role: 'victim' },
    });
    const testimony = TESTIMONY.join('. ');
    const source = await createRecord({
      ctx,
      actor: system,
      collection: 'sources',
      input: buildSource({ kind: 'testimony', text: testimony, sensitive: true }),
    });
    await createRecord({ ctx, actor: system, collection: 'sources', input: buildSource({ text: CONTROL }) });
    await createRecord({
      ctx,
      actor: system,
      collection: 'claims',
      input: {
        sourceId: source.id,
        subjectType: 'person',
        subjectId: person.id,
        field: 'status',
        span: { start: 0, end: TESTIMONY[0].length },
        quote: TESTIMONY[0],
        credibility: 3,
      },
    });
    // An update too: the audit's before and after must both be sealed.
    const { updateRecord } = await import('../app/records/record-updater.js');
    await updateRecord({
      ctx,
      actor: system,
      collection: 'persons',
      id: person.id,
      patch: { version: 1, rank: 'private' },
    });
    const intake = await apiCaller(server)('POST', '/api/intake', {
      personName: 'Кашин Алексей',
      whatHappened: TESTIMONY[1],
      contact: { phone: PHONES[1], email: PHONES[2] },
      consent: true,
    });
    assert.equal(intake.status, 202);

    const raw = await rawBytes(db());
    assert.ok(raw.includes(Buffer.from(CONTROL)), 'the scan finds plain text where it is stored');
    for (const secret of [...PHONES, ...TESTIMONY, 'Зайцевского карьера']) {
      assert.equal(raw.includes(Buffer.from(secret, 'utf8')), false, `"${secret}" is in the raw database`);
    }
    // Folded search terms of the testimony would leak it too: none of its distinctive ones is stored.
    for (const term of indexTerms('Зайцевского карьера firing squad').split(' ')) {
      assert.equal(raw.includes(Buffer.from(` ${term} `)), false, `index term "${term}" is stored`);
    }
    // The records still read back whole for those allowed.
    const read = await apiCaller(server, admin.token)('GET', `/api/persons/${person.id}`);
    assert.deepEqual(
      (read.body.contacts as Array<{ value: string }>).map((c) => c.value),
      PHONES,
    );
    const viewer = await seedAccount(ctx, 'analyst');
    const hidden = await apiCaller(server, viewer.token)('GET', `/api/persons/${person.id}`);
    assert.equal(hidden.status, 200);
    assert.equal(hidden.body.contacts, undefined, 'an analyst does not see contacts');
    const sourceForAnalyst = await apiCaller(server, viewer.token)('GET', `/api/sources/${source.id}`);
    assert.equal(sourceForAnalyst.body.text, undefined, 'nor the text of a sensitive source');
    const search = await apiCaller(server, admin.token)(
      'GET',
      `/api/search?q=${encodeURIComponent('карьера')}`,
    );
    assert.deepEqual(search.body.items, [], 'sensitive text is not searchable');
  });

  test('the database does not open with a wrong key', async () => {
    const wrong = new Uint8Array(randomBytes(32));
    await assert.rejects(
      openApp(db().url, { key: wrong }),
      (err: Error) => err.name === 'KeyError' && /wrong key/.test(err.message),
    );
    const right = await openApp(db().url, { key: TEST_KEY });
    await right.close();
  });

  test('locks an account after repeated failed sign-ins, even for the right password, and not other accounts', async () => {
    const victim = await seedAccount(db().app.ctx, 'editor');
    const other = await seedAccount(db().app.ctx, 'editor');
    for (let i = 0; i < 5; i++) {
      const failed = await signIn(server, victim.user.username, 'not-the-password');
      assert.equal(failed.status, 401);
    }
    const locked = await signIn(server, victim.user.username, victim.password);
    assert.equal(locked.status, 429);
    assert.equal(locked.setCookie, '', 'no session while locked');
    assert.equal((await signIn(server, other.user.username, other.password)).status, 200);
    const unknown = await signIn(server, 'nobody-here', 'whatever-password');
    assert.equal(unknown.status, 401, 'an unknown user gets the same answer as a wrong password');
  });

  test('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const editor = await seedAccount(db().app.ctx, 'editor');
    const session = await signIn(server, editor.user.username, editor.password);
    assert.equal(session.status, 200);
    assert.match(session.setCookie, /HttpOnly/);
    assert.match(session.setCookie, /SameSite=Strict/);
    assert.doesNotMatch(session.setCookie, /Secure/, 'no Secure flag over plain HTTP');
    const post = (headers: Record<string, string>) =>
      server.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: session.cookie, ...headers },
        payload: buildCase(),
      });
    const crossSite = await post({ origin: 'https://evil.example' });
    assert.equal(crossSite.statusCode, 403);
    assert.equal(JSON.parse(crossSite.body).error.code, 'forbidden');
    assert.equal((await post({ 'x-csrf-token': 'guessed' })).statusCode, 403);
    assert.equal((await post({ 'x-csrf-token': session.csrfToken })).statusCode, 201);
    // The relatives' public form works in a browser that also holds a staff session cookie.
    const report = await server.inject({
      method: 'POST',
      url: '/api/intake',
      headers: { cookie: session.cookie },
      payload: { personName: 'Ivan Examplov', whatHappened: 'Held since May.', contact: {}, consent: true },
    });
    assert.equal(report.statusCode, 202, report.body);
    assert.equal(
      (await post({ cookie: session.cookie })).statusCode,
      403,
      'staff writes still need the token',
    );
    const read = await server.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    assert.equal(read.statusCode, 200, 'reads need no token');
    const https = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: editor.user.username, password: editor.password },
    });
    assert.match(String(https.headers['set-cookie']), /; Secure/);
    assert.match(String(https.headers['strict-transport-security']), /max-age=/);
  });

  test('sends the security headers on every response, errors included', async () => {
    for (const url of ['/api/health', '/about', '/api/nothing', '/api/cases']) {
      const response = await server.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline/, url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
    }
  });

  test('the intake form stores encrypted submissions, ignores the honeypot, and refuses bad, huge and flooding input', async () => {
    const anonymous = (payload: unknown, ip = '10.9.9.1') =>
      server.inject({
        method: 'POST',
        url: '/api/intake',
        payload: payload as Record<string, unknown>,
        remoteAddress: ip,
      });
    const valid = {
      personName: 'Петров Иван',
      whatHappened: 'Taken from the unit',
      contact: { phone: '+7 900 000-00-01' },
      consent: true,
    };
    const before = await db().app.ctx.store.handle.db.selectFrom('intake_submissions').select('id').execute();
    const accepted = await anonymous(valid);
    assert.equal(accepted.statusCode, 202);
    const receipt = JSON.parse(accepted.body);
    assert.deepEqual(Object.keys(receipt).sort(), ['id', 'receivedAt']);
    assert.doesNotMatch(accepted.body, /Петров|\+7 900/);

    const robot = await anonymous({ ...valid, website: 'http://spam.example' });
    assert.equal(robot.statusCode, 202);
    assert.equal((await anonymous({ ...valid, consent: false })).statusCode, 400);
    assert.equal((await anonymous({ ...valid, whatHappened: 'x'.repeat(70 * 1024) })).statusCode, 413);
    const rows = await db().app.ctx.store.handle.db.selectFrom('intake_submissions').select('id').execute();
    assert.equal(rows.length, before.length + 1, 'only the real submission is stored');

    const reviewer = await seedAccount(db().app.ctx, 'intake_reviewer');
    const read = await apiCaller(server, reviewer.token)('GET', `/api/intake/${receipt.id}`);
    assert.equal(read.status, 200);
    assert.equal((read.body.submission as { personName: string }).personName, 'Петров Иван');
    const viewer = await seedAccount(db().app.ctx, 'viewer');
    assert.equal((await apiCaller(server, viewer.token)('GET', `/api/intake/${receipt.id}`)).status, 403);

    let limited = 0;
    for (let i = 0; i < 12; i++) if ((await anonymous(valid, '10.9.9.2')).statusCode === 429) limited++;
    assert.equal(limited, 2, 'the 11th and 12th submission from one address are refused');
  });
});
