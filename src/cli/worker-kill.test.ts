import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { jobSchemaOf, openApp } from '../app/open-app.js';
import { VIGIL_BIN, vigilEnv } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';

const REPORT =
  'Refusers held in a cellar in Zaitseve\n\nRelatives say that 14 mobilized men who refused to fight are held in a cellar in the ' +
  'village of Zaitseve in Luhansk region. Ivan Petrov, 29, is among them. The men get no food.\n';

function startWorker(url: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [VIGIL_BIN, 'worker', '--db', url], {
    env: vigilEnv({ VIGIL_JOB_EXPIRE_SECONDS: '2', VIGIL_JOB_MAINTENANCE_SECONDS: '1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, exited };
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 40): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await sleep(100);
  }
  assert.fail(`timed out waiting until ${what}`);
}

describeEachEngine('a worker killed mid-job', (db) => {
  test('loses nothing: the retried job leaves exactly one draft', async () => {
    const app = await openApp(db().url, {
      key: TEST_KEY,
      settings: TEST_SETTINGS,
      jobExpireSeconds: 2,
      jobMaintenanceSeconds: 1,
    });
    try {
      const { ctx } = app;
      const { source } = await ingestSource({ ctx, actor: { id: 'test' }, bytes: Buffer.from(REPORT) });
      const raw = ctx.store.handle.db;
      const jobState = async (): Promise<string | undefined> => {
        if (ctx.store.engine === 'sqlite') {
          const row = await raw
            .selectFrom('jobs')
            .select('status')
            .where('source_id', '=', source.id)
            .executeTakeFirst();
          return row?.status;
        }
        const boss = jobSchemaOf(ctx.store.handle.schema);
        const rows = await sql<{
          state: string;
        }>`SELECT state FROM ${sql.table(`${boss}.job`)} WHERE name = 'vigil-extract'`.execute(raw);
        return rows.rows[0]?.state;
      };
      const drafts = async () =>
        Number(
          (
            await raw
              .selectFrom('drafts')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('source_id', '=', source.id)
              .executeTakeFirstOrThrow()
          ).n,
        );

      // The first worker takes the job, extracts, and is killed while it waits to commit.
      const first = startWorker(db().url, { VIGIL_JOB_PAUSE_MS: '60000' });
      await waitFor('the first worker runs the job', async () =>
        ['active', 'running'].includes((await jobState()) ?? ''),
      );
      await sleep(500);
      first.child.kill('SIGKILL');
      await first.exited;
      assert.equal(await drafts(), 0, 'nothing was committed by the killed worker');

      // A second worker retries the job once it counts as lost.
      const second = startWorker(db().url, {});
      try {
        await waitFor('the retried job leaves a draft', async () => (await drafts()) > 0);
        await waitFor('the job is done', async () =>
          ['completed', 'done'].includes((await jobState()) ?? ''),
        );
        await sleep(1500);
        assert.equal(await drafts(), 1);
        assert.equal((await ctx.store.list('sources', { limit: 10 })).length, 1);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      await app.close();
    }
  });
});
