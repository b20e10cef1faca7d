import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
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
import { buildCase, buildPlace } from '../testing/factories.js';

const REPORT =
  'Mobilized men held in a basement in Zaitseve\n\nRelatives say that 21 mobilized men who refused to fight are held in a basement ' +
  'in the village of Zaitseve in Luhansk region. Alexei Kashin, 34, is among them. The men get no food. ' +
  "Kashin's wife Elena Kashina wrote to the Investigative Committee and has had no reply.\n";

describe('the web application in Chromium', { skip: browserSkip }, () => {
  let db: { db: EngineDb; drop: () => Promise<void> };
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  let editor: TestAccount;
  const ids: Record<string, string> = {};
  const create = async (collection: Parameters<typeof createRecord>[0]['collection'], input: unknown) =>
    (await createRecord({ ctx, actor: { id: 'test:web' }, collection, input })).id;

  before(async () => {
    db = await createEngineDb('sqlite');
    ctx = db.db.app.ctx;
    web = await startWebServer(ctx);
    browser = await launchBrowser();
    editor = await seedAccount(ctx, 'editor');
    // A detention site with three persons held, in a case the editor may see.
    ids.case = await create(
      'cases',
      buildCase({ title: 'Held at the Svatove base', confidentiality: 'restricted' }),
    );
    ids.place = await create(
      'places',
      buildPlace({
        name: 'Svatove base',
        otherNames: [],
        lat: 49.41,
        lon: 38.16,
        kind: 'detention_facility',
      }),
    );
    const persons = [];
    for (const name of ['Ivan Petrenko', 'Pavel Sidorov', 'Oleg Markin'])
      persons.push(await create('persons', { names: [{ value: name }] }));
    for (const personId of persons)
      await create('involvements', { caseId: ids.case, personId, role: 'victim' });
    await create('acts', {
      caseId: ids.case,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: ids.place,
      victimIds: persons,
      dateFrom: '2024-02',
    });
    // One of them held there again later: all periods together still count three people.
    await create('acts', {
      caseId: ids.case,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: ids.place,
      victimIds: [persons[0]],
      dateFrom: '2024-04',
    });
    // A site where a report says men are held but not how many: its count is not known, not 0.
    const yard = await create(
      'places',
      buildPlace({
        name: 'Kreminna yard',
        otherNames: [],
        lat: 49.05,
        lon: 38.22,
        kind: 'detention_facility',
      }),
    );
    const uncounted = await create('person_groups', { description: 'mobilized men' });
    await create('acts', {
      caseId: ids.case,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: yard,
      victimGroupIds: [uncounted],
      dateFrom: '2024-02',
    });
    ids.kashina = await create('persons', { names: [{ value: 'Кашина Елена Викторовна' }] });
    await create('involvements', { caseId: ids.case, personId: ids.kashina, role: 'relative_of' });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
    await db?.drop();
  });

  /** A new page, signed in as the editor. */
  const signedIn = (): Promise<Page> => pageSignedInAs(browser, web.url, editor);

  test('a relative submits the intake form in Russian on a phone, and it appears in the inbox', async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${web.url}/report`);
      await page.getByRole('button', { name: 'Русский' }).click();
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      await page.getByLabel('ФИО задержанного').fill('Громов Сергей Андреевич');
      await page.getByLabel('Последнее известное место').fill('Зайцево, подвал');
      await page.getByLabel('Воинская часть').fill('в/ч 12345');
      await page.getByLabel('Что произошло').fill('Его держат в подвале с марта, угрожают расстрелом.');
      await page.getByLabel('Телефон').fill('+7 900 000-00-00');
      await page.getByLabel(/Я согласен/).check();
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      assert.ok(overflow <= 0, `the form fits a phone screen (overflow ${overflow}px)`);
      await page.getByRole('button', { name: 'Отправить' }).click();
      await page.getByText('Спасибо. Ваше сообщение получено.').waitFor();
      assert.deepEqual(phone.problems, []);
      assert.deepEqual(await accessibilityProblems(page), []);
    } finally {
      await phone.close();
    }
    const page = await signedIn();
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Громов Сергей Андреевич' }).waitFor();
    assert.ok(await page.getByText('в/ч 12345').isVisible());
    await page.close();
  });

  test('a case worker uploads a report, reviews it, applies it, and the case page shows the person with the quote', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Review' }).click();
    await page.getByLabel('Upload a file').check();
    await page
      .getByLabel('Report file')
      .setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) });
    await page.getByLabel('Published').fill('2024-03-01');
    await page.getByRole('button', { name: 'Store and extract' }).click();
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor({ timeout: 30_000 });
    // The person's highlight is in the text; choosing the item selects its span.
    const kashin = page.locator('article.item-card.kind-person', { hasText: 'Alexei Kashin' });
    await kashin.getByRole('button', { name: 'Show in the text' }).click();
    const itemId = await kashin.getAttribute('data-item');
    assert.equal(
      await page.locator(`mark.selected[data-items~="${itemId}"]`).first().textContent(),
      'Alexei Kashin',
    );
    // The source text scrolls on its own; the keyboard reaches it too.
    await page.locator('#text').focus();
    assert.equal(await page.locator('#text').evaluate((el) => el === el.ownerDocument.activeElement), true);
    await kashin.getByRole('button', { name: 'Accept' }).click();
    await page.locator(`article[data-item="${itemId}"].decision-accept`).waitFor();
    await page.getByLabel(/Apply the (\d+ )?undecided items? as Vigil suggests/).check();
    await page.getByRole('button', { name: 'Apply the draft' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.getByRole('heading', { name: 'Persons and roles' }).waitFor();
    assert.ok(await page.locator('#persons').getByRole('link', { name: 'Alexei Kashin' }).isVisible());
    assert.ok(
      await page.locator('#chronology .quote', { hasText: 'Alexei Kashin' }).first().isVisible(),
      'the quote from the source',
    );
    await page.close();
  });

  test('a report pasted a second time is not opened silently: the page says it was stored before and links its draft', async () => {
    const page = await signedIn();
    await page.goto(`${web.url}/review`);
    await page.getByLabel('Report text').fill(REPORT);
    await page.getByRole('button', { name: 'Store and extract' }).click();
    // The same text as the upload above: no new source, no new draft.
    await page.getByText('This report was stored before').waitFor();
    await page.getByRole('link', { name: 'Open its draft' }).click();
    await page.getByRole('heading', { name: 'Extracted items' }).waitFor();
    await page.close();
  });

  test('search finds Kashina when the record says Кашина', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search all records').fill('Kashina');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('#results-persons').getByRole('link', { name: 'Кашина Елена Викторовна' }).waitFor();
    assert.doesNotMatch(page.url(), /Kashina/i, 'the query stays out of the address bar');
    await page.close();
  });

  test("the map shows a site's marker with its count", async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Map' }).click();
    const marker = page.locator('.site-marker[title^="Svatove base"]');
    await marker.waitFor();
    assert.equal(await marker.textContent(), '3');
    const unknown = page.locator('.site-marker[title^="Kreminna yard"]');
    assert.equal(await unknown.textContent(), '?');
    assert.match(String(await unknown.getAttribute('title')), /^Kreminna yard: number held not known/);
    await page
      .locator('#sites tr', { hasText: 'Kreminna yard' })
      .locator('td.num', { hasText: 'not known' })
      .waitFor();
    // Over all periods the list also gives the site's count month by month.
    await page.locator('#sites .site-over-time', { hasText: 'February 2024 — 3 · April 2024 — 1' }).waitFor();
    await page.locator('path.base-region').first().waitFor({ state: 'attached' });
    // The period slider steps through time from "all periods": each month shows who was held then.
    await page.locator('#map-period').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('output[for="map-period"]', { hasText: 'February 2024' }).waitFor();
    await page.locator('.site-marker[title^="Svatove base"]', { hasText: /^3$/ }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator('output[for="map-period"]', { hasText: 'April 2024' }).waitFor();
    await page.locator('.site-marker[title^="Svatove base"]', { hasText: /^1$/ }).waitFor();
    await page.keyboard.press('Home');
    await page.locator('output[for="map-period"]', { hasText: 'All periods' }).waitFor();
    assert.equal(await marker.textContent(), '3', 'all periods count each person once');
    assert.deepEqual(await accessibilityProblems(page), []);
    // The site's cases are named by their titles, in the list and in the marker's popup.
    await page
      .locator('#sites tr', { has: page.getByRole('button', { name: 'Svatove base', exact: true }) })
      .getByRole('link', { name: 'Held at the Svatove base' })
      .waitFor();
    await marker.click();
    await page.locator('.leaflet-popup-content', { hasText: 'Held at the Svatove base' }).waitFor();
    // Closer in, the regions are named on the map itself.
    assert.equal(await page.locator('.region-label span', { hasText: 'Luhansk' }).isVisible(), false);
    // (A click while the popup's pan is still moving the map may be lost: the map is zoomed until it shows.)
    const label = page.locator('.region-label span', { hasText: 'Luhansk' });
    for (let clicks = 0; clicks < 3 && !(await label.isVisible()); clicks++) {
      await page.locator('.leaflet-control-zoom-in').click();
      await label.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    assert.ok(await label.isVisible(), 'the region is named once zoomed in');
    // Towns are named too, and no two names overlap: a lower-ranked one that would is left out.
    await page.locator('.town-label span').first().waitFor();
    const boxes = await page.locator('.region-label span, .town-label span').evaluateAll((spans) =>
      spans.map((s) => {
        const { left, right, top, bottom } = s.getBoundingClientRect();
        return { left, right, top, bottom };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        assert.ok(
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
          'two names on the map overlap',
        );
    // In Russian the map's names are Russian: the gazetteer's forms, not the English ones.
    await page.locator('.lang-switch button[lang="ru"]').click();
    await page.locator('.region-label span', { hasText: 'Луганская' }).waitFor();
    await page
      .locator('.town-label span', { hasText: /^[А-ЯЁа-яё’ -]+$/ })
      .first()
      .waitFor();
    assert.equal(await page.locator('.town-label span', { hasText: /[A-Za-z]/ }).count(), 0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.region-label span', { hasText: 'Luhansk' }).waitFor();
    await page.close();
  });

  test("the cases list shows the period of each case's detention acts", async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Cases' }).first().click();
    // The first detention began in February 2024 and none has ended.
    const row = page.locator('tbody tr', { hasText: 'Held at the Svatove base' });
    await row.waitFor();
    assert.equal((await row.locator('td').nth(3).textContent())?.trim(), 'February 2024 – ongoing');
    await page.locator('.lang-switch button[lang="ru"]').click();
    await row.locator('td', { hasText: 'по настоящее время' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await page.close();
  });

  test('an address with a malformed escape shows the not-found page, and the navigation works', async () => {
    const page = await signedIn();
    for (const path of ['/cases/%E0%A4%A', '/persons/%zz', '/%']) {
      const response = await page.goto(`${web.url}${path}`);
      assert.equal(response?.status(), 200, `${path} is answered with the application`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    }
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await page.close();
  });

  test('a page that fails to render says so and leaves the rest of the application usable', async () => {
    const page = await signedIn();
    // An answer the case page cannot draw (what a broken proxy or an older server might send).
    await page.route('**/api/cases/*/overview', (route) => route.fulfill({ json: { case: null } }));
    await page.goto(`${web.url}/cases/${ids.case}`);
    await page.getByRole('heading', { name: 'This page stopped working' }).waitFor();
    await page.unroute('**/api/cases/*/overview');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Held at the Svatove base' }).waitFor();
    await page.getByRole('link', { name: 'Map' }).click();
    await page.getByRole('heading', { name: 'Map' }).waitFor();
    browser.problems.length = 0;
    await page.close();
  });

  test('switching language changes the interface, and the choice is remembered', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: 'Сводка' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    await page.reload();
    await page.getByRole('heading', { name: 'Сводка' }).waitFor();
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { name: 'Зведення' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.close();
  });

  test('every page, in every language, loads with no console errors, no serious accessibility violations and no English in the Russian and Ukrainian interface', async () => {
    const page = await signedIn();
    const [draft] = (
      (await (await page.request.get(`${web.url}/api/drafts?limit=1`)).json()) as {
        items: Array<{ id: string }>;
      }
    ).items;
    const pages = [
      '/',
      '/review',
      `/review/${draft.id}`,
      '/cases',
      '/cases/new',
      `/cases/${ids.case}`,
      `/persons/${ids.kashina}`,
      '/search',
      '/map',
      '/inbox',
      '/data',
      '/data/import',
      '/about',
      '/public',
      '/report',
      '/no-such-page',
    ];
    browser.problems.length = 0;
    const found: string[] = [];
    for (const lang of ['en', 'ru', 'uk']) {
      await page.evaluate(`localStorage.setItem('vigil.lang', '${lang}')`);
      for (const path of pages) {
        await page.goto(`${web.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const p of await accessibilityProblems(page)) found.push(`${lang} ${path}: ${p}`);
        for (const p of browser.problems.splice(0)) found.push(`${lang} ${path}: ${p}`);
        if (lang !== 'en')
          for (const word of await interfaceEnglish(page)) found.push(`${lang} ${path}: English "${word}"`);
      }
    }
    assert.deepEqual(found, []);
    await page.close();
  });
});

