import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { AppContext } from '../app/context.js';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { ImportJobRunner } from '../app/table-import/import-job-runner.js';
import { buildServer } from '../http/server.js';
import { seedAccount, type TestAccount } from './auth.js';
import { createEngineDb, type EngineDb } from './engines.js';

/** Debian's Chromium: the only browser the tests use (never a downloaded one). */
export const CHROMIUM = process.env.VIGIL_TEST_CHROMIUM ?? '/usr/bin/chromium';
const requireBrowser = process.env.VIGIL_TEST_REQUIRE_BROWSER === '1';

/** Whether the browser is installed; with VIGIL_TEST_REQUIRE_BROWSER=1 (CI) its absence fails the run. */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && requireBrowser)
  throw new Error(
    `Chromium is required (VIGIL_TEST_REQUIRE_BROWSER=1) but ${CHROMIUM} is missing: apt-get install chromium`,
  );
/** The reason browser suites are skipped, or false. */
export const browserSkip = browserAvailable
  ? false
  : `Chromium not installed at ${CHROMIUM} (apt-get install chromium)`;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  /** Console errors and uncaught page errors seen on any page so far (cleared by take()). */
  problems: string[];
  close: () => Promise<void>;
}

/** Starts Chromium with a fresh profile; every page it opens reports console and page errors. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'vigil-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Moscow',
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WebServer {
  url: string;
  /** The runner of table import jobs, which a test may stop and start again. */
  imports: ImportJobRunner;
  close: () => Promise<void>;
}

/** The API and the built web application on a random local port, running ingestion jobs in-process. */
export async function startWebServer(ctx: AppContext): Promise<WebServer> {
  const server = await buildServer(ctx, { bodyLimit: 5 * 1024 * 1024, logger: false });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  await ctx.jobs.start(draftJobHandler(ctx));
  // Table import jobs run here too, as `vigil serve` runs them on SQLite.
  const imports = new ImportJobRunner(ctx);
  imports.start();
  return {
    url: address,
    imports,
    close: async () => {
      await imports.stop();
      await ctx.jobs.stop();
      await server.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations axe-core finds on the page, one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** Signs in through the form (the page must show the sign-in form). */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('.top .account').waitFor();
}

/** A new page of the session at the application's start page, signed in as this account (signing out whoever was). */
export async function pageSignedInAs(
  session: BrowserSession,
  url: string,
  account: { user: { username: string }; password: string },
): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${url}/`);
  await page.locator('#username, .top .account').first().waitFor();
  const current = page.locator('.top .account-name');
  if (
    (await current.count()) > 0 &&
    !((await current.textContent()) ?? '').startsWith(`${account.user.username} `)
  ) {
    await page.locator('.top .account button').click();
    await page.locator('#username').waitFor();
  }
  if (await page.locator('#username').isVisible())
    await signInThroughForm(page, account.user.username, account.password);
  return page;
}

/** What a browser suite works with: a fresh SQLite database served with the web application, Chromium, an editor. */
export interface WebFixture {
  ctx: AppContext;
  web: WebServer;
  browser: BrowserSession;
  editor: TestAccount;
}

/**
 * Registers the suite's before and after hooks: a fresh SQLite database served with the web
 * application, Chromium and an editor account, all closed afterwards. The getter gives them to
 * the suite's own hooks and tests once they are up.
 */
export function useWebFixture(options: Parameters<typeof launchBrowser>[0] = {}): () => WebFixture {
  let db: { db: EngineDb; drop: () => Promise<void> } | undefined;
  let fixture: WebFixture | undefined;
  let web: WebServer | undefined;
  let browser: BrowserSession | undefined;
  before(async () => {
    db = await createEngineDb('sqlite');
    const { ctx } = db.db.app;
    web = await startWebServer(ctx);
    browser = await launchBrowser(options);
    fixture = { ctx, web, browser, editor: await seedAccount(ctx, 'editor') };
  });
  after(async () => {
    await browser?.close();
    await web?.close();
    await db?.drop();
  });
  return () => {
    if (!fixture) throw new Error('the web fixture is used before its before hook ran');
    return fixture;
  };
}
