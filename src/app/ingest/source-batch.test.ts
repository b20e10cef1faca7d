import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../../domain/errors.js';
import { verifyAudit } from '../../store/audit-log.js';
import { describeEachEngine } from '../../testing/engines.js';
import { TEST_KEY, TEST_SETTINGS } from '../../testing/keys.js';
import { openApp } from '../open-app.js';
import { ingestSource, ingestSources } from './source-ingester.js';

const report = (i: number) =>
  Buffer.from(
    `Report ${i}: men held in a cellar\n\nRelatives say that ${10 + i} mobilized men who refused to fight are ` +
      `held in a cellar in the village of Zaitseve in Luhansk region. Ivan Petrov${i}, 29, is among them.\n`,
  );

describeEachEngine('reports ingested in one transaction', (db) => {
  test('each report is answered as if ingested alone, and the chain records each', async () => {
    const app = await openApp(db().url, { key: TEST_KEY, settings: TEST_SETTINGS });
    try {
      const { ctx } = app;
      const actor = { id: 'test' };
      const earlier = await ingestSource({ ctx, actor, bytes: report(0) });
      const results = await ingestSources(ctx, actor, [
        { bytes: report(1) },
        { bytes: report(0) },
        { bytes: Buffer.alloc(2048, 'x'), maxBytes: 1024 },
        { bytes: report(1) },
        { bytes: report(2) },
        // Report 0 pasted again from an editor that ends lines with CRLF and leaves trailing blanks.
        { bytes: Buffer.from(`${report(0).toString().replace(/\n/g, '  \r\n')}\r\n`) },
      ]);
      const [first, again, tooLarge, repeated, last, pastedAgain] = results;
      assert.ok(first && !(first instanceof VigilError) && first.created);
      assert.ok(again && !(again instanceof VigilError));
      assert.equal(again.created, false);
      assert.equal(again.source.id, earlier.source.id, 'bytes held before give the source held');
      assert.ok(tooLarge instanceof VigilError);
      assert.equal(tooLarge.kind, 'too_large');
      assert.ok(repeated && !(repeated instanceof VigilError));
      assert.equal(repeated.created, false);
      assert.equal(repeated.source.id, first.source.id, 'the same bytes twice in one batch make one source');
      assert.ok(last && !(last instanceof VigilError) && last.created);
      assert.ok(pastedAgain && !(pastedAgain instanceof VigilError));
      assert.equal(pastedAgain.created, false);
      assert.equal(pastedAgain.source.id, earlier.source.id, 'the same text pasted again is the source held');

      const sources = await ctx.store.list('sources', { limit: 10 });
      assert.equal(sources.length, 3);
      const queued = await Promise.all(sources.map((s) => ctx.jobs.stateOf(s.id)));
      assert.deepEqual(
        queued.map((q) => q?.state),
        ['queued', 'queued', 'queued'],
        'every new source has its extraction job',
      );
      const verdict = await verifyAudit(ctx.store.handle.db, ctx.store.auditKey);
      assert.equal(verdict.ok, true);
      const created = await ctx.store.handle.db
        .selectFrom('audit_events')
        .select('record_id')
        .where('collection', '=', 'sources')
        .where('action', '=', 'ingest')
        .execute();
      assert.deepEqual(new Set(created.map((r) => r.record_id)), new Set(sources.map((s) => s.id)));
    } finally {
      await app.close();
    }
  });
});
