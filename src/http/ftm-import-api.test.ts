import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { updateRecord } from '../app/records/record-updater.js';
import type { FtmImportResult } from '../app/transfer/ftm/ftm-importer.js';
import { seedAccount } from '../testing/auth.js';
import { databaseSnapshot } from '../testing/db-snapshot.js';
import { describeEachEngine } from '../testing/engines.js';
import { multipartBody } from '../testing/report-files.js';
import { buildServer } from './server.js';

// Written with the reference Python library and accepted by its validator (see its README).
const fixture = readFileSync(
  fileURLToPath(new URL('../../../shared/fixtures/ftm/reference-built.ftm', import.meta.url)),
);
/** A report, or an error. */
type Answer = FtmImportResult & { error: { code: string; message: string } };

describeEachEngine('POST /api/ftm-imports', (db) => {
  let server: FastifyInstance;
  const tokens: Record<string, string> = {};
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      maxUploadBytes: 16 * 1024,
    });
    for (const role of ['admin', 'editor', 'analyst'] as const)
      tokens[role] = (await seedAccount(db().app.ctx, role)).token;
  });
  after(async () => {
    await server.close();
  });
  const upload = async (file: Buffer, fields: Record<string, string> = {}, role = 'editor') => {
    const { payload, headers } = multipartBody(file, fields, 'entities.ftm');
    const res = await server.inject({
      method: 'POST',
      url: '/api/ftm-imports',
      payload,
      headers: { ...headers, authorization: `Bearer ${tokens[role]}` },
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as Answer };
  };
  const persons = () => db().app.ctx.store.list('persons', { limit: 100 });

  test('a dry run answers the per-entity report and keeps nothing; the import then does just that', async () => {
    const dry = await upload(fixture, { dryRun: 'true', dataset: 'api' });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.dryRun, true);
    assert.equal(dry.body.dataset, 'api');
    assert.equal(dry.body.created.persons, 3);
    const san = dry.body.entities.find((e) => e.id === 'san-1');
    assert.equal(san?.outcome, 'skipped');
    assert.match(String(san?.reason), /no record for a Sanction/);
    assert.deepEqual(
      dry.body.entities.find((e) => e.id === 'p-1')?.dropped.map((d) => d.property),
      ['idNumber'],
    );
    assert.deepEqual(await persons(), []);
    const done = await upload(fixture, { dataset: 'api' });
    assert.equal(done.status, 201);
    assert.equal(done.body.dryRun, false);
    assert.deepEqual(
      done.body.entities.map((e) => [e.id, e.outcome]),
      dry.body.entities.map((e) => [e.id, e.outcome]),
    );
    assert.equal((await persons()).length, 3);
    const again = await upload(fixture, { dataset: 'api' });
    assert.deepEqual(again.body.created, {});
    assert.equal(again.body.entities.find((e) => e.id === 'p-1')?.outcome, 'unchanged');
  });

  test('records in a case the editor may not change are left as they are and reported', async () => {
    const first = await upload(fixture, { dataset: 'guarded' }, 'admin');
    const caseId = String(first.body.entities.find((e) => e.id === 'ev-1')?.recordId);
    const stored = await db().app.ctx.store.get('cases', caseId);
    assert.ok(stored);
    await updateRecord({
      ctx: db().app.ctx,
      actor: { id: 'test:ftm' },
      collection: 'cases',
      id: caseId,
      patch: { confidentiality: 'confidential', version: stored.version },
    });
    const renamed = Buffer.from(
      fixture.toString('utf8').replace('Задержание отказников в Кременной', 'Задержание в Кременной'),
    );
    const byEditor = await upload(renamed, { dataset: 'guarded' });
    assert.equal(byEditor.status, 201);
    const ev = byEditor.body.entities.find((e) => e.id === 'ev-1');
    assert.equal(ev?.outcome, 'skipped');
    assert.match(String(ev?.reason), /may not change/);
    assert.equal((await db().app.ctx.store.get('cases', caseId))?.title, 'Задержание отказников в Кременной');
  });

  test('readers get 403; malformed, empty and oversize files get 400 and 413; nothing is kept', async () => {
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    assert.equal((await upload(fixture, {}, 'analyst')).status, 403);
    const broken = await upload(Buffer.from(`${fixture.toString('utf8')}{"id": "x", "schema"\n`));
    assert.equal(broken.status, 400);
    assert.match(broken.body.error.message, /line 22 is not a FollowTheMoney entity/);
    assert.equal((await upload(Buffer.from('\n\n'))).status, 400);
    assert.equal((await upload(Buffer.from([0xff, 0xfe, 0x00]))).status, 400);
    assert.equal((await upload(fixture, { dataset: 'a\u0007b' })).status, 400);
    const big = Buffer.from(`${fixture.toString('utf8')}\n`.repeat(6));
    const oversize = await upload(big);
    assert.equal(oversize.status, 413);
    assert.equal(oversize.body.error.code, 'too_large');
    const json = await server.inject({
      method: 'POST',
      url: '/api/ftm-imports',
      payload: { file: 'x' },
      headers: { authorization: `Bearer ${tokens.editor}` },
    });
    assert.equal(json.statusCode, 400);
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
  });
});
