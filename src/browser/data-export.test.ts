import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import { readCsv } from '../app/transfer/csv/csv-reader.js';
import type { CollectionName } from '../domain/collections.js';
import { seedAccount, type TestAccount } from '../testing/auth.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  launchBrowser,
  pageSignedInAs,
  startWebServer,
  type WebServer,
} from '../testing/browser.js';
import { createEngineDb, type EngineDb } from '../testing/engines.js';
import { unzipText } from '../testing/export-output.js';
import { buildCase, buildPlace } from '../testing/factories.js';

describe('exports in Chromium', { skip: browserSkip }, () => {
  let db: { db: EngineDb; drop: () => Promise<void> };
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx, actor: { id: 'test:web' }, collection, input })).id;

  before(async () => {
    db = await createEngineDb('sqlite');
    ctx = db.db.app.ctx;
    web = await startWebServer(ctx);
    browser = await launchBrowser();
    editor = await seedAccount(ctx, 'editor');
    // Two brothers held in different regions, and a woman the search for them does not find.
    const held = await create('cases', buildCase({ title: 'Two brothers held apart' }));
    const luhansk = await create(
      'places',
      buildPlace({ name: 'Svatove base', otherNames: [], region: 'Luhansk Oblast' }),
    );
    const kharkiv = await create(
      'places',
      buildPlace({ name: 'Kupiansk yard', otherNames: [], region: 'Kharkiv Oblast' }),
    );
    const ivan = await create('persons', { names: [{ value: 'Ivan Marchenko' }] });
    const petro = await create('persons', { names: [{ value: 'Petro Marchenko' }] });
    await create('persons', { names: [{ value: 'Кашина Елена Викторовна' }] });
    await create('acts', {
      caseId: held,
      type: 'beating',
      status: 'alleged',
      placeId: luhansk,
      victimIds: [ivan],
    });
    await create('acts', {
      caseId: held,
      type: 'torture',
      status: 'alleged',
      placeId: kharkiv,
      victimIds: [petro],
    });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
    await db?.drop();
  });

  const axe = async (page: Page, where: string) => {
    const problems = [...(await accessibilityProblems(page)), ...browser.problems.splice(0)];
    assert.deepEqual(problems, [], where);
  };
  /** Clicks the download button and returns the file the browser saved. */
  const downloaded = async (page: Page): Promise<{ file: Download; bytes: Buffer }> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the export' }).click(),
    ]);
    return { file, bytes: readFileSync(await file.path()) };
  };

  test('search results narrowed by a region are exported as FollowTheMoney: only the man found, the query never in a URL', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search all records').fill('Marchenko');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.locator('#results-persons');
    await results.getByRole('link', { name: 'Petro Marchenko' }).waitFor();
    await page.getByRole('checkbox', { name: /Kharkiv Oblast/ }).check();
    await results.getByRole('link', { name: 'Ivan Marchenko' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Export these results' }).click();

    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
    assert.equal(await page.getByLabel('Search words').inputValue(), 'Marchenko');
    const carried = page.locator('.export-facets');
    assert.match((await carried.textContent()) ?? '', /Region: Kharkiv Oblast/);
    // The export format, not the FollowTheMoney import form further down the Data page.
    await page.getByRole('radio', { name: /^FollowTheMoney/ }).check();
    await axe(page, 'export form from the search');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/exports'));
    const { file, bytes } = await downloaded(page);
    assert.equal(file.suggestedFilename(), 'vigil-export.ftm.json');
    const body = JSON.parse((await request).postData() ?? '{}');
    assert.deepEqual(body, { format: 'ftm', filters: { q: 'Marchenko', region: ['Kharkiv Oblast'] } });
    const entities = bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string; properties: Record<string, string[]> });
    assert.deepEqual(
      entities.filter((e) => e.schema === 'Person').map((e) => e.properties.name),
      [['Petro Marchenko']],
    );
    assert.ok(
      entities.some((e) => e.schema === 'Note'),
      'the attribution travels with the entities',
    );
    await page.getByRole('status').filter({ hasText: 'Saved as vigil-export.ftm.json.' }).waitFor();
    assert.deepEqual(
      urls.filter((u) => /marchenko|kharkiv/i.test(decodeURIComponent(u)) && !u.includes('/api/search')),
      [],
      'no address but the search API’s own carries the query',
    );
    await page.close();
  });

  test('a zip of CSV files holds the chosen record type, narrowed by the search words typed into the form', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByLabel('Zip of CSV files').check();
    await page.getByLabel('Search words').fill('Marchenko');
    await page.getByRole('group', { name: 'Record types' }).getByLabel('Persons').check();
    const { file, bytes } = await downloaded(page);
    assert.equal(file.suggestedFilename(), 'vigil-export.zip');
    const files = unzipText(bytes);
    assert.deepEqual(Object.keys(files).sort(), ['README.txt', 'persons.csv']);
    const persons = readCsv(files['persons.csv']);
    const names = persons.header.indexOf('names');
    assert.deepEqual(persons.rows.map((r) => r[names]).sort(), ['Ivan Marchenko', 'Petro Marchenko']);
    // Dates the export cannot read are said before anything is asked of the server.
    await page.getByLabel('From', { exact: true }).fill('last spring');
    await page.getByRole('button', { name: 'Download the export' }).click();
    await page.getByRole('alert').filter({ hasText: 'A year, a month or a day' }).waitFor();
    await page.close();
  });
});
