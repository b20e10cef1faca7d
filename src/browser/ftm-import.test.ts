import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../app/context.js';
import type { TestAccount } from '../testing/auth.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  pageSignedInAs,
  useWebFixture,
  type WebServer,
} from '../testing/browser.js';

// Written with the reference Python library and accepted by its validator (see its README).
const fixtureFile = readFileSync(
  fileURLToPath(new URL('../../../shared/fixtures/ftm/reference-built.ftm', import.meta.url)),
);

describe('FollowTheMoney import in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;

  before(async () => {
    ({ ctx, web, browser, editor } = fixture());
  });

  test('an editor dry-runs an FtM file, reads what each entity would lose and why, then applies it', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { name: 'Import FollowTheMoney entities' }).waitFor();
    const fileInput = page.getByLabel('FollowTheMoney file (.ftm, JSON lines)');
    // A line that is no entity refuses the file with the server's reason; nothing is stored.
    await fileInput.setInputFiles({
      name: 'broken.ftm',
      mimeType: 'application/json',
      buffer: Buffer.from('{"id": "x"\n'),
    });
    await page.getByRole('button', { name: 'Check first (dry run)' }).click();
    await page.getByText('line 1 is not a FollowTheMoney entity').waitFor();
    // Chromium logs the expected 400 to the console.
    browser.problems.length = 0;

    await fileInput.setInputFiles({
      name: 'reference.ftm',
      mimeType: 'application/json',
      buffer: fixtureFile,
    });
    await page.getByLabel('Dataset').fill('hotline');
    await page.getByRole('button', { name: 'Check first (dry run)' }).click();
    const report = page.getByTestId('ftm-report');
    await report
      .getByText(/^Dry run, nothing stored\. Dataset "hotline": \d+ records would be created/)
      .waitFor();
    const sanction = report.locator('tr[data-entity="san-1"]');
    assert.match(String(await sanction.textContent()), /skipped\s*Vigil has no record for a Sanction/);
    assert.match(
      String(await report.locator('tr[data-entity="p-1"]').textContent()),
      /left out idNumber: Vigil keeps no identity numbers/,
    );
    assert.deepEqual(await ctx.store.list('persons', { limit: 10 }), [], 'a dry run stores nothing');
    assert.deepEqual([...(await accessibilityProblems(page)), ...browser.problems.splice(0)], []);

    await page.getByRole('button', { name: 'Apply the import' }).click();
    await report.getByText(/^Imported into dataset "hotline": \d+ records created/).waitFor();
    const persons = await ctx.store.list('persons', { limit: 10 });
    assert.equal(persons.length, 3);
    assert.ok(
      persons.some((p) =>
        (p.names as Array<{ value: string }>).some((n) => n.value === 'Иванов Пётр Сергеевич'),
      ),
    );
    // Applying again is an update of the same records: nothing is created twice.
    await page.getByRole('button', { name: 'Check first (dry run)' }).click();
    await report
      .getByText('Dry run, nothing stored. Dataset "hotline": 0 records would be created', { exact: false })
      .waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
