import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../testing/engines.js';
import { countHit, pruneWindows } from './rate-windows.js';

const MINUTE = 60_000;

describeEachEngine('rate windows', (db) => {
  test('parallel hits each get their own count; a window restarts at one once it ended', async () => {
    const { db: kysely } = db().app.ctx.store.handle;
    const start = new Date('2026-03-01T10:00:00Z');
    const counts = await Promise.all(
      Array.from({ length: 12 }, () => countHit(kysely, 'test', '10.9.0.1', start, MINUTE)),
    );
    assert.deepEqual(
      [...counts].sort((x, y) => x - y),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const inside = new Date(start.getTime() + MINUTE - 1);
    assert.equal(await countHit(kysely, 'test', '10.9.0.1', inside, MINUTE), 13);
    assert.equal(await countHit(kysely, 'other', '10.9.0.1', inside, MINUTE), 1, 'buckets count apart');
    const next = new Date(start.getTime() + MINUTE);
    assert.equal(await countHit(kysely, 'test', '10.9.0.1', next, MINUTE), 1);
    assert.equal(await countHit(kysely, 'test', '10.9.0.1', next, MINUTE), 2);
  });

  test('pruning drops the ended windows of its bucket only, and stores no address in clear', async () => {
    const { db: kysely } = db().app.ctx.store.handle;
    const t0 = new Date('2026-03-02T10:00:00Z');
    await countHit(kysely, 'prune', '10.9.1.1', t0, MINUTE);
    await countHit(kysely, 'prune', '10.9.1.2', new Date(t0.getTime() + 30_000), MINUTE);
    await countHit(kysely, 'kept', '10.9.1.3', t0, MINUTE);
    await pruneWindows(kysely, 'prune', new Date(t0.getTime() + MINUTE), MINUTE);
    const rows = await kysely
      .selectFrom('rate_windows')
      .selectAll()
      .where('bucket', 'in', ['prune', 'kept'])
      .execute();
    assert.deepEqual(rows.map((r) => [r.bucket, r.window_start]).sort(), [
      ['kept', t0.toISOString()],
      ['prune', new Date(t0.getTime() + 30_000).toISOString()],
    ]);
    assert.ok(rows.every((r) => !r.client.includes('10.9.')));
  });
});
