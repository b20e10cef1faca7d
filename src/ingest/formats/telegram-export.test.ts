import assert from 'node:assert/strict';
import { test } from 'node:test';
import { telegramResultJson } from '../../testing/telegram-exports.js';
import { exportPath } from './telegram-archive.js';
import { flattenTelegramText, parseTelegramExport } from './telegram-export.js';

test('text as a string or as strings and entity objects reads as plain text', () => {
  assert.equal(flattenTelegramText('просто текст'), 'просто текст');
  assert.equal(
    flattenTelegramText([
      'Держат ',
      { type: 'bold', text: '21 человека' },
      ' в ',
      { type: 'text_link', text: 'подвале', href: 'https://x.org' },
      '.',
    ]),
    'Держат 21 человека в подвале.',
  );
  assert.equal(flattenTelegramText(undefined), '');
});

test('messages keep author, forward, reply, edit and media; service messages are counted only', () => {
  const chat = parseTelegramExport(
    telegramResultJson({
      name: 'Канал',
      type: 'private_channel',
      id: -100123,
      messages: [
        { id: 1, type: 'service', date: '2024-03-01T08:00:00', action: 'pin_message' },
        {
          id: 2,
          date: '2024-03-01T09:30:00',
          from: 'Канал',
          from_id: 'channel123',
          text: ' Пост ',
          forwarded_from: 'Другой канал',
          reply_to_message_id: 1,
          edited: '2024-03-01T10:00:00',
          photo: 'photos/photo_2.jpg',
        },
        {
          id: 3,
          date: '2024-03-02T09:00:00',
          text: 'Видео',
          file: '(File not included. Change data exporting settings to download.)',
          media_type: 'video_file',
        },
      ],
    }),
    10,
  );
  assert.equal(chat.kind, 'channel');
  assert.equal(chat.id, '-100123');
  assert.equal(chat.serviceCount, 1);
  assert.deepEqual(chat.messages[0], {
    id: 2,
    date: '2024-03-01T09:30:00.000Z',
    text: 'Пост',
    author: 'Канал',
    authorId: 'channel123',
    forwardedFrom: 'Другой канал',
    replyTo: 1,
    edited: '2024-03-01T10:00:00.000Z',
    photo: 'photos/photo_2.jpg',
  });
  assert.equal(chat.messages[1].file, undefined);
  assert.equal(chat.messages[1].mediaLeftOut, true);
});

test('what is not a one-chat JSON export is refused', () => {
  const refused = (json: string, message: RegExp) =>
    assert.throws(() => parseTelegramExport(json, 10), message);
  refused('<html>', /not valid JSON/);
  refused('{"type":"personal_chat","id":1}', /no messages list/);
  refused('{"type":"html_export","id":1,"messages":[]}', /unknown chat type/);
  refused('{"type":"personal_chat","id":1,"messages":[{"id":1,"type":"message"}]}', /has no date/);
  refused(
    '{"type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date":"2024-01-01T00:00:00"},{"id":1,"type":"message","date":"2024-01-01T00:00:00"}]}',
    /appears twice/,
  );
  assert.throws(
    () => parseTelegramExport('{"type":"personal_chat","id":1,"messages":[{},{}]}', 1),
    /more than 1 messages/,
  );
});

test('a media path never leaves the export folder', () => {
  assert.equal(exportPath('photos/p.jpg'), 'photos/p.jpg');
  assert.equal(exportPath('files\\doc.pdf'), 'files/doc.pdf');
  assert.equal(exportPath('../secret'), undefined);
  assert.equal(exportPath('photos/../../etc/passwd'), undefined);
  assert.equal(exportPath('/etc/passwd'), undefined);
});
