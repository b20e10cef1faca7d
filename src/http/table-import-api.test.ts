import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { databaseSnapshot } from '../testing/db-snapshot.js';
import { describeEachEngine } from '../testing/engines.js';
import { multipartBody } from '../testing/report-files.js';
import { buildCsv, buildXlsx } from '../testing/table-files.js';
import { LIST_V1, LIST_V2, listMapping } from '../testing/table-import.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

describeEachEngine('table import API', (db) => {
  let server: FastifyInstance;
  const tokens: Record<string, string> = {};
  const usernames: Record<string, string> = {};
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      maxUploadBytes: 64 * 1024,
    });
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const account = await seedAccount(db().app.ctx, role);
      tokens[role] = account.token;
      usernames[role] = account.user.username;
    }
    tokens.otherEditor = (await seedAccount(db().app.ctx, 'editor')).token;
  });
  after(async () => {
    await server.close();
  });

  async function upload(
    file: Buffer,
    role = 'editor',
    filename = 'горячая линия.csv',
    fields: Record<string, string> = {},
  ) {
    const { payload, headers } = multipartBody(file, fields, filename);
    const response = await server.inject({
      method: 'POST',
      url: '/api/table-imports/uploads',
      payload,
      headers: { ...headers, authorization: `Bearer ${tokens[role]}` },
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as Json };
  }
  const call = (role = 'editor') => apiCaller(server, tokens[role]);

  test('an upload answers with the headers, the first rows, how the file was read and a suggested mapping', async () => {
    const res = await upload(buildCsv(LIST_V1, { delimiter: ';', encoding: 'windows-1251' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const file = res.body.file as Json;
    assert.deepEqual(
      [file.format, file.encoding, file.delimiter, file.rows],
      ['csv', 'windows-1251', ';', 5],
    );
    assert.deepEqual(res.body.headers, LIST_V1[0]);
    assert.deepEqual(res.body.rows, LIST_V1.slice(1));
    const suggested = res.body.suggestedMapping as { system: string; columns: Json };
    assert.equal(suggested.system, 'горячая линия');
    assert.deepEqual(suggested.columns, {
      externalId: 'ID',
      fullName: 'ФИО',
      birthDate: 'Дата рождения',
      unit: 'Воинская часть',
      rank: 'Звание',
      status: 'Статус',
      statusDate: 'Дата статуса',
      lastContact: 'Последняя связь',
      detentionPlace: 'Место содержания',
      phone: 'Телефон жены',
    });
    const again = await call()('GET', `/api/table-imports/uploads/${file.sha256}`);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.headers, LIST_V1[0]);
    const other = await call('otherEditor')('GET', `/api/table-imports/uploads/${file.sha256}`);
    assert.equal(other.status, 404, "another user's upload is not found");
  });

  test('a dry run reports per row and writes nothing; the apply with its digest imports and discards the upload', async () => {
    const { body } = await upload(buildCsv(LIST_V1, { delimiter: ';' }));
    const sha = String((body.file as Json).sha256);
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    const dry = await call()('POST', '/api/table-imports/dry-run', { upload: sha, mapping: listMapping() });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
    assert.deepEqual(
      (dry.body.rows as Json[]).map((r) => r.outcome),
      ['created', 'created', 'created', 'created'],
    );
    const page = await call()('POST', '/api/table-imports/dry-run', {
      upload: sha,
      mapping: listMapping(),
      offset: 1,
      limit: 2,
    });
    assert.deepEqual([(page.body.rows as Json[]).map((r) => r.row), page.body.rowsOmitted], [[3, 4], 2]);
    const applied = await call()('POST', '/api/table-imports', {
      upload: sha,
      mapping: listMapping(),
      planDigest: dry.body.planDigest,
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal((applied.body.summary as Json).created, 4);
    assert.equal((await call()('GET', `/api/table-imports/uploads/${sha}`)).status, 404);
    const listed = await call()('GET', '/api/table-imports');
    assert.deepEqual(
      (listed.body.items as Json[]).map((i) => i.id),
      [applied.body.importId],
    );
    // The audit log shows the person's creation with the import as its context.
    const personId = String((applied.body.rows as Json[])[0].personId);
    const audit = await call('admin')('GET', `/api/audit?collection=persons&recordId=${personId}`);
    assert.deepEqual((audit.body.items as Json[])[0].context, {
      import: applied.body.importId,
      source: applied.body.sourceId,
    });
    // Readers see who acted by user name, not by account id.
    assert.equal((audit.body.items as Json[])[0].actorName, usernames.editor);
  });

  test('an apply whose dry run is out of date is refused with 409 and changes nothing', async () => {
    const { body } = await upload(buildCsv(LIST_V2, { delimiter: ';' }), 'editor', 'v2.csv');
    const sha = String((body.file as Json).sha256);
    const dry = await call()('POST', '/api/table-imports/dry-run', { upload: sha, mapping: listMapping() });
    const kashin = String((dry.body.rows as Json[])[0].personId);
    const person = await call()('GET', `/api/persons/${kashin}`);
    await call()('PATCH', `/api/persons/${kashin}`, { version: person.body.version, notes: 'called back' });
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    const stale = await call()('POST', '/api/table-imports', {
      upload: sha,
      mapping: listMapping(),
      planDigest: dry.body.planDigest,
    });
    assert.equal(stale.status, 409);
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
  });

  test('saved mappings are created, listed, renamed with their version, used by name and deleted', async () => {
    const created = await call()('POST', '/api/table-mappings', {
      name: 'Горячая линия',
      mapping: listMapping(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(
      (await call()('POST', '/api/table-mappings', { name: 'Горячая линия', mapping: listMapping() })).status,
      409,
    );
    const list = await call()('GET', '/api/table-mappings');
    assert.deepEqual(
      (list.body.items as Json[]).map((m) => m.name),
      ['Горячая линия'],
    );
    const renamed = await call()('PATCH', `/api/table-mappings/${created.body.id}`, {
      version: 1,
      name: 'Hotline',
    });
    assert.deepEqual([renamed.status, renamed.body.version, renamed.body.name], [200, 2, 'Hotline']);
    assert.equal(
      (await call()('PATCH', `/api/table-mappings/${created.body.id}`, { version: 1, name: 'X' })).status,
      409,
    );
    const { body } = await upload(buildCsv(LIST_V2, { delimiter: ';' }), 'editor', 'v2b.csv');
    const byName = await call()('POST', '/api/table-imports/dry-run', {
      upload: (body.file as Json).sha256,
      mappingName: 'Hotline',
    });
    assert.equal(byName.status, 200, JSON.stringify(byName.body));
    assert.equal(byName.body.system, 'hotline-list');
    const unknown = await call()('POST', '/api/table-imports/dry-run', {
      upload: (body.file as Json).sha256,
      mappingName: 'Nope',
    });
    assert.equal(unknown.status, 404);
    const both = await call()('POST', '/api/table-imports/dry-run', {
      upload: (body.file as Json).sha256,
      mappingName: 'Hotline',
      mapping: listMapping(),
    });
    assert.equal(both.status, 400);
    assert.equal((await call()('DELETE', `/api/table-mappings/${created.body.id}`)).status, 204);
    assert.equal((await call()('GET', `/api/table-mappings/${created.body.id}`)).status, 404);
  });

  test('malformed, oversize and unknown uploads get 400, 413, 415 and 404, and nothing is kept', async () => {
    const kept = async () =>
      Number(
        (
          await db()
            .app.ctx.store.handle.db.selectFrom('table_uploads')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const count = await kept();
    assert.equal((await upload(Buffer.from('a;b\n"unclosed;c\n'))).status, 400);
    const damaged = buildXlsx({ S: [['a']] });
    assert.equal((await upload(damaged.subarray(0, damaged.length - 40), 'editor', 'x.xlsx')).status, 400);
    assert.equal(
      (await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'editor', 'x.xls'))
        .status,
      415,
    );
    assert.equal((await upload(Buffer.alloc(100 * 1024, 0x41))).status, 413);
    assert.equal(await kept(), count);
    const missing = await call()('POST', '/api/table-imports/dry-run', {
      upload: 'a'.repeat(64),
      mapping: listMapping(),
    });
    assert.equal(missing.status, 404);
  });

  test('a viewer may neither upload, dry-run, import nor see the mappings', async () => {
    assert.equal((await upload(buildCsv(LIST_V1), 'viewer')).status, 403);
    const viewer = call('viewer');
    assert.equal(
      (await viewer('POST', '/api/table-imports/dry-run', { upload: 'a'.repeat(64), mapping: listMapping() }))
        .status,
      403,
    );
    assert.equal(
      (await viewer('POST', '/api/table-imports', { upload: 'a'.repeat(64), mapping: listMapping() })).status,
      403,
    );
    assert.equal((await viewer('GET', '/api/table-mappings')).status, 403);
    assert.equal((await viewer('GET', '/api/table-imports')).status, 403);
  });
});
