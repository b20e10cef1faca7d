import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import { renderTestPage } from '../ingest/ocr/render-test-page.js';
import type { TestAccount } from '../testing/auth.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  pageSignedInAs,
  useWebFixture,
  type WebServer,
} from '../testing/browser.js';
import { ocrSkip } from '../testing/ocr.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';

describe('a photographed reply reviewed beside its image in Chromium', {
  skip: browserSkip || ocrSkip,
}, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  let caseId = '';
  let appealId = '';

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
    const actor = { id: 'test:web' };
    caseId = (
      await createRecord({
        ctx,
        actor,
        collection: 'cases',
        input: { title: 'Иванов held in Novocherkassk', status: 'open', confidentiality: 'restricted' },
      })
    ).id;
    appealId = (
      await createRecord({
        ctx,
        actor,
        collection: 'interventions',
        input: {
          caseId,
          recipientName: 'Военная прокуратура Южного военного округа',
          senderName: 'Иванова Мария Петровна',
          senderKind: 'relatives',
          kind: 'complaint',
          status: 'sent',
          sentOn: '2024-02-20',
          deadlineRule: 'fz59_answer',
        },
      })
    ).id;
  });

  test('an editor uploads the photo, checks the reading against the page, confirms the appeal and applies', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    const photo = await renderTestPage([...REPLY_LETTERS.forwarded], {
      perspective: 0.1,
      shade: true,
      noise: 0.01,
      format: 'jpeg',
    });
    await page.goto(`${web.url}/review`);
    await page.getByLabel('Upload a file').check();
    await page
      .getByLabel('Report file')
      .setInputFiles({ name: 'ответ.jpg', mimeType: 'image/jpeg', buffer: photo });
    const image = page.waitForResponse((r) => /\/api\/sources\/\w+\/pages\/1\/image$/.test(r.url()), {
      timeout: 120_000,
    });
    await page.getByRole('button', { name: 'Store and extract' }).click();
    // OCR runs in the extraction job; the page follows it to the draft.
    await page.waitForURL(/\/review\/[0-9A-Z]{26}$/, { timeout: 120_000 });
    const served = await image;
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'image/jpeg');

    const scan = page.locator('#scan');
    await scan.locator('svg image').waitFor();
    const reply = page.locator('[data-item="reply-1"]');
    await reply.getByRole('heading', { name: 'Official reply' }).waitFor();
    assert.match(
      (await reply.locator('.reply-effect').textContent()) ?? '',
      /follow-up appeal to .*Новочеркасск/,
    );
    const suggested = reply.getByRole('radio', { name: /Военная прокуратура Южного военного округа/ });
    assert.equal(await suggested.isChecked(), true, 'the appeal it answers is suggested');
    assert.equal(await reply.getByRole('radio', { name: 'A new record' }).count(), 0, 'no new appeal');
    // Showing the reply in the text outlines its words on the page image too.
    assert.equal(await scan.locator('rect.ocr-selected').count(), 0);
    await reply.getByRole('button', { name: 'Show in the text' }).click();
    assert.ok((await scan.locator('rect.ocr-selected').count()) > 3, 'the reply’s words boxed on the image');
    assert.deepEqual(
      [...(await accessibilityProblems(page)), ...browser.problems.splice(0)],
      [],
      'review page',
    );

    await reply.getByRole('button', { name: 'Accept' }).click();
    await reply.locator('.badge.decision-accept').waitFor();
    await page.getByLabel(/^Apply the \d+ undecided items/).check();
    await page.getByRole('button', { name: 'Apply the draft' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));

    const appeals = page.locator('#appeals');
    const answered = appeals.locator(`[data-appeal="${appealId}"]`);
    assert.equal((await answered.locator('.badge').textContent())?.trim(), 'answered');
    const followUp = appeals.locator('tr[data-appeal]', { hasText: 'Новочеркасск' });
    await followUp.waitFor();
    // Awaiting its answer: overdue by now, since the invented letter is from 2024.
    assert.match((await followUp.locator('.badge').textContent()) ?? '', /^(sent|overdue)$/);
    assert.match((await followUp.locator('td.deadline').textContent()) ?? '', /2024/, 'its own deadline');

    const thumb = page.locator('#chronology .scan-thumb img');
    await thumb.first().waitFor();
    await page.waitForFunction(() => {
      type Img = { complete: boolean; naturalWidth: number };
      const doc = (globalThis as unknown as { document: { querySelector: (s: string) => Img | null } })
        .document;
      const img = doc.querySelector('#chronology .scan-thumb img');
      return img?.complete === true && img.naturalWidth > 0;
    });
    assert.deepEqual(
      [...(await accessibilityProblems(page)), ...browser.problems.splice(0)],
      [],
      'case page',
    );
  });
});
