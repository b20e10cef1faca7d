import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestRows } from '../store/ingest-rows.js';
import { runVigil } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { type RawTelegramChat, telegramResultJson, telegramZip } from '../testing/telegram-exports.js';

const CHANNEL: RawTelegramChat = {
  name: 'Новая газета Европа',
  type: 'public_channel',
  id: 9001,
  messages: [
    { id: 1, type: 'service', date: '2024-03-01T08:00:00', action: 'create_channel' },
    {
      id: 2,
      date: '2024-03-01T09:00:00',
      text: [
        'В подвале в селе Зайцево Луганской области удерживают ',
        { type: 'bold', text: '21 мобилизованного' },
        ', отказавшегося идти в штурм. Их не кормят.',
      ],
    },
    {
      id: 3,
      date: '2024-03-05T09:00:00',
      text: 'Родственники Алексея Кашина обратились в военную прокуратуру.',
    },
  ],
};

describeEachEngine('vigil import-telegram', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-telegram-'));
  const vigil = (...args: string[]) => runVigil(['import-telegram', ...args, '--db', db().url]);

  test('refuses bad usage and a damaged export with exit 2 and one line', () => {
    assert.equal(runVigil(['import-telegram', '--help']).code, 0);
    assert.equal(vigil().code, 2);
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, telegramZip(CHANNEL));
    assert.equal(vigil(zip, '--since', '2024-13-01').code, 2);
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, Buffer.from('PK not really'));
    const refused = vigil(broken);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /not a readable zip archive/);
    assert.equal(refused.stderr.trim().split('\n').length, 1);
    const limited = runVigil(['import-telegram', zip, '--db', db().url], {
      VIGIL_TELEGRAM_MESSAGE_LIMIT: '2',
    });
    assert.equal(limited.code, 2);
    assert.match(limited.stderr, /more than 2 messages/);
  });

  test('a folder export: the dry run counts, the import stores posts with links and makes drafts', async () => {
    const folder = join(dir, 'ChatExport_2024-03-06');
    mkdirSync(folder);
    writeFileSync(join(folder, 'result.json'), telegramResultJson(CHANNEL));
    const dry = vigil(folder, '--dry-run', '--since', '2024-03-02');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /messages: 1 new, 0 edited, 0 unchanged, 1 filtered out, 1 service/);
    assert.match(dry.stdout, /dry run: nothing was written/);
    const done = vigil(folder, '--username', 'novayagazeta_eu');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /messages: 2 new/);
    assert.match(done.stdout, /2 sources created/);
    assert.match(done.stdout, /extraction: 2 jobs run/);
    assert.match(done.stderr, /stored 2 of 2/);
    const { ctx } = db().app;
    const sources = await ctx.store.list('sources', {
      filters: { outlet: 'Новая газета Европа' },
      limit: 10,
    });
    assert.deepEqual(sources.map((s) => s.url).sort(), [
      'https://t.me/novayagazeta_eu/2',
      'https://t.me/novayagazeta_eu/3',
    ]);
    for (const s of sources) assert.ok(await ingestRows.draftOfSource(ctx.store.handle.db, s.id));
    const again = vigil(folder);
    assert.match(again.stdout, /0 new, 0 edited, 2 unchanged/);
    assert.match(again.stdout, /0 sources created/);
  });
});
