import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AppContext } from '../app/context.js';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { createRecord } from '../app/records/record-creator.js';
import { placesNamed } from '../ingest/gazetteer.js';
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

describe('a draft place of a name several villages bear, in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  let draftId: string;
  const namesakes = placesNamed('Zaitseve').places;
  const recorded = namesakes.find((p) => p.admin1 === 'Dnipropetrovsk Oblast');

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
    assert.ok(recorded, 'the gazetteer has a Zaitseve in Dnipropetrovsk Oblast');
    const actor = { id: 'test:web' };
    await createRecord({
      ctx,
      actor,
      collection: 'places',
      input: { name: 'Зайцеве', kind: 'settlement', region: recorded.admin1, gazetteerId: recorded.id },
    });
    const { source } = await ingestSource({
      ctx,
      actor,
      bytes: Buffer.from('Twelve mobilized men who refused to fight are held in a basement in Zaitseve.'),
      hints: { published: '2024-03-01', language: 'en' },
    });
    await ctx.jobs.drain(draftJobHandler(ctx));
    draftId = String((await ingestRows.draftOfSource(ctx.store.handle.db, source.id))?.id);
  });

  test('the reviewer sees the village kept among its namesakes, and why', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.goto(`${web.url}/review/${draftId}`);
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor();
    const card = page.locator('article.item-card', { hasText: 'Namesakes' });
    await card
      .getByText(`${namesakes.length} places bear this name: the one kept is settled by context`)
      .waitFor();
    await card
      .getByText('(in Dnipropetrovsk Oblast, where a place of this name is already recorded)')
      .waitFor();
    assert.match(String(await card.textContent()), /Dnipropetrovsk Oblast/);
    assert.deepEqual([...(await accessibilityProblems(page)), ...browser.problems.splice(0)], []);
  });
});
