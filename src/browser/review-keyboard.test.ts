import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AppContext } from '../app/context.js';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
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

/** A long report: a dozen named men, their unit, two places, appeals — a draft of twenty items and more. */
const LONG_REPORT = [
  'Mobilized men held in a basement in Zaitseve and at a training ground near Svatove',
  '',
  'Relatives say that 21 mobilized men who refused to fight have been held since October 2 in a basement in the',
  'village of Zaitseve in Luhansk region by the command of the 3rd Battalion. Among them are Alexei Kashin,',
  'Ivan Petrov, Pavel Sidorov, Oleg Markin, Dmitry Orlov, Sergei Volkov, Andrei Zhukov, Maxim Gusev,',
  'Nikolai Sedov, Roman Belov, Yuri Frolov and Viktor Lebedev. The men get no food and are beaten.',
  'Another group of 15 men is held at a training ground near Svatove.',
  "Kashin's wife Elena Kashina wrote to the Investigative Committee and to the Main Military Prosecutor's Office",
  'and has had no reply. Their lawyer Maria Sokolova said the commander threatened to shoot them.',
].join('\n');

describe('reviewing a long draft by keyboard alone, in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  let draftId: string;

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
    const { source } = await ingestSource({
      ctx,
      actor: { id: 'test:web' },
      bytes: Buffer.from(LONG_REPORT),
      hints: { outlet: 'Example Herald', published: '2024-03-01', language: 'en' },
    });
    await ctx.jobs.drain(draftJobHandler(ctx));
    draftId = String((await ingestRows.draftOfSource(ctx.store.handle.db, source.id))?.id);
  });

  test('j/k move between items, a and r decide and move on, and Enter applies: no mouse', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    await page.goto(`${web.url}/review/${draftId}`);
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor();
    const cards = page.locator('article.item-card');
    const total = await cards.count();
    assert.ok(total >= 20, `the draft has ${total} items`);
    assert.deepEqual(await accessibilityProblems(page), []);
    const pending = page.locator('article.item-card.decision-pending');
    // j selects the first item (the case), k cannot go before it, j moves on to the second.
    const selected = page.locator('article.item-card.selected');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    assert.equal(await selected.getAttribute('data-item'), await cards.first().getAttribute('data-item'));
    await page.keyboard.press('j');
    assert.equal(await selected.getAttribute('data-item'), await cards.nth(1).getAttribute('data-item'));
    // Keys act on the selected item: each waits until the saved decision has moved the selection on
    // to an undecided item and the apply button is enabled again (it is disabled while saving).
    const ready = page.locator('#apply-draft:not([disabled])');
    const next = page.locator('article.item-card.selected.decision-pending');
    // Reject the second item, then accept each one the keyboard moves on to.
    await page.keyboard.press('r');
    await page.locator('article.item-card.decision-reject').first().waitFor();
    for (let left = await pending.count(); left > 0; left--) {
      await ready.waitFor();
      await next.waitFor();
      await page.keyboard.press('a');
      // One fewer undecided card: the last of them is gone.
      await pending.nth(left - 1).waitFor({ state: 'detached' });
    }
    assert.equal(await page.locator('article.item-card.decision-accept').count(), total - 1);
    // With nothing left undecided the keyboard is on the apply button.
    await page.locator('#apply-draft:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Open the case' }).waitFor();
    assert.deepEqual(browser.problems, []);
    await page.close();
  });
});
