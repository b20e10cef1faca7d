import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { charErrorRate } from '../ingest/ocr/char-error-rate.js';
import { renderTestPage } from '../ingest/ocr/render-test-page.js';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { ocrSkip } from '../testing/ocr.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';
import { multipartBody } from '../testing/report-files.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
let auth: Record<string, string> = {};

describe('ingesting photos and scans', { skip: ocrSkip }, () => {
  describeEachEngine('OCR in the worker', (db) => {
    let server: FastifyInstance;
    before(async () => {
      server = await buildServer(db().app.ctx, {
        bodyLimit: 1024 * 1024,
        logger: false,
        maxUploadBytes: 8 * 1024 * 1024,
      });
      auth = { authorization: `Bearer ${(await seedAccount(db().app.ctx, 'admin')).token}` };
    });
    after(async () => {
      await server.close();
    });

    async function upload(file: Buffer, fields: Record<string, string> = {}) {
      const { payload, headers } = multipartBody(file, fields, 'reply.bin');
      const response = await server.inject({
        method: 'POST',
        url: '/api/sources',
        payload,
        headers: { ...headers, ...auth },
      });
      return { status: response.statusCode, body: JSON.parse(response.body) as Json };
    }
    async function get(url: string) {
      const response = await server.inject({ method: 'GET', url, headers: auth });
      return { status: response.statusCode, body: JSON.parse(response.body) as Json };
    }
    async function stored() {
      const raw = db().app.ctx.store.handle.db;
      const count = async (table: 'sources' | 'source_files' | 'ocr_pages') =>
        Number(
          (
            await raw
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        sources: await count('sources'),
        files: await count('source_files'),
        pages: await count('ocr_pages'),
      };
    }

    test('stores a photographed reply at once and reads it by OCR in the extraction job, word boxes kept', async () => {
      const lines = [...REPLY_LETTERS.forwarded];
      const photo = await renderTestPage(lines, {
        perspective: 0.1,
        shade: true,
        noise: 0.01,
        format: 'jpeg',
      });
      const created = await upload(photo, { language: 'ru' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.mediaType, 'image/jpeg');
      assert.equal(created.body.kind, 'document');
      assert.equal(created.body.text, undefined, 'no OCR in the request');
      const id = String(created.body.id);
      assert.equal((await get(`/api/sources/${id}/extraction`)).body.status, 'queued');

      const { ctx } = db().app;
      assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 1);
      const source = (await get(`/api/sources/${id}`)).body;
      const text = String(source.text);
      const cer = charErrorRate(lines.join('\n'), text);
      assert.ok(cer <= 0.05, `character error rate ${cer.toFixed(4)}:\n${text}`);
      assert.equal(source.version, 2);

      const pages = await ctx.store.handle.db
        .selectFrom('ocr_pages')
        .selectAll()
        .where('source_id', '=', id)
        .execute();
      assert.equal(pages.length, 1);
      const words = JSON.parse(pages[0].words) as number[][];
      const at = text.indexOf('принадлежности');
      const word = words.find(([start]) => start === at);
      assert.ok(word, 'the word’s span has a box');
      assert.equal(word[1], at + 'принадлежности'.length);
      assert.ok(word[4] > 0 && word[5] > 0 && word[6] > 0, 'a box and a confidence');

      const drafts = (await get(`/api/drafts?sourceId=${id}`)).body.items as Json[];
      assert.equal(drafts.length, 1, 'the OCR text was extracted into a draft');
      const found = (await get(`/api/search?q=${encodeURIComponent('прокуратуру')}`)).body.items as Json[];
      assert.ok(
        found.some((item) => item.id === id),
        'the recognised text is searchable',
      );
      assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 0, 'nothing is read twice');
    });

    test('reads a PDF without a text layer page by page', async () => {
      const first = [...REPLY_LETTERS.refused];
      const second = [...REPLY_LETTERS.checkUnderWay];
      const pdf = await scannedPdf([await renderTestPage(first), await renderTestPage(second)]);
      const created = await upload(pdf);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.mediaType, 'application/pdf');
      const { ctx } = db().app;
      await ctx.jobs.drain(draftJobHandler(ctx));
      const id = String(created.body.id);
      const text = String((await get(`/api/sources/${id}`)).body.text);
      const cer = charErrorRate(`${first.join('\n')}\n${second.join('\n')}`, text);
      assert.ok(cer <= 0.05, `character error rate ${cer.toFixed(4)}:\n${text}`);
      const pages = await ctx.store.handle.db
        .selectFrom('ocr_pages')
        .selectAll()
        .where('source_id', '=', id)
        .execute();
      assert.deepEqual(pages.map((p) => p.page).sort(), [1, 2]);
    });

    test('reads a sensitive photo into sealed text and makes no draft of it', async () => {
      const lines = [...REPLY_LETTERS.answeredUk];
      const created = await upload(await renderTestPage(lines, { format: 'png' }), {
        sensitive: 'true',
        language: 'uk',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { ctx } = db().app;
      await ctx.jobs.drain(draftJobHandler(ctx));
      const id = String(created.body.id);
      const source = (await get(`/api/sources/${id}`)).body;
      assert.match(String(source.text), /Шевченка/);
      const row = await ctx.store.handle.db
        .selectFrom('sources')
        .select('doc')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(!row.doc.includes('Шевченка'), 'the recognised text is sealed at rest');
      assert.deepEqual((await get(`/api/drafts?sourceId=${id}`)).body.items, []);
    });

    test('refuses a truncated image, a decompression bomb and a HEIC photo with a clear error and stores nothing', async () => {
      const before_ = await stored();
      const photo = await renderTestPage(['Военная прокуратура'], { format: 'jpeg' });
      const truncated = await upload(photo.subarray(0, Math.floor(photo.length / 2)));
      assert.equal(truncated.status, 400, JSON.stringify(truncated.body));
      assert.equal((truncated.body.error as Json).code, 'invalid_input');
      assert.match(String((truncated.body.error as Json).message), /damaged or truncated image/);
      const bomb = await upload(pngDeclaring(100_000, 100_000));
      assert.equal(bomb.status, 413, JSON.stringify(bomb.body));
      assert.equal((bomb.body.error as Json).code, 'too_large');
      const heic = await upload(
        Buffer.concat([
          Buffer.from([0, 0, 0, 24]),
          Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
          Buffer.alloc(200, 7),
        ]),
      );
      assert.equal(heic.status, 415, JSON.stringify(heic.body));
      assert.match(String((heic.body.error as Json).message), /HEIC .*JPEG/);
      assert.deepEqual(await stored(), before_);
    });
  });
});

/** A PDF whose pages are only images, as a scanner makes them (no text layer). */
function scannedPdf(pages: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const png of pages) {
      doc.addPage();
      doc.image(png, 0, 0, { width: 595 });
    }
    doc.end();
  });
}

/** A tiny PNG whose header declares a huge canvas: what a decompression bomb looks like. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
