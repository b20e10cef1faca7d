import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AppContext } from '../app/context.js';
import { updateRecord } from '../app/records/record-updater.js';
import { createMapping } from '../app/table-import/saved-mappings.js';
import type { TableMapping } from '../domain/schemas/table-mapping.js';
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
import { buildCsv } from '../testing/table-files.js';
import { importRows } from '../testing/table-import.js';

// "Номер" is no header Vigil recognizes: the editor maps it to the list's id by hand.
const HEADERS = ['Номер', 'ФИО', 'Дата рождения', 'Воинская часть', 'Статус', 'Примечание'];
const V1 = [
  HEADERS,
  ['1', 'Громов Сергей Андреевич', '12.03.1991', 'в/ч 12345', 'задержан', 'жена на связи'],
  ['2', 'Зуев Кирилл Романович', '1979', 'в/ч 12345', 'мобилизован', ''],
  ['3', 'Мирошниченко Глеб Артурович', '14.11.1983', 'в/ч 54321', 'отказался', ''],
];
// Another list, imported before (as `vigil import-table` would), and its next version: Lisitsyn
// moved to another unit, Orlov released, Tkachenko as he was.
const OTHER_V1 = [
  HEADERS,
  ['1', 'Орлов Денис Ильич', '02.02.1990', 'в/ч 12345', 'задержан', ''],
  ['2', 'Лисицын Павел Олегович', '1988', 'в/ч 12345', 'мобилизован', ''],
  ['3', 'Ткаченко Олег Иванович', '05.07.1995', 'в/ч 54321', 'отказался', ''],
];
const OTHER_V2 = [
  HEADERS,
  ['1', 'Орлов Денис Ильич', '02.02.1990', 'в/ч 12345', 'освобожден', ''],
  ['2', 'Лисицын Павел Олегович', '1988', 'в/ч 777', 'мобилизован', ''],
  ['3', 'Ткаченко Олег Иванович', '05.07.1995', 'в/ч 54321', 'отказался', ''],
];
const OTHER_MAPPING: TableMapping = {
  system: 'список отказников',
  columns: {
    externalId: 'Номер',
    fullName: 'ФИО',
    birthDate: 'Дата рождения',
    unit: 'Воинская часть',
    status: 'Статус',
  },
};

