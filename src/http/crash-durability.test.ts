import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from '../app/open-app.js';
import { seedAccount } from '../testing/auth.js';
import { startVigilServer } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase } from '../testing/factories.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';

const WRITERS = 8;
const KILL_AFTER_ACKS = 120;

describeEachEngine('crash durability', (db) => {
  test('every write acknowledged before a SIGKILL is there after restart', async () => {
    const { token } = await seedAccount(db().app.ctx, 'editor');
    const { child, ready } = startVigilServer(db().url);
    const base = await ready;
    const acknowledged: string[] = [];
    let killed = false;

    // Writers post cases as fast as the server answers; the server is killed mid-burst.
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await fetch(`${base}/api/cases`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(buildCase({ title: `burst ${w}-${i}` })),
          });
          if (response.status !== 201) continue;
          acknowledged.push(((await response.json()) as { id: string }).id);
          if (acknowledged.length >= KILL_AFTER_ACKS && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await exited;
    assert.ok(killed, 'the server was killed during the burst');

    // Reopen the database as a restarted server would (migrations, recovery) and look for every id.
    const app = await openApp(db().url, { key: TEST_KEY, settings: TEST_SETTINGS });
    try {
      const missing: string[] = [];
      for (const id of acknowledged) if (!(await app.ctx.store.get('cases', id))) missing.push(id);
      assert.deepEqual(
        missing,
        [],
        `${missing.length} of ${acknowledged.length} acknowledged writes were lost`,
      );
    } finally {
      await app.close();
    }
  });
});
