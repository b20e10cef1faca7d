import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../app/accounts/api-token-creator.js';
import { apiCaller, seedAccount, signIn } from '../testing/auth.js';
import { runVigil, startVigilServer } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase } from '../testing/factories.js';
import { buildServer } from './server.js';

const NEW_PASSWORD = 'Another-Correct-Horse-7';

describeEachEngine('accounts and API tokens', (db) => {
  let server: FastifyInstance;
  let admin: Awaited<ReturnType<typeof seedAccount>>;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 1024 * 1024, logger: false });
    admin = await seedAccount(db().app.ctx, 'admin');
  });
  after(async () => {
    await server.close();
  });

  test('a password reset revokes the API tokens of the user, through the API and the CLI', async () => {
    const byApi = await seedAccount(db().app.ctx, 'editor');
    assert.equal((await apiCaller(server, byApi.token)('GET', '/api/session')).status, 200);
    const reset = await apiCaller(server, admin.token)('PATCH', `/api/users/${byApi.user.id}`, {
      password: NEW_PASSWORD,
    });
    assert.equal(reset.status, 200);
    assert.equal((await apiCaller(server, byApi.token)('GET', '/api/session')).status, 401);

    const byCli = await seedAccount(db().app.ctx, 'editor');
    assert.equal((await apiCaller(server, byCli.token)('GET', '/api/session')).status, 200);
    const cli = runVigil(['user', 'reset', byCli.user.username, '--db', db().url], {
      VIGIL_PASSWORD: NEW_PASSWORD,
    });
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal((await apiCaller(server, byCli.token)('GET', '/api/session')).status, 401);
    const listed = await apiCaller(server, admin.token)('GET', `/api/users/${byCli.user.id}/tokens`);
    assert.deepEqual(
      (listed.body.items as Array<{ active: boolean; revokedAt: string | null }>).map((t) => t.active),
      [false],
    );
  });

  test("a token acts with its user's current role, and stops when the user is disabled or deleted", async () => {
    const editor = await seedAccount(db().app.ctx, 'editor');
    const call = apiCaller(server, editor.token);
    assert.equal((await call('POST', '/api/cases', buildCase())).status, 201);
    const demoted = await apiCaller(server, admin.token)('PATCH', `/api/users/${editor.user.id}`, {
      role: 'viewer',
    });
    assert.equal(demoted.status, 200);
    assert.equal(((await call('GET', '/api/session')).body.user as { role: string }).role, 'viewer');
    assert.equal((await call('POST', '/api/cases', buildCase())).status, 403, 'the demotion holds at once');

    const disabled = await seedAccount(db().app.ctx, 'editor');
    await apiCaller(server, admin.token)('PATCH', `/api/users/${disabled.user.id}`, { disabled: true });
    assert.equal((await apiCaller(server, disabled.token)('GET', '/api/session')).status, 401);

    const deleted = await seedAccount(db().app.ctx, 'editor');
    await db().app.ctx.store.handle.db.deleteFrom('users').where('id', '=', deleted.user.id).execute();
    assert.equal((await apiCaller(server, deleted.token)('GET', '/api/session')).status, 401);
  });

  test('tokens are listed without their secrets, revoked one by one, and refused once expired', async () => {
    const owner = await seedAccount(db().app.ctx, 'analyst');
    const other = await seedAccount(db().app.ctx, 'analyst');
    const call = apiCaller(server, owner.token);
    const made = await call('POST', '/api/tokens', { name: 'nightly', expiresInDays: 30 });
    assert.equal(made.status, 201);
    const secret = String(made.body.token);
    const expiresAt = Date.parse(String(made.body.expiresAt));
    assert.ok(Math.abs(expiresAt - Date.now() - 30 * 86_400_000) < 60_000, 'expires in 30 days');
    assert.equal((await apiCaller(server, secret)('GET', '/api/session')).status, 200);

    const listed = await call('GET', '/api/tokens');
    assert.equal(listed.status, 200);
    const items = listed.body.items as Array<Record<string, unknown>>;
    assert.deepEqual(items.map((t) => t.name).sort(), ['nightly', 'test']);
    for (const item of items)
      assert.deepEqual(Object.keys(item).sort(), [
        'active',
        'createdAt',
        'expiresAt',
        'id',
        'name',
        'revokedAt',
        'userId',
      ]);
    assert.ok(!JSON.stringify(listed.body).includes(secret.split('_')[2]), 'no secret is listed');

    const foreign = await apiCaller(server, other.token)('DELETE', `/api/tokens/${made.body.id}`);
    assert.equal(foreign.status, 404, "another user's token is not found");
    assert.equal((await apiCaller(server, secret)('GET', '/api/session')).status, 200);
    const revoked = await call('DELETE', `/api/tokens/${made.body.id}`);
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.active, false);
    assert.equal((await apiCaller(server, secret)('GET', '/api/session')).status, 401);
    assert.equal((await call('GET', '/api/session')).status, 200, 'the other token still works');
    const byAdmin = await apiCaller(server, admin.token)('DELETE', `/api/tokens/${other.token.slice(4, 30)}`);
    assert.equal(byAdmin.status, 200, 'an administrator revokes anyone’s token');
    assert.equal((await apiCaller(server, other.token)('GET', '/api/session')).status, 401);

    const tooLong = await call('POST', '/api/tokens', { name: 'forever', expiresInDays: 100_000 });
    assert.equal(tooLong.status, 400);
    const old = await createApiToken({
      ctx: db().app.ctx,
      actor: { id: 'test:tokens' },
      userId: owner.user.id,
      name: 'old',
      expiresInDays: 1,
      now: new Date(Date.now() - 2 * 86_400_000),
    });
    assert.equal((await apiCaller(server, old.token)('GET', '/api/session')).status, 401, 'expired');
    assert.equal(
      (await apiCaller(server, admin.token)('GET', `/api/users/${owner.user.id}/tokens`)).status,
      200,
    );
    assert.equal((await call('GET', `/api/users/${owner.user.id}/tokens`)).status, 403);
  });

  test('vigil user tokens lists a user’s tokens without secrets and revokes one', async () => {
    const owner = await seedAccount(db().app.ctx, 'viewer');
    const created = runVigil([
      'user',
      'token',
      owner.user.username,
      '--name',
      'cron',
      '--expires-days',
      '7',
      '--db',
      db().url,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    const id = token.slice(4, 30);
    const listed = runVigil(['user', 'tokens', owner.user.username, '--db', db().url]);
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    const line = lines.find((l) => l.startsWith(id)) ?? '';
    assert.match(line, /\tactive until \d{4}-\d\d-\d\dT.*\tcron$/);
    assert.ok(!listed.stdout.includes(token.slice(31)), 'no secret is printed');
    const revoked = runVigil(['user', 'tokens', owner.user.username, '--revoke', id, '--db', db().url]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal((await apiCaller(server, token)('GET', '/api/session')).status, 401);
    assert.match(runVigil(['user', 'tokens', owner.user.username, '--db', db().url]).stdout, /\trevoked /);
    const missing = runVigil(['user', 'tokens', admin.user.username, '--revoke', id, '--db', db().url]);
    assert.equal(missing.code, 1, "another user's token is not found");
    const bad = runVigil(['user', 'token', owner.user.username, '--expires-days', 'soon', '--db', db().url]);
    assert.equal(bad.code, 2);
  });

  test('15 parallel wrong sign-ins make at most the threshold of password checks', async () => {
    const victim = await seedAccount(db().app.ctx, 'editor');
    const attempts = await Promise.all(
      Array.from({ length: 15 }, () => signIn(server, victim.user.username, 'not-the-password')),
    );
    const checked = attempts.filter((a) => a.status === 401).length;
    const locked = attempts.filter((a) => a.status === 429).length;
    assert.equal(checked + locked, 15);
    assert.equal(checked, 5, 'exactly the threshold of attempts reached the password check');
    assert.equal((await signIn(server, victim.user.username, victim.password)).status, 429);
    const reset = await apiCaller(server, admin.token)('PATCH', `/api/users/${victim.user.id}`, {
      password: NEW_PASSWORD,
    });
    assert.equal(reset.status, 200);
    assert.equal((await signIn(server, victim.user.username, NEW_PASSWORD)).status, 200, 'a reset lifts it');
  });

  test('the lockout holds across two server processes on one database', async () => {
    const victim = await seedAccount(db().app.ctx, 'editor');
    // Each attempt from its own (forwarded) address: the per-address rate limit, shared by both
    // processes and already spent by this suite's sign-ins, is not what this test measures.
    const proxied = { VIGIL_TRUST_PROXY: '1' };
    const servers = [startVigilServer(db().url, proxied), startVigilServer(db().url, proxied)];
    try {
      const bases = await Promise.all(servers.map((s) => s.ready));
      const statuses = await Promise.all(
        Array.from({ length: 15 }, async (_, i) => {
          const res = await fetch(`${bases[i % 2]}/api/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.8.0.${i}` },
            body: JSON.stringify({ username: victim.user.username, password: 'not-the-password' }),
          });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(','));
      assert.equal(statuses.filter((s) => s === 429).length, 10, statuses.join(','));
    } finally {
      for (const s of servers) s.child.kill();
      await Promise.all(
        servers.map((s) => (s.child.exitCode === null ? new Promise((r) => s.child.once('exit', r)) : null)),
      );
    }
  });

  test('any Authorization header leaves the public routes public', async () => {
    const routes: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', '/api/health'],
      ['GET', '/api/openapi.json'],
      ['GET', '/api/public/sites'],
      ['GET', '/api/public/sites.csv'],
      ['GET', '/api/public/dataset'],
      ['POST', '/api/intake', { name: '' }],
    ];
    for (const header of ['Bearer vgt_bogus', 'Basic dXNlcjpwYXNz', 'nonsense']) {
      for (const [method, url, payload] of routes) {
        const res = await server.inject({
          method,
          url,
          headers: { authorization: header },
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        assert.notEqual(res.statusCode, 401, `${method} ${url} with "${header}"`);
      }
    }
    const closed = await apiCaller(server, 'vgt_bogus')('GET', '/api/cases');
    assert.equal(closed.status, 401, 'a bogus token still opens nothing');
  });
});
