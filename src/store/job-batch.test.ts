import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { openApp } from '../app/open-app.js';
import { describeEachEngine } from '../testing/engines.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import type { JobHandler } from './job-queue.js';

const report = (i: number) =>
  `Report ${i}: men held in a cellar\n\nRelatives say that ${10 + i} mobilized men who refused to fight are held in a cellar ` +
  `in the village of Zaitseve in Luhansk region. Ivan Petrov${i}, 29, is among them.\n`;

describeEachEngine('jobs run in batches', (db) => {
  test('a job that fails to prepare or to write holds back none of its batch', async () => {
    const app = await openApp(db().url, { key: TEST_KEY, settings: TEST_SETTINGS });
    try {
      const { ctx } = app;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (await ingestSource({ ctx, actor: { id: 'test' }, bytes: Buffer.from(report(i)) })).source.id,
        );
      const [badPrepare, badWrite] = [ids[1], ids[3]];
      const real = draftJobHandler(ctx);
      const handler: JobHandler = {
        async prepare(sourceIds) {
          const writes = await real.prepare(sourceIds);
          return sourceIds.map((sourceId, i) => {
            const write = writes[i];
            if (sourceId === badPrepare) return { failed: new Error('prepare failed') };
            if (typeof write !== 'function') return write;
            return async (writer) => {
              await write(writer);
              // Fails the batch's shared transaction, then this job's own one.
              if (sourceId === badWrite) throw new Error('write failed');
            };
          });
        },
        write: real.write,
      };
      const drafted = async () =>
        (await ctx.store.handle.db.selectFrom('drafts').select('source_id').execute()).map(
          (r) => r.source_id,
        );

      // SQLite's drain also retries the failed jobs at once, until their attempts run out.
      assert.ok((await ctx.jobs.drain(handler)) >= 5);
      assert.deepEqual(
        new Set(await drafted()),
        new Set(ids.filter((id) => id !== badPrepare && id !== badWrite)),
        'the three good jobs committed their drafts, the failed ones nothing',
      );
      for (const id of ids) {
        const state = await ctx.jobs.stateOf(id);
        const bad = id === badPrepare || id === badWrite;
        assert.equal(state?.state === 'done', !bad, `job ${ids.indexOf(id)} is ${state?.state}`);
        if (bad) assert.ok((state?.attempts ?? 0) >= 1);
      }
    } finally {
      await app.close();
    }
  });
});
