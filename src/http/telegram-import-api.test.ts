import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { TelegramImportSummary } from '../app/telegram/telegram-importer.js';
import { seedAccount } from '../testing/auth.js';
import { databaseSnapshot } from '../testing/db-snapshot.js';
import { describeEachEngine } from '../testing/engines.js';
import { multipartBody } from '../testing/report-files.js';
import { type RawTelegramChat, telegramPhoto, telegramZip } from '../testing/telegram-exports.js';
import { buildServer } from './server.js';

/** A summary, or an error. */
type Answer = TelegramImportSummary & { error: { message: string } };

const CHANNEL: RawTelegramChat = {
  name: 'Мониторинг',
  type: 'public_channel',
  id: 8001,
  messages: [
    { id: 1, date: '2024-03-01T09:00:00', text: 'В Брянке в подвале держат 12 мобилизованных отказников.' },
    {
      id: 2,
      date: '2024-03-02T09:00:00',
      text: ['Фото ', { type: 'bold', text: 'подвала' }],
      photo: 'photos/p2.jpg',
    },
    { id: 3, type: 'service', date: '2024-03-02T10:00:00', action: 'pin_message' },
  ],
};

describeEachEngine('POST /api/telegram-imports', (db) => {
  let server: FastifyInstance;
  let auth: Record<string, string> = {};
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      telegram: { maxArchiveBytes: 64 * 1024, maxMessages: 50, maxMediaBytes: 32 * 1024 },
    });
    auth = { authorization: `Bearer ${(await seedAccount(db().app.ctx, 'editor')).token}` };
  });
  after(async () => {
    await server.close();
  });
  const upload = async (zip: Buffer, fields: Record<string, string> = {}) => {
    const { payload, headers } = multipartBody(zip, fields, 'export.zip');
    const res = await server.inject({
      method: 'POST',
      url: '/api/telegram-imports',
      payload,
      headers: { ...headers, ...auth },
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as Answer };
  };

  test('a dry run counts, the import stores the posts and their photo, a re-import nothing', async () => {
    const zip = telegramZip(CHANNEL, { 'photos/p2.jpg': await telegramPhoto() });
    const dry = await upload(zip, { dryRun: 'true', username: 'monitoring_ua' });
    assert.equal(dry.status, 200);
    assert.deepEqual(dry.body.messages, { new: 2, edited: 0, unchanged: 0, filtered: 0, service: 1 });
    assert.equal(dry.body.sources, 0);
    const done = await upload(zip, { username: 'monitoring_ua' });
    assert.equal(done.status, 201, JSON.stringify(done.body));
    assert.equal(done.body.sources, 3);
    assert.deepEqual(done.body.media, { stored: 1, missing: 0, tooLarge: 0, unreadable: 0 });
    assert.deepEqual(done.body.chat, { name: 'Мониторинг', kind: 'channel', sensitive: false });
    const listed = await server.inject({ method: 'GET', url: '/api/sources?limit=50', headers: auth });
    const urls = (JSON.parse(listed.body).items as Array<{ url?: string }>).map((s) => s.url);
    assert.ok(urls.includes('https://t.me/monitoring_ua/1'));
    const again = await upload(zip);
    assert.equal(again.body.messages.unchanged, 2);
    assert.equal(again.body.sources, 0);
  });

  test('bad input gets 400 or 413 and stores nothing', async () => {
    const state = await databaseSnapshot(db().app.ctx.store.handle);
    const broken = await upload(Buffer.from('not a zip'));
    assert.equal(broken.status, 400);
    assert.match(broken.body.error.message, /not a readable zip/);
    assert.equal((await upload(telegramZip({ ...CHANNEL, id: 8002 }), { since: '2024-02-30' })).status, 400);
    assert.equal(
      (await upload(telegramZip({ ...CHANNEL, id: 8003 }), { username: 'no spaces' })).status,
      400,
    );
    const many = {
      ...CHANNEL,
      id: 8004,
      messages: Array.from({ length: 51 }, (_, i) => ({
        id: i + 1,
        date: '2024-03-01T09:00:00',
        text: `n ${i}`,
      })),
    };
    assert.equal((await upload(telegramZip(many))).status, 413);
    const huge = telegramZip({ ...CHANNEL, id: 8005 }, { 'files/noise.bin': randomBytes(70_000) });
    assert.equal((await upload(huge)).status, 413);
    const json = await server.inject({
      method: 'POST',
      url: '/api/telegram-imports',
      payload: { file: 'x' },
      headers: auth,
    });
    assert.equal(json.statusCode, 400);
    assert.deepEqual(await databaseSnapshot(db().app.ctx.store.handle), state);
  });

  test('a private chat is stored sensitive and its name is not answered', async () => {
    const chat: RawTelegramChat = {
      name: 'Ольга Петренко',
      type: 'personal_chat',
      id: 8101,
      messages: [
        {
          id: 1,
          date: '2024-03-01T09:00:00',
          from: 'Ольга Петренко',
          from_id: 'user9',
          text: 'Сына забрали в подвал',
        },
      ],
    };
    const res = await upload(telegramZip(chat));
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.chat, { name: '', kind: 'private', sensitive: true });
    assert.doesNotMatch(JSON.stringify(res.body), /Петренко/);
  });
});
