import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ImportJobRunner } from '../app/table-import/import-job-runner.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { multipartBody } from '../testing/report-files.js';
import { buildCsv } from '../testing/table-files.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

const mapping = { system: 'job list', columns: { fullName: 'Name' } };
const SYLLABLES = ['ka', 'ro', 'mi', 'tu', 'le', 'so', 'vy', 'zan', 'bor', 'ish'];

/** A list of `n` men, each with a name found nowhere else in the list or the database. */
function list(n: number, salt: string): string[][] {
  const word = (k: number) =>
    String(k)
      .padStart(3, '0')
      .split('')
      .map((d) => SYLLABLES[Number(d)])
      .join('');
  return [['Name'], ...Array.from({ length: n }, (_, i) => [`${salt}${word(i)} ${word(i + 500)}${salt}`])];
}

describeEachEngine('table import jobs API', (db) => {
  let server: FastifyInstance;
  const tokens: Record<string, string> = {};
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      maxUploadBytes: 64 * 1024,
    });
    for (const role of ['admin', 'editor', 'viewer'] as const)
      tokens[role] = (await seedAccount(db().app.ctx, role)).token;
    tokens.otherEditor = (await seedAccount(db().app.ctx, 'editor')).token;
  });
  after(async () => {
    await server.close();
  });
  const call = (role = 'editor') => apiCaller(server, tokens[role]);

  async function upload(rows: string[][], role = 'editor'): Promise<string> {
    const { payload, headers } = multipartBody(buildCsv(rows), {}, 'list.csv');
    const res = await server.inject({
      method: 'POST',
      url: '/api/table-imports/uploads',
      payload,
      headers: { ...headers, authorization: `Bearer ${tokens[role]}` },
    });
    assert.equal(res.statusCode, 201, res.body);
    return String((JSON.parse(res.body) as { file: { sha256: string } }).file.sha256);
  }

  const persons = async () =>
    Number(
      (
        await db()
          .app.ctx.store.handle.db.selectFrom('persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('a dry run job reports progress to the end and pages the same report the synchronous dry run gives', async () => {
    const sha256 = await upload(list(12, 'dry'));
    const before = await persons();
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'dry_run',
      upload: sha256,
      mapping,
    });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.equal(created.body.status, 'queued');
    const seen: number[] = [];
    const runner = new ImportJobRunner(db().app.ctx, {
      onProgress: (job) => seen.push(job.progress.percent),
    });
    assert.equal(await runner.drain(), 1);
    const job = await call()('GET', `/api/table-imports/jobs/${created.body.id}`);
    assert.equal(job.status, 200);
    assert.equal(job.body.status, 'done');
    const progress = job.body.progress as Json;
    assert.deepEqual([progress.rowsDone, progress.rowsTotal, progress.percent], [12, 12, 100]);
    const sync = await call()('POST', '/api/table-imports/dry-run', { upload: sha256, mapping });
    const first = await call()('GET', `/api/table-imports/jobs/${created.body.id}/report?offset=0&limit=5`);
    const rest = await call()('GET', `/api/table-imports/jobs/${created.body.id}/report?offset=5&limit=100`);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal((first.body.rows as Json[]).length, 5);
    assert.equal(first.body.rowsOmitted, 7);
    assert.deepEqual([...(first.body.rows as Json[]), ...(rest.body.rows as Json[])], sync.body.rows);
    assert.deepEqual(first.body.summary, sync.body.summary);
    assert.equal(first.body.planDigest, sync.body.planDigest);
    assert.equal(await persons(), before, 'a dry run writes no record');
  });

  const idMapping = { system: 'job ids', columns: { externalId: 'Id', fullName: 'Name', birthDate: 'Born' } };
  /** Four men of the list `salt`, stored by a first import; then the list again with their dates of birth and two new men. */
  async function storedAndUpdate(salt: string): Promise<string[][]> {
    const names = list(6, salt).slice(1);
    const first = [['Id', 'Name', 'Born'], ...names.slice(0, 4).map((n, i) => [`${salt}-${i}`, n[0], ''])];
    await runJob('apply', await upload(first), idMapping);
    return [
      ['Id', 'Name', 'Born'],
      ...names.map((n, i) => [`${salt}-${i}`, n[0], `19${70 + i}-0${1 + i}-1${i}`]),
    ];
  }

  async function runJob(kind: 'dry_run' | 'apply', sha256: string, jobMapping: Json): Promise<Json> {
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind,
      upload: sha256,
      mapping: jobMapping,
    });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.equal(await new ImportJobRunner(db().app.ctx).drain(), 1);
    const job = await call()('GET', `/api/table-imports/jobs/${created.body.id}`);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    return job.body;
  }

  /** The persons an import wrote, as the list `salt` named them (salt and ids left out), in row order. */
  async function imported(importId: unknown, salt: string) {
    const rows = await db()
      .app.ctx.store.handle.db.selectFrom('table_import_rows')
      .select(['row_number', 'person_id'])
      .where('import_id', '=', String(importId))
      .orderBy('row_number')
      .execute();
    const persons = await db().app.ctx.store.getMany(
      'persons',
      rows.map((r) => r.person_id),
    );
    const byId = new Map(persons.map((p) => [p.id, p]));
    return rows.map((r) => {
      const p = byId.get(r.person_id);
      assert.ok(p, 'each imported row names a stored person');
      return {
        row: r.row_number,
        version: p.version,
        names: (p.names as Array<{ value: string }>).map((n) => n.value.replaceAll(salt, '#')),
        birthDate: p.birthDate,
        externalIds: (p.externalIds as Array<{ value: string }>).map((e) => e.value.replace(salt, '#')),
      };
    });
  }

  test("an apply after its dry run, nothing changed since, writes the dry run's plan: the same records as an apply without one", async () => {
    const table = await storedAndUpdate('reu');
    const sha256 = await upload(table);
    const dry = await runJob('dry_run', sha256, idMapping);
    assert.equal(dry.planReused, undefined);
    assert.deepEqual(
      [(dry.summary as Json).created, (dry.summary as Json).updated],
      [2, 4],
      'the dry run plans 2 new men and 4 updates',
    );
    const applied = await runJob('apply', sha256, idMapping);
    assert.equal(applied.planReused, true, 'the apply took over the plan of its dry run');
    assert.equal(applied.planDigest, dry.planDigest);
    assert.deepEqual(applied.summary, dry.summary);

    const plain = await upload(await storedAndUpdate('pla'));
    const planned = await runJob('apply', plain, idMapping);
    assert.equal(planned.planReused, undefined, 'an apply without a dry run plans the table');
    assert.deepEqual(planned.summary, applied.summary);
    const reusedRecords = await imported(applied.importId, 'reu');
    assert.equal(reusedRecords.length, 6);
    assert.deepEqual(reusedRecords, await imported(planned.importId, 'pla'));
    const report = await call()('GET', `/api/table-imports/jobs/${applied.id}/report?limit=100`);
    assert.ok((report.body.rows as Json[]).every((r) => ['created', 'updated'].includes(String(r.outcome))));
    const kept = await db()
      .app.ctx.store.handle.db.selectFrom('table_import_job_rows')
      .select('plan')
      .where('job_id', '=', String(dry.id))
      .execute();
    assert.equal(kept.length, 6, "the dry run's report stays");
    assert.ok(
      kept.every((r) => r.plan === null),
      'what its rows would write is dropped once applied',
    );
  });

  test("an apply job after the synchronous dry run of the same table takes over that dry run's plan", async () => {
    const table = await storedAndUpdate('syn');
    const sha256 = await upload(table);
    const dry = await call()('POST', '/api/table-imports/dry-run', { upload: sha256, mapping: idMapping });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'apply',
      upload: sha256,
      mapping: idMapping,
      planDigest: dry.body.planDigest,
    });
    assert.equal(await new ImportJobRunner(db().app.ctx).drain(), 1);
    const job = await call()('GET', `/api/table-imports/jobs/${created.body.id}`);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    assert.equal(job.body.planReused, true);
    assert.deepEqual(job.body.summary, dry.body.summary);
    const records = await imported(job.body.importId, 'syn');
    assert.deepEqual(
      records.map((r) => r.birthDate),
      table.slice(1).map((r) => r[2]),
    );
  });

  test('a person edited between the dry run and the apply makes the apply plan again and keeps the edit', async () => {
    const table = await storedAndUpdate('edi');
    const sha256 = await upload(table);
    const dry = await runJob('dry_run', sha256, idMapping);
    const page = await call()('GET', `/api/table-imports/jobs/${dry.id}/report?limit=100`);
    const first = (page.body.rows as Json[])[0];
    assert.equal(first.outcome, 'updated');
    const person = await call()('GET', `/api/persons/${first.personId}`);
    const edited = await call()('PATCH', `/api/persons/${first.personId}`, {
      version: person.body.version,
      hometown: 'Nova Kakhovka',
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const applied = await runJob('apply', sha256, idMapping);
    assert.equal(applied.planReused, undefined, 'the plan is made again');
    assert.deepEqual([(applied.summary as Json).updated, (applied.summary as Json).conflict], [4, 0]);
    const after = await call()('GET', `/api/persons/${first.personId}`);
    assert.equal(after.body.hometown, 'Nova Kakhovka', "the editor's change is kept");
    assert.equal(after.body.birthDate, table[1][2], "and the row's date of birth written");
    assert.equal(after.body.version, Number(edited.body.version) + 1);
  });

  test('an apply stopped mid-way goes on after its checkpoint when run again and writes no row twice', async () => {
    const rows = list(10, 'res');
    const sha256 = await upload(rows);
    const before = await persons();
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'apply',
      upload: sha256,
      mapping,
    });
    let stopped: Promise<void> | undefined;
    const first: ImportJobRunner = new ImportJobRunner(db().app.ctx, {
      chunkRows: 3,
      onProgress: (job) => {
        if (job.progress.phase === 'applying' && job.progress.rowsDone > 0) stopped ??= first.stop();
      },
    });
    await first.drain();
    await stopped;
    const halfway = await call()('GET', `/api/table-imports/jobs/${created.body.id}`);
    assert.equal(halfway.body.status, 'running');
    const written = await persons();
    assert.ok(
      written > before && written < before + 10,
      `stopped after a chunk (${written - before} written)`,
    );
    assert.equal(await new ImportJobRunner(db().app.ctx, { chunkRows: 3 }).drain(), 1);
    const job = await call()('GET', `/api/table-imports/jobs/${created.body.id}`);
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    assert.equal((job.body.summary as Json).created, 10);
    assert.equal(await persons(), before + 10, 'each row created its person once');
    const report = await call()('GET', `/api/table-imports/jobs/${created.body.id}/report?limit=100`);
    const ids = (report.body.rows as Json[]).map((r) => r.personId);
    assert.equal(new Set(ids).size, 10);
    const imported = await db()
      .app.ctx.store.handle.db.selectFrom('table_import_rows')
      .select('person_id')
      .where('import_id', '=', String(job.body.importId))
      .execute();
    assert.deepEqual(imported.map((r) => r.person_id).sort(), [...ids].sort());
    const upload2 = await call()('GET', `/api/table-imports/uploads/${sha256}`);
    assert.equal(upload2.status, 404, 'the applied upload is discarded');
  });

  test('a cancelled apply stops between chunks, keeps what it wrote and reports it', async () => {
    const sha256 = await upload(list(9, 'can'));
    const before = await persons();
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'apply',
      upload: sha256,
      mapping,
    });
    const id = String(created.body.id);
    let cancelled: Promise<unknown> | undefined;
    const runner = new ImportJobRunner(db().app.ctx, {
      chunkRows: 3,
      onProgress: (job) => {
        if (job.progress.phase === 'applying' && job.progress.rowsDone > 0)
          cancelled ??= call()('POST', `/api/table-imports/jobs/${id}/cancel`);
      },
    });
    await runner.drain();
    await cancelled;
    // The cancel may land after the last chunk's check: then the job ended done.
    const job = await call()('GET', `/api/table-imports/jobs/${id}`);
    const written = (await persons()) - before;
    const report = await call()('GET', `/api/table-imports/jobs/${id}/report?limit=100`);
    assert.equal(report.status, 200);
    assert.equal((report.body.summary as Json).created, written);
    if (job.body.status === 'cancelled') assert.ok(written < 9);
    else assert.equal(job.body.status, 'done');
    const again = await call()('POST', `/api/table-imports/jobs/${id}/cancel`);
    assert.equal(again.status, job.body.status === 'cancelled' ? 200 : 409);
  });

  test('a queued job cancelled is never run', async () => {
    const sha256 = await upload(list(3, 'que'));
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'apply',
      upload: sha256,
      mapping,
    });
    const cancel = await call()('POST', `/api/table-imports/jobs/${created.body.id}/cancel`);
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.status, 'cancelled');
    assert.equal(await new ImportJobRunner(db().app.ctx).drain(), 0);
    const report = await call()('GET', `/api/table-imports/jobs/${created.body.id}/report`);
    assert.equal(report.status, 409, 'no report: it never ran');
  });

  test('a job that ended more than a day ago is dropped with its report when the next is queued', async () => {
    const sha256 = await upload(list(2, 'old'));
    const old = await call()('POST', '/api/table-imports/jobs', { kind: 'dry_run', upload: sha256, mapping });
    await new ImportJobRunner(db().app.ctx).drain();
    const id = String(old.body.id);
    const store = db().app.ctx.store.handle.db;
    await store
      .updateTable('table_import_jobs')
      .set({ updated_at: new Date(Date.now() - 25 * 3600 * 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    await call()('POST', '/api/table-imports/jobs', { kind: 'dry_run', upload: sha256, mapping });
    assert.equal((await call()('GET', `/api/table-imports/jobs/${id}`)).status, 404);
    const rows = await store
      .selectFrom('table_import_job_rows')
      .select('row_number')
      .where('job_id', '=', id)
      .execute();
    assert.deepEqual(rows, []);
    await new ImportJobRunner(db().app.ctx).drain();
  });

  test('jobs are for those who import tables, and shown to their owner and admins only', async () => {
    const sha256 = await upload(list(2, 'own'));
    const viewer = await call('viewer')('POST', '/api/table-imports/jobs', {
      kind: 'dry_run',
      upload: sha256,
      mapping,
    });
    assert.equal(viewer.status, 403);
    const created = await call()('POST', '/api/table-imports/jobs', {
      kind: 'dry_run',
      upload: sha256,
      mapping,
    });
    const id = String(created.body.id);
    assert.equal((await call('viewer')('GET', `/api/table-imports/jobs/${id}`)).status, 403);
    assert.equal((await call('otherEditor')('GET', `/api/table-imports/jobs/${id}`)).status, 404);
    assert.equal((await call('otherEditor')('POST', `/api/table-imports/jobs/${id}/cancel`)).status, 404);
    assert.equal((await call('admin')('GET', `/api/table-imports/jobs/${id}`)).status, 200);
    assert.equal((await call()('GET', '/api/table-imports/jobs/01HZZZZZZZZZZZZZZZZZZZZZZZ')).status, 404);
    const other = await call('otherEditor')('POST', '/api/table-imports/jobs', {
      kind: 'dry_run',
      upload: sha256,
      mapping,
    });
    assert.equal(other.status, 404, "another user's upload is not found");
    const bad = await call()('POST', '/api/table-imports/jobs', { kind: 'apply', upload: sha256 });
    assert.equal(bad.status, 400);
    await call()('POST', `/api/table-imports/jobs/${id}/cancel`);
  });
});
