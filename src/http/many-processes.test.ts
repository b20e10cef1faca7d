import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type OpenApp, openApp } from '../app/open-app.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { multipartBody } from '../testing/report-files.js';
import { buildCsv } from '../testing/table-files.js';
import { LIST_V1, listMapping } from '../testing/table-import.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

/**
 * Two servers, each with its own connection pool, over one database: what one process counts or
 * keeps, the other must see, as with N `vigil serve` processes behind a proxy.
 */
describeEachEngine('two servers on one database', (db) => {
  let second: OpenApp;
  let a: FastifyInstance;
  let b: FastifyInstance;
  before(async () => {
    second = await openApp(db().url, { key: TEST_KEY, settings: TEST_SETTINGS });
    const options = { bodyLimit: 1024 * 1024, logger: false };
    a = await buildServer(db().app.ctx, options);
    b = await buildServer(second.ctx, options);
  });
  after(async () => {
    await a.close();
    await b.close();
    await second.close();
  });

  async function signIn(server: FastifyInstance, username: string, password: string, address: string) {
    const response = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
      remoteAddress: address,
    });
    const body = JSON.parse(response.body) as { error?: { code: string } };
    return { status: response.statusCode, code: body.error?.code, cookie: response.headers['set-cookie'] };
  }

  test('sign-ins from one address on either server add up to one rate limit', async () => {
    const statuses = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await signIn(i % 2 ? b : a, `nobody-${i}`, 'not-a-password', '10.7.0.1')).status);
    assert.deepEqual(new Set(statuses), new Set([401]), 'twenty attempts, each for its own account');
    const refused = await signIn(a, 'nobody-20', 'not-a-password', '10.7.0.1');
    assert.deepEqual([refused.status, refused.code], [429, 'rate_limited']);
    assert.equal((await signIn(b, 'nobody-20', 'not-a-password', '10.7.0.1')).status, 429);
    assert.equal((await signIn(b, 'nobody-21', 'not-a-password', '10.7.0.2')).status, 401, 'per address');
  });

  test('intake submissions from one address on either server add up to one rate limit', async () => {
    const post = (server: FastifyInstance, address: string) =>
      server.inject({ method: 'POST', url: '/api/intake', payload: {}, remoteAddress: address });
    const statuses = [];
    // Counted before the body is read: empty (invalid) submissions count too.
    for (let i = 0; i < 10; i++) statuses.push((await post(i % 2 ? b : a, '10.7.1.1')).statusCode);
    assert.deepEqual(new Set(statuses), new Set([400]));
    assert.equal((await post(b, '10.7.1.1')).statusCode, 429);
    assert.equal((await post(a, '10.7.1.1')).statusCode, 429);
    assert.equal((await post(a, '10.7.1.2')).statusCode, 400, 'per address');
  });

  test("an account's failed sign-ins on either server add up to one lockout; a session works on both", async () => {
    const victim = await seedAccount(db().app.ctx, 'editor');
    const threshold = db().app.ctx.settings.lockoutThreshold;
    for (let i = 0; i < threshold; i++) {
      const failed = await signIn(i % 2 ? b : a, victim.user.username, 'wrong', `10.7.2.${i}`);
      assert.equal(failed.status, 401);
    }
    const locked = await signIn(b, victim.user.username, victim.password, '10.7.3.1');
    assert.deepEqual(
      [locked.status, locked.code],
      [429, 'rate_limited'],
      'the right password is refused too',
    );

    const other = await seedAccount(db().app.ctx, 'viewer');
    const session = await signIn(a, other.user.username, other.password, '10.7.3.2');
    assert.equal(session.status, 200);
    const cookie = String(session.cookie).split(';')[0];
    const info = await b.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    assert.equal(info.statusCode, 200);
    assert.equal((JSON.parse(info.body) as { user: Json }).user.username, other.user.username);
  });

  test('a table uploaded and dry-run on one server is applied on the other with its digest', async () => {
    const editor = await seedAccount(db().app.ctx, 'editor');
    const { payload, headers } = multipartBody(buildCsv(LIST_V1, { delimiter: ';' }), {}, 'list.csv');
    const uploaded = await a.inject({
      method: 'POST',
      url: '/api/table-imports/uploads',
      payload,
      headers: { ...headers, authorization: `Bearer ${editor.token}` },
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const sha = String(((JSON.parse(uploaded.body) as Json).file as Json).sha256);
    const dry = await apiCaller(a, editor.token)('POST', '/api/table-imports/dry-run', {
      upload: sha,
      mapping: listMapping(),
    });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    const applied = await apiCaller(b, editor.token)('POST', '/api/table-imports', {
      upload: sha,
      mapping: listMapping(),
      planDigest: dry.body.planDigest,
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal((applied.body.summary as Json).created, LIST_V1.length - 1);
    const persons = await apiCaller(a, editor.token)('GET', '/api/persons?limit=50');
    assert.equal(
      (persons.body.items as Json[]).length,
      LIST_V1.length - 1,
      'the apply is seen from the first',
    );
  });
});
