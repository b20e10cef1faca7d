import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../app/open-app.js';
import { seedAccount } from '../testing/auth.js';
import { browserAvailable, launchBrowser, signInThroughForm, startWebServer } from '../testing/browser.js';
import { seedDemo } from '../testing/demo/demo-data.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import type { BenchRow } from './table.js';

/**
 * Time to interactive of the case page in Chromium with the CPU slowed 4× and a "fast 3G"
 * network (150 ms latency, 1.6 Mbit/s down): from navigation until the chronology is on screen
 * and the page answers input, cold cache and warm cache, median of `runs`.
 */
export async function benchWeb(options: { runs: number; log: (line: string) => void }): Promise<BenchRow[]> {
  if (!browserAvailable) throw new Error('web bench: Chromium is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-web-'));
  const app = await openApp(join(dir, 'bench.db'), { key: TEST_KEY, settings: TEST_SETTINGS });
  try {
    const ids = await seedDemo(app.ctx);
    const editor = await seedAccount(app.ctx, 'editor');
    const web = await startWebServer(app.ctx);
    const browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${web.url}/`);
    await signInThroughForm(page, editor.user.username, editor.password);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const measure = async (cold: boolean) => {
      if (cold) await cdp.send('Network.clearBrowserCache');
      const started = Date.now();
      await page.goto(`${web.url}/cases/${ids.caseId}`);
      await page.locator('#chronology .quote').first().waitFor();
      // Interactive: the main thread is free to answer (a task queued now runs).
      await page.evaluate('new Promise((r) => setTimeout(r, 0))');
      return Date.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const coldRuns: number[] = [];
    const warmRuns: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      coldRuns.push(await measure(true));
      warmRuns.push(await measure(false));
      options.log(`web: run ${i + 1}: cold ${coldRuns[i]} ms, warm ${warmRuns[i]} ms`);
    }
    await browser.close();
    await web.close();
    return [
      {
        engine: 'sqlite',
        metric: 'case page time to interactive, CPU ×4, fast 3G, cold cache',
        unit: 'ms',
        vigil: median(coldRuns),
      },
      {
        engine: 'sqlite',
        metric: 'case page time to interactive, CPU ×4, fast 3G, warm cache',
        unit: 'ms',
        vigil: median(warmRuns),
      },
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
