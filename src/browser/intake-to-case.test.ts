import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import type { TestAccount } from '../testing/auth.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  pageSignedInAs,
  useWebFixture,
  type WebServer,
} from '../testing/browser.js';
import { buildCase } from '../testing/factories.js';

describe('a relative’s report becomes a case in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  let existingCase: string;

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
    existingCase = (
      await createRecord({
        ctx,
        actor: { id: 'test:web' },
        collection: 'cases',
        input: buildCase({ title: 'Men held in the Zaitseve basement' }),
      })
    ).id;
  });

  /** Fills and sends the public form in a browser that holds the editor's session cookie. */
  const report = async (personName: string, whatHappened: string) => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/report`);
    await page.getByLabel('Full name of the detained person').fill(personName);
    await page.getByLabel('Military unit').fill('military unit 12345');
    await page.getByLabel('What happened').fill(whatHappened);
    await page.getByLabel('Your name').fill(`Relative of ${personName}`);
    await page.getByLabel('Phone').fill('+7 900 000-00-00');
    await page.getByLabel(/I agree/).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you. Your report has been received.').waitFor();
    await page.close();
  };

  /** Applies the open draft as suggested and opens its case page. */
  const applyAndOpen = async (page: Page) => {
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor();
    await page.getByLabel(/Apply the \d+ undecided items/).check();
    await page.getByRole('button', { name: 'Apply the draft' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('heading', { name: 'Persons and roles' }).waitFor();
  };

  test('a report sent while signed in becomes a draft of a new case with the reporter as relative', async () => {
    await pageSignedInAs(browser, web.url, editor).then((p) => p.close());
    await report(
      'Andrei Examplov',
      'Since October 3 he is held in a basement in Zaitseve with eleven other men.',
    );
    const page = await pageSignedInAs(browser, web.url, editor);
    await page.getByRole('link', { name: 'Inbox' }).click();
    const card = page.locator('article.submission', { hasText: 'Andrei Examplov' });
    await card.waitFor();
    assert.deepEqual(await accessibilityProblems(page), []);
    await card.getByRole('button', { name: 'Make draft' }).click();
    await page.waitForURL(/\/review\//);
    await applyAndOpen(page);
    const persons = page.locator('#persons');
    assert.ok(await persons.getByRole('link', { name: 'Andrei Examplov', exact: true }).isVisible());
    assert.ok(await persons.getByRole('link', { name: 'Relative of Andrei Examplov' }).isVisible());
    assert.doesNotMatch(await page.content(), /900 000/, 'the reporter’s phone stays off the case page');
    assert.deepEqual(browser.problems.splice(0), []);
    await page.close();
  });

  test('a report is attached to an existing case from the inbox', async () => {
    await report(
      'Pavel Examplov',
      'He was taken from the same unit and is held with the others in Zaitseve.',
    );
    const page = await pageSignedInAs(browser, web.url, editor);
    await page.getByRole('link', { name: 'Inbox' }).click();
    const card = page.locator('article.submission', { hasText: 'Pavel Examplov' });
    await card.getByRole('button', { name: 'Attach to case' }).click();
    await card.getByLabel('Case').selectOption({ label: 'Men held in the Zaitseve basement' });
    await card.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.waitForURL(/\/review\//);
    await applyAndOpen(page);
    assert.ok(page.url().endsWith(`/cases/${existingCase}`), page.url());
    assert.ok(
      await page.locator('#persons').getByRole('link', { name: 'Pavel Examplov', exact: true }).isVisible(),
    );
    // Handled reports leave the list of new ones.
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByText('No reports here.').waitFor();
    assert.deepEqual(browser.problems.splice(0), []);
    await page.close();
  });
});
