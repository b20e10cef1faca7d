import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { VigilError } from '../../domain/errors.js';
import { type TelegramLimits, zipExportFiles } from '../../ingest/formats/telegram-archive.js';
import { ingestRows } from '../../store/ingest-rows.js';
import { telegramRows } from '../../store/telegram-rows.js';
import { databaseSnapshot } from '../../testing/db-snapshot.js';
import { describeEachEngine } from '../../testing/engines.js';
import { buildPdf, buildZip } from '../../testing/report-files.js';
import {
  type RawTelegramChat,
  telegramPhoto,
  telegramResultJson,
  telegramZip,
} from '../../testing/telegram-exports.js';
import { importTelegram, type TelegramImportOptions } from './telegram-importer.js';

const actor = { id: 'test:telegram' };
const LIMITS: TelegramLimits = {
  maxArchiveBytes: 10 * 1024 * 1024,
  maxMessages: 1000,
  maxMediaBytes: 1024 * 1024,
};

const REPORT =
  'В подвале в селе Зайцево Луганской области удерживают 21 мобилизованного, отказавшегося идти в штурм. ' +
  'Среди них Алексей Кашин, 34 года. Их не кормят; замполит угрожал им расстрелом. Жёны обратились в СК и ответа не получили.';

function channel(id: number, name: string, messages: RawTelegramChat['messages']): RawTelegramChat {
  return { name, type: 'public_channel', id, messages };
}

