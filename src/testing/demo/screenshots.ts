// `npm run screenshots`: PNGs of the main pages in English and Russian, from a throwaway database
// seeded with invented example records (src/testing/demo/demo-data.ts), into ./screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from '../../app/open-app.js';
import { seedAccount } from '../auth.js';
import { browserAvailable, CHROMIUM, launchBrowser, signInThroughForm, startWebServer } from '../browser.js';
import { TEST_KEY, TEST_SETTINGS } from '../keys.js';
import { buildCsv } from '../table-files.js';
import { seedDemo } from './demo-data.js';
import { DEMO_LIST_V2, seedDemoImport } from './demo-list.js';

/**
 * Acts on the map until it is written at `zoom` or closer. Leaflet drops a zoom asked for while it
 * still animates the last one, so an act that changed nothing is repeated.
 */
async function zoomTo(page: Page, zoom: number, act: () => Promise<void>): Promise<void> {
  const zoomOf = async () => Number(await page.locator('.site-map').getAttribute('data-labels-zoom'));
  for (let tries = 0; tries < 8 && (await zoomOf()) < zoom; tries++) {
    const before = await zoomOf();
    await act();
    await page
      .locator(`.site-map:not([data-labels-zoom="${before}"])`)
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
  }
  if ((await zoomOf()) < zoom) throw new Error(`the map did not zoom to ${zoom}`);
}

async function main(): Promise<number> {
  if (!browserAvailable) {
    process.stderr.write(`screenshots: Chromium not found at ${CHROMIUM} (apt-get install chromium)\n`);
    return 1;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vigil-demo-'));
  const app = await openApp(join(dir, 'demo.db'), { key: TEST_KEY, settings: TEST_SETTINGS });
  const out = join(process.cwd(), 'screenshots');
  mkdirSync(out, { recursive: true });
  try {
    const ids = await seedDemo(app.ctx);
    await seedDemoImport(app.ctx);
    const editor = await seedAccount(app.ctx, 'editor', 'demo-editor');
    const web = await startWebServer(app.ctx);
    const pages: Array<[string, string]> = [
      ['dashboard', '/'],
      ['review', `/review/${ids.draftId}`],
      ['case', `/cases/${ids.caseId}`],
      ['person', `/persons/${ids.personId}`],
      ['map', '/map'],
      ['inbox', '/inbox'],
      ['data', '/data'],
      ['public', '/public'],
    ];
    for (const lang of ['en', 'ru'] as const) {
      const browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
      const page = await browser.context.newPage();
      await page.goto(`${web.url}/`);
      await page.evaluate(`localStorage.setItem('vigil.lang', '${lang}')`);
      await page.reload();
      await signInThroughForm(page, editor.user.username, editor.password);
      for (const [name, path] of pages) {
        await page.goto(`${web.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(out, `${name}-${lang}.png`), fullPage: name !== 'map' });
      }
      // The map closer in, on the demo site: region and town names readable beside its marker.
      await page.goto(`${web.url}/map`);
      await page.locator('.site-marker').first().waitFor();
      await zoomTo(page, 7, () => page.locator('#sites .link-button').first().click());
      await page.locator('.leaflet-popup-content').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `map-labels-${lang}.png`) });
      // The public page zoomed in to where towns of 50,000 are named.
      await page.goto(`${web.url}/public`);
      await page.locator('.site-marker').first().waitFor();
      await zoomTo(page, 7, () => page.locator('.leaflet-control-zoom-in').click());
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `public-labels-${lang}.png`), fullPage: true });
      await page.goto(`${web.url}/search`);
      await page.locator('#search-q').fill('Kashina');
      await page.locator('form[role="search"] button').click();
      await page.locator('.results section').first().waitFor();
      await page.screenshot({ path: join(out, `search-${lang}.png`), fullPage: true });
      // Browsing by facets alone: no words, one act type chosen.
      await page.locator('#search-q').fill('');
      await page.locator('form[role="search"] button').click();
      await page.locator('.facet-group input[type="checkbox"]').first().waitFor();
      await page.locator('.facet-group').nth(2).locator('input[type="checkbox"]').first().check();
      await page.locator('.results section').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `search-facets-${lang}.png`), fullPage: true });
      // Case work: a new case, the case page's edit form and an appeal opened for its next step.
      await page.goto(`${web.url}/cases/new`);
      await page.locator('#case-title').waitFor();
      await page.screenshot({ path: join(out, `case-new-${lang}.png`), fullPage: true });
      await page.goto(`${web.url}/cases/${ids.caseId}`);
      await page.locator('.page-actions button').click();
      await page.locator('#case-summary').waitFor();
      await page.locator('#appeals tbody tr button').first().click();
      await page.locator('.appeal-actions .advice').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `case-edit-${lang}.png`), fullPage: true });
      // Table import: the list's next version read with the saved mapping, one column mapped on
      // screen, then the dry run's report.
      await page.goto(`${web.url}/data/import`);
      await page.locator('#import-file').setInputFiles({
        name: 'горячая линия (пример) v2.csv',
        mimeType: 'text/csv',
        buffer: buildCsv(DEMO_LIST_V2, { delimiter: ';' }),
      });
      await page.locator('form button.primary').click();
      await page.locator('#saved-mapping').waitFor();
      await page.locator('#saved-mapping').selectOption({ label: 'Горячая линия (пример)' });
      await page.locator('.saved-mappings button').first().click();
      await page
        .locator('#map-detentionPlace')
        .selectOption({ label: 'Где держат — Svatove training ground' });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `import-mapping-${lang}.png`), fullPage: true });
      await page.locator('form[novalidate] button.primary').click();
      await page.locator('.report-rows').waitFor();
      await page.screenshot({ path: join(out, `import-report-${lang}.png`), fullPage: true });
      await browser.close();
      const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
      const form = await phone.context.newPage();
      await form.goto(`${web.url}/report`);
      await form.evaluate(`localStorage.setItem('vigil.lang', '${lang}')`);
      await form.reload();
      await form.locator('main h1').waitFor();
      await form.screenshot({ path: join(out, `intake-phone-${lang}.png`), fullPage: true });
      await phone.close();
    }
    await web.close();
    process.stdout.write(`screenshots written to ${out}\n`);
    return 0;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
