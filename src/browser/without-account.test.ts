import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import type { CollectionName } from '../domain/collections.js';
import {
  accessibilityProblems,
  type BrowserSession,
  browserSkip,
  useWebFixture,
  type WebServer,
} from '../testing/browser.js';
import { buildCase, buildPlace } from '../testing/factories.js';

const NAMES = ['Иван Марченко', 'Пётр Орлов', 'Олег Седов', 'Андрей Жуков', 'Максим Гусев', 'Ilya Kaminsky'];

describe('pages for people without an account, in Chromium', { skip: browserSkip }, () => {
  const fixture = useWebFixture();
  let ctx: AppContext;
  let web: WebServer;
  let browser: BrowserSession;
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx, actor: { id: 'test:web' }, collection, input })).id;

  before(async () => {
    ({ ctx, web, browser } = fixture());
    // Six men held at one site in a public case; one more in a confidential case elsewhere.
    const published = await create(
      'cases',
      buildCase({ title: 'Held at the depot', confidentiality: 'public' }),
    );
    const depot = await create(
      'places',
      buildPlace({ name: 'Depot of Brianka', otherNames: [], lat: 48.51, lon: 38.65, precision: 'exact' }),
    );
    const victims = [];
    for (const name of NAMES.slice(0, 5)) victims.push(await create('persons', { names: [{ value: name }] }));
    await create('acts', {
      caseId: published,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: depot,
      victimIds: victims,
      dateFrom: '2023-03',
    });
    // A village of the gazetteer, named in each interface language.
    const village = await create(
      'places',
      buildPlace({ name: 'Брянка', otherNames: [], gazetteerId: 'geonames:711369', lat: 48.5, lon: 38.6 }),
    );
    const villagers = [];
    for (const name of NAMES.slice(0, 5))
      villagers.push(await create('persons', { names: [{ value: `${name} 2` }] }));
    await create('acts', {
      caseId: published,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: village,
      victimIds: villagers,
      dateFrom: '2023-03',
    });
    const secret = await create('cases', buildCase({ title: 'Kept quiet', confidentiality: 'confidential' }));
    const cellar = await create(
      'places',
      buildPlace({ name: 'Secret cellar', otherNames: [], lat: 48, lon: 38 }),
    );
    await create('acts', {
      caseId: secret,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: cellar,
      victimIds: [await create('persons', { names: [{ value: NAMES[5] }] })],
    });
  });

  test('shows without an account the sites of public cases with their counts, and no name of a person', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/public`);
    const row = page.locator('#sites tbody tr', { hasText: 'Depot of Brianka' });
    await row.waitFor();
    assert.equal((await row.locator('td.num').textContent())?.trim(), '5');
    // The period slider stands at the month the counts come from; there is no "all periods" stop,
    // as the public export has no count over all periods.
    await page.locator('output[for="public-period"]', { hasText: 'March 2023' }).waitFor();
    assert.equal(await page.locator('#public-period').getAttribute('max'), '0');
    const text = (await page.locator('body').textContent()) ?? '';
    for (const name of NAMES) assert.equal(text.includes(name), false, `the page names ${name}`);
    assert.equal(text.includes('Secret cellar'), false, 'the page shows a site of a confidential case');
    assert.equal(await page.locator('.site-marker').count(), 2, 'the map shows the two public sites');
    await page.locator('#sites').getByRole('cell', { name: 'Brianka', exact: true }).waitFor();
    assert.equal(await page.locator('a[href="/api/public/sites.csv"]').count(), 1);
    assert.deepEqual(await accessibilityProblems(page), []);
    const csv = await page.evaluate(async () => (await fetch('/api/public/sites.csv')).text());
    assert.match(csv, /Depot of Brianka/);
    await page.locator('.lang-switch button[lang="ru"]').click();
    await page.locator('h1', { hasText: 'Открытые данные' }).waitFor();
    // The map's own controls speak the interface language too.
    await page.locator('.leaflet-control-zoom-in[title="Приблизить"]').waitFor();
    // Places and regions in the interface language: the gazetteer's and the base map's names.
    const village = page.locator('#sites tbody tr').filter({
      has: page.getByRole('cell', { name: 'Брянка', exact: true }),
    });
    await village.waitFor();
    assert.equal((await village.locator('td').nth(1).textContent())?.trim(), 'Луганская область');
    assert.deepEqual(await accessibilityProblems(page), []);
    assert.deepEqual(browser.problems, []);
    await page.close();
  });

  test('a wrong password says so, in the interface language, not that a session ended', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/`);
    await page.locator('.lang-switch button[lang="ru"]').click();
    await page.locator('#username').fill('nobody');
    await page.locator('#password').fill('not the password');
    await page.locator('form button[type="submit"]').click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    assert.equal((await alert.textContent())?.trim(), 'Неверное имя пользователя или пароль.');
    await page.close();
  });
});
