import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { readCsv } from '../app/transfer/csv/csv-reader.js';
import type { Role } from '../domain/roles.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { seedExportDataset } from '../testing/export-dataset.js';
import { unzipText } from '../testing/export-output.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
const SECRETS = ['+7 900 555-01-01', 'elena@example.org', 'Звоните мне ночью', 'меня просили молчать'];

describeEachEngine('exports over HTTP', (db) => {
  let server: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedExportDataset>>;
  const tokens: Partial<Record<Role, string>> = {};

  before(async () => {
    const { ctx } = db().app;
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    await server.ready();
    seeded = await seedExportDataset(ctx);
    for (const role of ['admin', 'editor', 'analyst', 'viewer'] as const)
      tokens[role] = (await seedAccount(ctx, role)).token;
  });

  /** POSTs an export request and returns the raw response. */
  const post = (role: Role, payload: Json) =>
    server.inject({
      method: 'POST',
      url: '/api/exports',
      headers: { authorization: `Bearer ${tokens[role]}` },
      payload,
    });

  test('sends each format as an attachment with its media type, the filters in the body', async () => {
    const cases: Array<[string, Json, string, string]> = [
      ['json', {}, 'application/json', 'vigil-export.json'],
      ['csv', { types: ['places'] }, 'text/csv', 'vigil-places.csv'],
      ['zip', {}, 'application/zip', 'vigil-export.zip'],
      ['geojson', {}, 'application/geo+json', 'vigil-sites.geojson'],
      ['ftm', { q: 'Кашин' }, 'application/x-ndjson', 'vigil-export.ftm.json'],
      ['uwazi', {}, 'application/zip', 'vigil-uwazi.zip'],
    ];
    for (const [format, filters, type, filename] of cases) {
      const res = await post('editor', { format, filters });
      assert.equal(res.statusCode, 200, `${format}: ${res.body.slice(0, 200)}`);
      assert.ok(String(res.headers['content-type']).startsWith(type), format);
      assert.equal(res.headers['content-disposition'], `attachment; filename="${filename}"`);
    }
    const legacy = await apiCaller(server, tokens.viewer)('GET', '/api/export');
    assert.equal(legacy.status, 200);
    assert.equal(legacy.body.format, 'vigil-scoped-export');
  });

  test('an analyst gets no contacts and no sensitive text in any format; an editor gets them in JSON and CSV', async () => {
    for (const format of ['json', 'zip', 'ftm', 'uwazi']) {
      const res = await post('analyst', { format });
      const text =
        format === 'zip' || format === 'uwazi'
          ? Object.values(unzipText(res.rawPayload)).join('\n')
          : res.body;
      for (const secret of SECRETS) assert.equal(text.includes(secret), false, `${format} holds "${secret}"`);
      assert.ok(text.includes('Алексей Кашин'), `${format} holds the persons the analyst sees`);
    }
    const persons = readCsv((await post('analyst', { format: 'csv', filters: { types: ['persons'] } })).body);
    const contacts = persons.header.indexOf('contacts');
    assert.ok(contacts > 0);
    assert.deepEqual(
      persons.rows.map((r) => r[contacts]),
      persons.rows.map(() => ''),
    );
    const editor = (await post('editor', { format: 'json' })).body;
    assert.ok(editor.includes('+7 900 555-01-01') && editor.includes('меня просили молчать'));
    const editorFtm = (await post('editor', { format: 'ftm' })).body;
    for (const secret of SECRETS)
      assert.equal(editorFtm.includes(secret), false, `ftm for an editor holds "${secret}"`);
  });

  test('a viewer gets only what public cases link to, and nothing of the confidential case', async () => {
    const json = JSON.parse((await post('viewer', { format: 'json' })).body) as {
      collections: Record<string, Json[]>;
    };
    assert.deepEqual(
      json.collections.cases.map((c) => c.id),
      [seeded.publicCase],
    );
    assert.deepEqual(
      json.collections.persons.map((p) => p.id),
      [seeded.husband],
    );
    for (const format of ['json', 'zip', 'geojson', 'ftm', 'uwazi']) {
      const res = await post('viewer', { format });
      const text =
        format === 'zip' || format === 'uwazi'
          ? Object.values(unzipText(res.rawPayload)).join('\n')
          : res.body;
      for (const hidden of ['Secret camp', 'Hidden Detainee', seeded.hidden, 'Елена Кашина'])
        assert.equal(text.includes(hidden), false, `${format} holds "${hidden}"`);
    }
    // A facet finds the hidden case's act too, but the reader's view still holds.
    const detentions = JSON.parse(
      (await post('viewer', { format: 'json', filters: { act: ['arbitrary_detention'], types: ['cases'] } }))
        .body,
    ) as { collections: Record<string, Json[]> };
    assert.deepEqual(
      detentions.collections.cases.map((c) => c.id),
      [seeded.publicCase],
    );
    const sites = JSON.parse((await post('admin', { format: 'geojson' })).body) as { features: unknown[] };
    assert.equal(sites.features.length, 3, 'an admin sees every site');
  });

  test('refuses bad requests with 400 and a case the reader may not see with 404', async () => {
    assert.equal((await post('editor', { format: 'csv' })).statusCode, 400);
    assert.equal((await post('editor', { format: 'xml' })).statusCode, 400);
    assert.equal((await post('editor', { format: 'json', filters: { colour: 'red' } })).statusCode, 400);
    assert.equal((await post('editor', { format: 'json', filters: { from: '2022-13' } })).statusCode, 400);
    assert.equal((await post('editor', { format: 'json', filters: { region: [] } })).statusCode, 400);
    assert.equal(
      (await post('editor', { format: 'json', filters: { status: ['persons:happy'] } })).statusCode,
      400,
    );
    assert.equal(
      (await post('analyst', { format: 'json', filters: { caseId: seeded.hidden } })).statusCode,
      404,
    );
    assert.equal(
      (await post('admin', { format: 'json', filters: { caseId: seeded.hidden } })).statusCode,
      200,
    );
    const body = JSON.parse((await post('editor', { format: 'csv' })).body);
    assert.equal(body.error.code, 'invalid_input');
  });
});