describeEachEngine('Telegram export import', (db) => {
  const ctx = () => db().app.ctx;
  const run = async (zip: Buffer, options: TelegramImportOptions = {}, limits = LIMITS) =>
    importTelegram({ ctx: ctx(), actor, files: zipExportFiles(zip, limits), limits, options });
  const sourcesOf = async (chatId: number) => {
    const rows = await telegramRows.ofChat(ctx().store.handle.db, String(chatId));
    return Promise.all(
      rows.map(async (r) => ({ row: r, source: await ctx().store.get('sources', r.source_id) })),
    );
  };

  test('a channel: one public source per post, entities flattened, t.me links, media and service messages', async () => {
    const photo = await telegramPhoto();
    const pdf = buildPdf(['Appeal to the military prosecutor about a missing mobilized man.']);
    const zip = telegramZip(
      channel(101, 'Вёрстка', [
        { id: 1, type: 'service', date: '2024-03-01T08:00:00', action: 'create_channel' },
        { id: 2, date: '2024-03-01T09:00:00', from: 'Вёрстка', text: REPORT },
        {
          id: 3,
          date: '2024-03-02T10:00:00',
          from: 'Вёрстка',
          text: [
            'Читайте ',
            { type: 'bold', text: 'расследование' },
            ' о ',
            { type: 'text_link', text: 'ямах', href: 'https://example.org' },
            '.',
          ],
        },
        {
          id: 4,
          date: '2024-03-03T11:00:00',
          from: 'Вёрстка',
          text: 'Фото из подвала',
          photo: 'photos/photo_4.jpg',
        },
        {
          id: 5,
          date: '2024-03-03T12:00:00',
          from: 'Вёрстка',
          text: '',
          file: 'files/appeal.pdf',
          mime_type: 'application/pdf',
        },
        {
          id: 6,
          date: '2024-03-04T12:00:00',
          from: 'Вёрстка',
          text: 'Видео',
          file: '(File not included. Change data exporting settings to download.)',
          media_type: 'video_file',
        },
        {
          id: 7,
          date: '2024-03-04T13:00:00',
          from: 'Вёрстка',
          text: 'Ответ на пост',
          reply_to_message_id: 2,
          edited: '2024-03-04T14:00:00',
        },
      ]),
      { 'photos/photo_4.jpg': photo, 'files/appeal.pdf': pdf },
    );
    const summary = await run(zip, { username: '@verstka_media' });
    assert.deepEqual(summary.messages, { new: 6, edited: 0, unchanged: 0, filtered: 0, service: 1 });
    assert.deepEqual(summary.media, { stored: 2, missing: 1, tooLarge: 0, unreadable: 0 });
    // Five posts with text, a photo and a file of their own.
    assert.equal(summary.sources, 7);
    assert.equal(summary.chat.sensitive, false);
    const held = await sourcesOf(101);
    assert.deepEqual(
      held.map((h) => h.row.message_id),
      [2, 3, 4, 5, 6, 7],
    );
    const post = held[0].source;
    assert.equal(post?.text, REPORT);
    assert.equal(post?.url, 'https://t.me/verstka_media/2');
    assert.equal(post?.outlet, 'Вёрстка');
    assert.equal(post?.published, '2024-03-01');
    assert.equal(post?.kind, 'news_report');
    assert.equal(post?.sensitive, undefined);
    assert.equal(held[1].source?.text, 'Читайте расследование о ямах.');
    // The photo is a source of its own, kept for OCR; the file-only post is held by its file.
    const photoSource = await ctx().store.get('sources', held[2].row.media_source_id ?? '');
    assert.equal(photoSource?.mediaType, 'image/png');
    assert.equal(photoSource?.url, 'https://t.me/verstka_media/4');
    assert.ok(await ctx().jobs.stateOf(photoSource?.id ?? ''));
    assert.equal(held[3].row.source_id, held[3].row.media_source_id);
    assert.match(String(held[3].source?.text), /military prosecutor/);
    const reply = JSON.parse(held[5].row.details) as Record<string, unknown>;
    assert.equal(reply.replyTo, 2);
    assert.equal(reply.edited, '2024-03-04T14:00:00.000Z');
    // Every post is queued for extraction.
    for (const h of held) assert.ok(await ctx().jobs.stateOf(h.row.source_id), `job of ${h.row.message_id}`);
  });

  test('a reprint in another channel and a forward join the original post in one story', async () => {
    await run(telegramZip(channel(201, 'Первый', [{ id: 10, date: '2024-04-01T09:00:00', text: REPORT }])));
    const other = channel(202, 'Второй', [
      { id: 1, date: '2024-04-01T10:00:00', text: `${REPORT} Подписывайтесь.` },
      { id: 2, date: '2024-04-01T11:00:00', text: REPORT, forwarded_from: 'Первый' },
      {
        id: 3,
        date: '2024-04-01T12:00:00',
        text: 'Совсем другая новость о погоде в Москве и пробках на дорогах.',
      },
    ]);
    await run(telegramZip(other));
    const [original] = await sourcesOf(201);
    const held = await sourcesOf(202);
    const stories = await ingestRows.storiesOf(ctx().store.handle.db, [
      original.row.source_id,
      ...held.map((h) => h.row.source_id),
    ]);
    const story = stories.get(original.row.source_id);
    assert.equal(stories.get(held[0].row.source_id), story);
    assert.equal(stories.get(held[1].row.source_id), story);
    assert.notEqual(stories.get(held[2].row.source_id), story);
    assert.match(String(held[1].source?.title), /forwarded from Первый/);
    // Without a username there is no link to guess.
    assert.equal(held[0].source?.url, undefined);
  });

  test('a private chat is sensitive: turns of one author in one sealed source, not indexed, not extracted', async () => {
    const chat: RawTelegramChat = {
      name: 'Елена Кашина',
      type: 'personal_chat',
      id: 301,
      messages: [
        {
          id: 1,
          date: '2024-05-01T09:00:00',
          from: 'Елена Кашина',
          from_id: 'user77',
          text: 'Здравствуйте, мой муж Алексей',
        },
        {
          id: 2,
          date: '2024-05-01T09:01:00',
          from: 'Елена Кашина',
          from_id: 'user77',
          text: ['он в подвале в ', { type: 'italic', text: 'Зайцево' }],
        },
        {
          id: 3,
          date: '2024-05-01T09:30:00',
          from: 'Горячая линия',
          from_id: 'user1',
          text: 'Когда он последний раз выходил на связь?',
        },
        {
          id: 4,
          date: '2024-05-01T09:40:00',
          from: 'Елена Кашина',
          from_id: 'user77',
          text: 'Неделю назад',
          reply_to_message_id: 3,
        },
      ],
    };
    const summary = await run(telegramZip(chat));
    assert.equal(summary.chat.sensitive, true);
    assert.equal(summary.chat.name, '');
    assert.equal(summary.sources, 3);
    const held = await sourcesOf(301);
    assert.equal(held[0].row.source_id, held[1].row.source_id);
    const turn = held[0].source;
    assert.equal(turn?.sensitive, true);
    assert.equal(turn?.kind, 'testimony');
    assert.match(
      String(turn?.text),
      /^Елена Кашина, 2024-05-01 09:00:\nЗдравствуйте, мой муж Алексей\nон в подвале в Зайцево$/,
    );
    assert.doesNotMatch(String(turn?.title), /Кашина/);
    const raw = ctx().store.handle.db;
    const stored = await sql<{ doc: string }>`SELECT doc FROM sources WHERE id = ${turn?.id ?? ''}`.execute(
      raw,
    );
    assert.doesNotMatch(stored.rows[0].doc, /Кашина|подвале/);
    for (const h of held) assert.doesNotMatch(h.row.details, /Кашина|user77/);
    assert.equal((await ingestRows.storiesOf(raw, [turn?.id ?? ''])).get(turn?.id ?? ''), turn?.id);
    assert.equal(await ctx().jobs.stateOf(turn?.id ?? ''), undefined);
    const indexed = await raw
      .selectFrom('search_entries')
      .select('body_terms')
      .where('record_id', '=', turn?.id ?? '')
      .executeTakeFirst();
    assert.equal(indexed?.body_terms ?? '', '');
  });

  test('a group is sensitive too, with one source per turn; --extract makes it ordinary', async () => {
    const group: RawTelegramChat = {
      name: 'Родные 1234 полка',
      type: 'private_supergroup',
      id: 401,
      messages: [
        {
          id: 1,
          date: '2024-06-01T09:00:00',
          from: 'Мария',
          from_id: 'user5',
          text: 'Наших держат в Зайцево',
        },
        { id: 2, date: '2024-06-01T09:05:00', from: 'Ольга', from_id: 'user6', text: 'Мой тоже там' },
        { id: 3, date: '2024-06-01T09:06:00', type: 'service', action: 'invite_members' },
      ],
    };
    const sealed = await run(telegramZip(group));
    assert.equal(sealed.sources, 2);
    assert.equal(sealed.messages.service, 1);
    for (const h of await sourcesOf(401)) assert.equal(h.source?.sensitive, true);
    const open = await run(telegramZip({ ...group, id: 402 }), { extract: true });
    assert.equal(open.chat.sensitive, false);
    const [first] = await sourcesOf(402);
    assert.equal(first.source?.sensitive, undefined);
    assert.ok(await ctx().jobs.stateOf(first.row.source_id));
    assert.doesNotMatch(String(first.source?.title), /Родные/);
  });

  test('re-importing adds only new and edited messages; the dry run counts them and writes nothing', async () => {
    const v1 = channel(501, 'Хроника', [
      { id: 1, date: '2024-07-01T09:00:00', text: 'Первая новость о задержании в Брянке' },
      { id: 2, date: '2024-07-02T09:00:00', text: 'Вторая новость о задержании в Стаханове' },
    ]);
    assert.equal((await run(telegramZip(v1))).sources, 2);
    const before = await sourcesOf(501);
    const v2 = channel(501, 'Хроника', [
      v1.messages[0],
      {
        ...v1.messages[1],
        text: 'Вторая новость о задержании в Стаханове, обновлено',
        edited: '2024-07-03T09:00:00',
      },
      { id: 3, date: '2024-07-04T09:00:00', text: 'Третья новость: отпустили из подвала' },
      { id: 4, date: '2024-08-01T09:00:00', text: 'Про погоду' },
    ]);
    const state = await databaseSnapshot(ctx().store.handle);
    const dry = await run(telegramZip(v2), { dryRun: true, until: '2024-07-31' });
    assert.deepEqual(dry.messages, { new: 1, edited: 1, unchanged: 1, filtered: 1, service: 0 });
    assert.equal(dry.sources, 0);
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), state);
    const matched = await run(telegramZip(v2), {
      dryRun: true,
      match: 'ОТПУСТИЛИ погода',
      since: '2024-07-02',
    });
    assert.deepEqual(matched.messages, { new: 1, edited: 0, unchanged: 0, filtered: 3, service: 0 });
    const done = await run(telegramZip(v2));
    assert.deepEqual(done.messages, { new: 2, edited: 1, unchanged: 1, filtered: 0, service: 0 });
    assert.equal(done.sources, 3);
    const after = await sourcesOf(501);
    assert.equal(after[0].row.source_id, before[0].row.source_id);
    assert.notEqual(after[1].row.source_id, before[1].row.source_id);
    assert.match(String(after[1].source?.text), /обновлено/);
    const again = await run(telegramZip(v2));
    assert.deepEqual(again.messages, { new: 0, edited: 0, unchanged: 4, filtered: 0, service: 0 });
    assert.equal(again.sources, 0);
  });

  test('a damaged, foreign or oversize export is refused and stores nothing', async () => {
    const state = await databaseSnapshot(ctx().store.handle);
    const refused = async (zip: Buffer, kind: string, message: RegExp, limits = LIMITS) => {
      await assert.rejects(run(zip, {}, limits), (err: unknown) => {
        assert.ok(err instanceof VigilError);
        assert.equal(err.kind, kind);
        assert.match(err.message, message);
        return true;
      });
    };
    const good = channel(601, 'Канал', [
      { id: 1, date: '2024-09-01T09:00:00', text: 'Новость' },
      { id: 2, date: '2024-09-01T10:00:00', text: 'Ещё новость' },
    ]);
    const withResult = (json: string) => buildZip([{ name: 'result.json', data: Buffer.from(json, 'utf8') }]);
    await refused(withResult('{"name": "Канал", "messages": ['), 'invalid_input', /not valid JSON/);
    await refused(withResult('{"about": "a full account export"}'), 'invalid_input', /no messages list/);
    const noId = telegramResultJson(good).replace('"id": 2', '"id": "two"');
    await refused(withResult(noId), 'invalid_input', /numeric id/);
    await refused(Buffer.from('not a zip at all'), 'invalid_input', /not a readable zip/);
    await refused(withResult('{}').subarray(0, 40), 'invalid_input', /not a readable zip/);
    await refused(telegramZip(good), 'too_large', /more than 1 messages/, { ...LIMITS, maxMessages: 1 });
    await refused(telegramZip(good), 'too_large', /archive is larger/, { ...LIMITS, maxArchiveBytes: 100 });
    assert.deepEqual(await databaseSnapshot(ctx().store.handle), state);
  });

  test('a photo over the media limit is left out and counted, the post kept', async () => {
    const zip = telegramZip(
      channel(701, 'Канал с фото', [
        { id: 1, date: '2024-10-01T09:00:00', text: 'Пост с большим фото', photo: 'photos/big.jpg' },
      ]),
      { 'photos/big.jpg': await telegramPhoto(90) },
    );
    const summary = await run(zip, {}, { ...LIMITS, maxMediaBytes: 10 });
    assert.deepEqual(summary.media, { stored: 0, missing: 0, tooLarge: 1, unreadable: 0 });
    assert.equal(summary.sources, 1);
  });
});