describe('table import in Chromium', { skip: browserSkip }, () => {
  let db: { db: EngineDb; drop: () => Promise<void> };
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  let viewer: TestAccount;

  before(async () => {
    db = await createEngineDb('sqlite');
    ctx = db.db.app.ctx;
    web = await startWebServer(ctx);
    browser = await launchBrowser();
    editor = await seedAccount(ctx, 'editor');
    viewer = await seedAccount(ctx, 'viewer');
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
  const upload = async (page: Page, name: string, rows: string[][]) => {
    await page
      .getByLabel('Table file (CSV or .xlsx)')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: buildCsv(rows, { delimiter: ';' }) });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
  };
  /** Stored persons one of whose names holds this text. */
  const named = async (text: string) =>
    (await ctx.store.list('persons', { limit: 500 })).filter((p) => JSON.stringify(p.names).includes(text));

  test('an editor uploads a list, maps a column, sees the dry run, imports, and opens an imported man', async () => {
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('link', { name: 'Import a CSV or Excel list' }).click();
    await page.getByRole('heading', { name: 'Choose the file' }).waitFor();
    await axe(page, 'upload step');
    await upload(page, 'горячая линия.csv', V1);

    // How the file was read, and its first rows.
    const facts = page.locator('.file-facts');
    assert.match((await facts.textContent()) ?? '', /Delimiter\s*semicolon/);
    assert.match((await facts.textContent()) ?? '', /Encoding\s*UTF-8/);
    assert.match((await facts.textContent()) ?? '', /Rows\s*3/);
    await page.getByRole('cell', { name: 'Зуев Кирилл Романович' }).waitFor();
    // The suggestion is filled in; the unknown header is left for the editor.
    assert.equal(await page.getByLabel('Full name').inputValue(), '1');
    assert.equal(await page.getByLabel('Military unit').inputValue(), '3');
    assert.equal(await page.getByLabel('Id in the list').inputValue(), '');
    await page.getByLabel('Id in the list').selectOption({ label: 'Номер — 1' });
    assert.equal(await page.getByLabel('Name of the list').inputValue(), 'горячая линия');
    // A column read twice is said before anything is sent.
    await page.getByLabel('Rank').selectOption({ label: 'Номер — 1' });
    await page.getByText('column Номер is already chosen for another field.').waitFor();
    await page.getByLabel('Rank').selectOption({ label: '— not imported —' });
    await axe(page, 'mapping step');
    await page.getByLabel('Save this mapping as').fill('Горячая линия');
    await page.getByRole('button', { name: 'Save the mapping' }).click();
    await page.getByText('Saved as Горячая линия.').waitFor();

    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Check the dry run' }).waitFor();
    assert.deepEqual(await named('Громов'), [], 'a dry run writes nothing');
    await page.getByRole('button', { name: 'created 3' }).waitFor();
    assert.equal(await page.locator('.report-row.outcome-created').count(), 3);
    const gromov = page.locator('.report-row', { hasText: 'Громов Сергей Андреевич' });
    assert.match((await gromov.textContent()) ?? '', /unit\s*в\/ч 12345/);
    await page.getByText('New persons: 3; updated: 0.').waitFor();
    await axe(page, 'dry run report');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported', exact: true }).waitFor();
    await page.getByText('Imported: 3 new, 0 updated.').waitFor();
    assert.equal((await named('Громов')).length, 1);
    await page.getByRole('link', { name: 'Open the list as a source' }).waitFor();
    await axe(page, 'result');
    await page.getByRole('link', { name: 'Громов Сергей Андреевич' }).click();
    await page.getByRole('heading', { name: 'Громов Сергей Андреевич' }).waitFor();
    assert.match((await page.locator('#status').textContent()) ?? '', /detained/);
    await page.close();
  });

  test('the next version, read with the saved mapping, updates the same men and shows each change; a change meanwhile is explained', async () => {
    await importRows(ctx, OTHER_V1, { mapping: OTHER_MAPPING });
    await createMapping({ ctx, actor: { id: 'test:web' }, name: 'Отказники', mapping: OTHER_MAPPING });
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.goto(`${web.url}/data/import`);
    await upload(page, 'список v2.csv', OTHER_V2);
    assert.equal(await page.getByLabel('Name of the list').inputValue(), 'список v2');
    await page.getByLabel('Saved mapping').selectOption({ label: 'Отказники' });
    await page.getByRole('button', { name: 'Load' }).click();
    await page.getByText('Loaded the mapping Отказники.').waitFor();
    assert.equal(await page.getByLabel('Name of the list').inputValue(), 'список отказников');
    assert.equal(await page.getByLabel('Id in the list').inputValue(), '0');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'updated 2' }).waitFor();
    await page.getByRole('button', { name: 'unchanged 1' }).waitFor();
    await page.getByRole('button', { name: 'updated 2' }).click();
    await page.getByText('Rows 1–2 of 2').waitFor();
    const lisitsyn = page.locator('.report-row', { hasText: 'Лисицын Павел Олегович' });
    const unit = lisitsyn.locator('table.changes tr', {
      has: page.getByRole('rowheader', { name: 'unit', exact: true }),
    });
    assert.equal((await unit.locator('td.before').textContent()) ?? '', 'в/ч 12345');
    assert.equal((await unit.locator('td.after').textContent()) ?? '', 'в/ч 777');
    assert.match((await lisitsyn.textContent()) ?? '', /matched by the list's id/);
    assert.equal(await page.locator('.report-row', { hasText: 'Ткаченко' }).count(), 0, 'filtered out');

    // Someone edits Lisitsyn between the dry run and the import: nothing is written, and the user is told why.
    const [stored] = await named('Лисицын');
    await updateRecord({
      ctx,
      actor: { id: 'test:colleague' },
      collection: 'persons',
      id: stored.id,
      patch: { version: stored.version, rank: 'рядовой' },
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The data changed since the dry run' }).waitFor();
    assert.deepEqual(browser.problems.splice(0), [], 'the refused job is told on the page, not as an error');
    await axe(page, 'changed since the dry run');
    await page.getByRole('button', { name: 'Run the dry run again' }).click();
    await page.getByRole('button', { name: 'updated 2' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 0 new, 2 updated.').waitFor();
    for (const name of ['Орлов', 'Лисицын', 'Ткаченко'])
      assert.equal((await named(name)).length, 1, `${name} is stored once`);
    await page.getByRole('link', { name: 'Лисицын Павел Олегович' }).click();
    await page.getByRole('heading', { name: 'Лисицын Павел Олегович' }).waitFor();
    assert.match((await page.locator('#details').textContent()) ?? '', /в\/ч 777/);
    await page.close();
  });

  test("a long list's report pages past the rows at hand and filters by outcome through the server", async () => {
    // 620 rows, every hundredth with an impossible date: more rows than one answer of the dry run holds.
    const rows = [HEADERS];
    for (let i = 1; i <= 620; i++)
      rows.push([
        `L${i}`,
        `Длиннов${i} Иван Петрович`,
        i % 100 === 0 ? '31.02.1990' : `${1950 + (i % 50)}`,
        '',
        '',
        '',
      ]);
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    await page.goto(`${web.url}/data/import`);
    await upload(page, 'длинный список.csv', rows);
    await page.getByLabel('Id in the list').selectOption({ label: 'Номер — L1' });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'created 614' }).waitFor();
    await page.getByText('Rows 1–50 of 620').waitFor();
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Next rows' }).click();
    await page.getByText('Rows 501–550 of 620').waitFor();
    await page.locator('.report-row', { hasText: 'Row 502 ' }).waitFor();
    assert.equal(await page.locator('.report-row').count(), 50);
    await page.getByRole('button', { name: 'invalid 6' }).click();
    await page.getByText('Rows 1–6 of 6').waitFor();
    assert.deepEqual(await page.locator('.report-row .row-number').allTextContents(), [
      'Row 101',
      'Row 201',
      'Row 301',
      'Row 401',
      'Row 501',
      'Row 601',
    ]);
    assert.equal(await page.locator('.report-row.outcome-invalid').count(), 6);
    await axe(page, 'a filtered window of a long report');
    await page.close();
  });

  test('the import runs as a job with a progress bar that a reload finds again, can be cancelled, and pages its stored report', async () => {
    const rows = [HEADERS];
    for (let i = 1; i <= 120; i++)
      rows.push([`J${i}`, `Работов${i} Иван Петрович`, `${1950 + (i % 50)}`, '', '', '']);
    const page = await pageSignedInAs(browser, web.url, editor);
    browser.problems.length = 0;
    const dryRun = async (name: string, list: string[][]) => {
      await page.goto(`${web.url}/data/import`);
      await upload(page, name, list);
      await page.getByLabel('Id in the list').selectOption({ label: `Номер — ${list[1][0]}` });
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByRole('button', { name: `created ${list.length - 1}` }).waitFor();
    };
    // While no runner takes it, the job waits at 0%: the bar and its figures show, and a reload keeps them.
    await web.imports.stop();
    await dryRun('работа.csv', rows);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Importing' });
    await bar.waitFor();
    assert.equal(await bar.getAttribute('value'), '0');
    await page.getByText('0% — checking 0 of 0 rows, 0 rows/s.').waitFor();
    assert.match(page.url(), /\?job=[0-9A-Z]{26}$/);
    await axe(page, 'import job waiting');
    await page.reload();
    await page.getByRole('heading', { name: 'Import in progress' }).waitFor();
    await bar.waitFor();
    web.imports.start();
    await page.getByText('Imported: 120 new, 0 updated.').waitFor();
    assert.equal((await named('Работов')).length, 120);
    // The report comes a window at a time from what the job stored.
    await page.getByText('Rows 1–50 of 120').waitFor();
    await page.getByRole('button', { name: 'Next rows' }).click();
    await page.getByText('Rows 51–100 of 120').waitFor();
    await page.locator('.report-row', { hasText: 'Работов51 Иван Петрович' }).waitFor();
    await axe(page, 'import job done');

    // Cancelled before a runner took it, the import writes nothing and says so.
    await web.imports.stop();
    await dryRun('отмена.csv', [
      HEADERS,
      ['K1', 'Отменов Кузьма Фролович', '1931', '', '', ''],
      ['K2', 'Снятов Ерофей Лукич', '1932', '', '', ''],
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel the import' }).click();
    await page.getByText('The import was cancelled before it wrote anything.').waitFor();
    web.imports.start();
    assert.deepEqual([...(await named('Отменов')), ...(await named('Снятов'))], []);
    assert.deepEqual(browser.problems.splice(0), []);
    await page.close();
  });

  test('a viewer is offered no import, and the import page says why', async () => {
    const page = await pageSignedInAs(browser, web.url, viewer);
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Import a CSV or Excel list' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Import a table' }).count(), 0);
    await page.goto(`${web.url}/data/import`);
    await page.getByText('Your role does not import tables.').waitFor();
    assert.equal(await page.getByLabel('Table file (CSV or .xlsx)').count(), 0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.close();
  });
});