/** Words the interface may show in Latin letters in any language: names of formats, tools, messengers and Vigil. */
const LATIN_NAMES = new Set([
  'Vigil',
  'CSV',
  'JSON',
  'GeoJSON',
  'API',
  'PDF',
  'DOCX',
  'XLSX',
  'HTML',
  'URL',
  'ID',
  'FollowTheMoney',
  'Uwazi',
  'Telegram',
  'Signal',
  'OpenAPI',
  'Natural',
  'Earth',
  'ZIP',
  'UTF',
]);

/**
 * English words in the interface's own text (navigation, section headings, labels, buttons,
 * table headers, legends) that a reader sees, leaving out what holds records' data: titles, names
 * in links and choices of records.
 */
async function interfaceEnglish(page: Page): Promise<string[]> {
  const texts = await page
    .locator('nav a, h2, label:not(.candidate), button:not(.link-button), th, legend')
    .evaluateAll((els) =>
      els
        .filter(
          (e) =>
            e.getClientRects().length > 0 &&
            !e.closest('.lang-switch, .leaflet-container, [aria-hidden="true"]'),
        )
        .map((e) => e.textContent ?? ''),
    );
  const words = texts.flatMap((t) => t.match(/[A-Za-z]{3,}/g) ?? []);
  return [...new Set(words.filter((w) => !LATIN_NAMES.has(w)))];
}
