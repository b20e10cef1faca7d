import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildDocx, buildEml, buildPdf, buildZip, multipartBody } from '../testing/report-files.js';
import { buildServer } from './server.js';

const LINE = 'Relatives say 21 men are held in a basement in Zaitseve.';

let auth: Record<string, string> = {};

describeEachEngine('POST /api/sources (ingest)', (db) => {
  let server: FastifyInstance;
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      maxUploadBytes: 512 * 1024,
    });
    auth = { authorization: `Bearer ${(await seedAccount(db().app.ctx, 'admin')).token}` };
  });
  after(async () => {
    await server.close();
  });

  async function upload(file: Buffer, fields: Record<string, string> = {}, filename?: string) {
    const response = await server.inject({
      method: 'POST',
      url: '/api/sources',
      ...withAuth(multipartBody(file, fields, filename)),
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> };
  }

  async function stored() {
    const db_ = db().app.ctx.store.handle.db;
    const sources = await db_
      .selectFrom('sources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const files = await db_
      .selectFrom('source_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { sources: Number(sources.n), files: Number(files.n) };
  }

  test('stores PDF, .docx and e-mail uploads with their clean text, metadata and original bytes', async () => {
    const pdf = await upload(buildPdf([LINE], 'PDF report'), { outlet: 'Outlet' }, 'misleading-name.txt');
    assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
    assert.equal(pdf.body.mediaType, 'application/pdf');
    assert.equal(pdf.body.title, 'PDF report');
    assert.equal(pdf.body.outlet, 'Outlet');
    assert.match(String(pdf.body.text), /basement in Zaitseve/);
    const docx = await upload(buildDocx(['A docx report', LINE]));
    assert.equal(docx.status, 201, JSON.stringify(docx.body));
    assert.equal(docx.body.published, '2024-03-04');
    const eml = await upload(buildEml('Letter from a wife', `${LINE} Write to the prosecutor.`));
    assert.equal(eml.status, 201, JSON.stringify(eml.body));
    assert.equal(eml.body.kind, 'letter');
    const again = await upload(buildPdf([LINE], 'PDF report'));
    assert.equal(again.status, 200, 'the same bytes again answer with the existing source');
    assert.equal(again.body.id, pdf.body.id);
    const file = await db()
      .app.ctx.store.handle.db.selectFrom('source_files')
      .selectAll()
      .where('source_id', '=', String(pdf.body.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(Buffer.from(file.bytes), buildPdf([LINE], 'PDF report'));
    assert.equal(file.sha256, pdf.body.fileSha256);
  });

  test('strips scripts from HTML and keeps the text', async () => {
    const html = `<html><head><meta property="og:site_name" content="Site"></head><body><article><h1>Held</h1><p>${LINE}</p><script>steal()</script></article></body></html>`;
    const response = await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: { text: html },
    });
    assert.equal(response.statusCode, 201, response.body);
    const source = JSON.parse(response.body) as { text: string; outlet: string; mediaType: string };
    assert.equal(source.mediaType, 'text/html');
    assert.equal(source.outlet, 'Site');
    assert.doesNotMatch(source.text, /steal|<p>/);
  });

  test('a sensitive report is stored encrypted: not searchable, original sealed, no plain draft', async () => {
    const word = 'zyxwitnessq';
    const text = `${LINE} The witness ${word} was held in the school basement.`;
    const response = await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: { text, sensitive: true },
    });
    assert.equal(response.statusCode, 201, response.body);
    const source = JSON.parse(response.body) as { id: string; sensitive: boolean };
    assert.equal(source.sensitive, true);
    const raw = db().app.ctx.store.handle.db;
    const row = await raw
      .selectFrom('sources')
      .select('doc')
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.doc.includes(word), `the stored text is encrypted: ${row.doc.slice(0, 400)}`);
    const file = await raw
      .selectFrom('source_files')
      .select('bytes')
      .where('source_id', '=', source.id)
      .executeTakeFirstOrThrow();
    assert.ok(!Buffer.from(file.bytes).toString('utf8').includes(word), 'the original is sealed');
    const drafts = await raw.selectFrom('drafts').select('id').where('source_id', '=', source.id).execute();
    assert.deepEqual(drafts, [], 'no draft holds the testimony in plain');
    const search = await server.inject({ method: 'GET', url: `/api/search?q=${word}`, headers: auth });
    assert.equal(search.statusCode, 200);
    assert.deepEqual(JSON.parse(search.body).items, []);
  });

  test('refuses damaged files, bombs, oversize and unknown types with a clear error and stores nothing', async () => {
    const before = await stored();
    const cases: Array<[Buffer, number, string]> = [
      [buildPdf([LINE]).subarray(0, 150), 400, 'invalid_input'],
      [buildDocx([LINE]).subarray(0, 100), 400, 'invalid_input'],
      [
        buildZip([{ name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]),
        413,
        'too_large',
      ],
      [Buffer.alloc(600 * 1024, 0x61), 413, 'too_large'],
      // A PNG is now read by OCR, so a PNG cut off after its signature is a damaged image (400).
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 400, 'invalid_input'],
      // A GIF is no type Vigil reads.
      [Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0]), 415, 'unsupported_media_type'],
      [Buffer.from('<html><body><script>steal()</script></body></html>'), 400, 'invalid_input'],
    ];
    for (const [file, status, code] of cases) {
      const response = await upload(file);
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal((response.body.error as { code: string }).code, code);
    }
    const missingFile = await server.inject({
      method: 'POST',
      url: '/api/sources',
      ...withAuth(multipartBody(Buffer.from(`${LINE} As plain text.`), {}, 'x')),
    });
    assert.equal(missingFile.statusCode, 201, 'a plain-text upload is fine');
    const after = await stored();
    assert.deepEqual(after, { sources: before.sources + 1, files: before.files + 1 });
  });
});

/** A multipart request with the suite's Bearer token added to its headers. */
function withAuth(request: { payload: Buffer; headers: Record<string, string> }) {
  return { ...request, headers: { ...request.headers, ...auth } };
}
