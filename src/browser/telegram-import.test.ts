import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../app/context.js';
import { ingestRows } from '../store/ingest-rows.js';
import type { TestAccount } from '../testing/auth.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  pageSignedInAs,
  useWebFixture,
  type WebServer,
} from '../testing/browser.js';
import { type RawTelegramChat, telegramZip } from '../testing/telegram-exports.js';

const CHANNEL: RawTelegramChat = {
  name: 'Идите лесом',
  type: 'public_channel',
  id: 7001,
  messages: [
    { id: 1, type: 'service', date: '2024-03-01T08:00:00', action: 'create_channel' },
    {
      id: 2,
      date: '2024-03-01T09:00:00',
      text: [
        'Мобилизованного Алексея Кашина, 34 года, удерживают в подвале в селе Зайцево Луганской области. ',
        { type: 'bold', text: 'Его жена обратилась в военную прокуратуру.' },
      ],
    },
    {
      id: 3,
      date: '2024-03-02T09:00:00',
      text: 'В Брянке отказников держат в яме без еды, сообщают родственники.',
    },
  ],
};

describe('Telegram import in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
  });

  test('an editor counts, then imports a zipped channel export, and opens a draft made from a post', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { name: 'Import a Telegram chat' }).waitFor();
    // A damaged archive is refused with the server's reason, and nothing is stored.
    await page
      .getByLabel('Zipped export (.zip)')
      .setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('the Telegram export is not a readable zip archive').waitFor();
    // Chromium logs the expected 400 to the console.
    browser.problems.length = 0;
    await page
      .getByLabel('Zipped export (.zip)')
      .setInputFiles({ name: 'ChatExport.zip', mimeType: 'application/zip', buffer: telegramZip(CHANNEL) });
    await page.getByLabel("Public channel's @username (for t.me links)").fill('idite_lesom');
    await page.getByRole('button', { name: 'Count first (dry run)' }).click();
    await page.getByText('Dry run: nothing was stored.').waitFor();
    await page.getByText('Messages: 2 new, 0 edited, 0 unchanged, 0 filtered out, 1 service').waitFor();
    assert.deepEqual(await ctx.store.list('sources', { limit: 10 }), []);
    assert.deepEqual([...(await accessibilityProblems(page)), ...browser.problems.splice(0)], []);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 2 sources created.').waitFor();
    const post = (await ctx.store.list('sources', { limit: 10 })).find(
      (s) => s.url === 'https://t.me/idite_lesom/2',
    );
    assert.ok(post);
    // The server's job runner makes the draft; wait for it before opening the review list.
    let draft = await ingestRows.draftOfSource(ctx.store.handle.db, post.id);
    while (!draft) {
      await sleep(100);
      draft = await ingestRows.draftOfSource(ctx.store.handle.db, post.id);
    }
    await page.getByRole('link', { name: 'Review the drafts' }).click();
    await page.locator(`a[href="/review/${draft.id}"]`).click();
    await page.getByText('Кашин', { exact: false }).first().waitFor();
    assert.deepEqual(browser.problems.splice(0), []);
  });
});
