import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type OpenApp, openApp } from '../app/open-app.js';
import { insertValidRecords } from '../app/records/record-creator.js';
import { searchFaceted } from '../app/search/faceted-searcher.js';
import { searchRecords } from '../app/search/records-searcher.js';
import { queryTerms } from '../domain/text/terms.js';
import { dropPostgresSchema, type Engine } from '../store/database.js';
import { seedAccount } from '../testing/auth.js';
import { startVigilServer } from '../testing/cli.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { benchExport } from './export-bench.js';
import { random, type SyntheticPerson, syntheticPeople } from './names.js';
import { type BenchRow, percentile } from './table.js';

export interface StorageBenchOptions {
  engine: Engine;
  persons: number;
  queries: number;
  httpSeconds: number;
  concurrency: number;
  pgUrl: string;
  log: (line: string) => void;
}

const SEED = 20221107;
const BATCH = 5000;

/** A new, empty database on the engine, and how to remove it afterwards. */
export async function freshDatabase(
  engine: Engine,
  pgUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
    return { url: join(dir, 'bench.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
  return {
    url: `${pgUrl}?schema=${schema}`,
    drop: async () => {
      await dropPostgresSchema(pgUrl, schema);
    },
  };
}

/** A synthetic person as the records API takes it: both scripts and a birth year. */
export function personInput(p: SyntheticPerson) {
  return {
    names: [
      { value: p.cyrillic, script: 'cyrillic' },
      { value: p.latin, script: 'latin' },
    ],
    birthDate: String(p.birthYear),
  };
}

/** Query forms a case worker types: another romanization, the Cyrillic surname, a surname in another case. */
function queryFor(p: SyntheticPerson, i: number): string {
  const [first, last] = p.cyrillic.split(' ');
  switch (i % 4) {
    case 0:
      return p.latinVariant;
    case 1:
      return last;
    case 2:
      return `${first} ${last.endsWith('а') ? `${last.slice(0, -1)}ой` : `${last}а`}`;
    default:
      return p.latin.split(' ')[1];
  }
}

/**
 * The same search as Vigil's written by hand straight against the engine: the folded terms, the
 * engine's own ranking, and the top 20 person records (a search must return records, not row ids).
 * The bench database holds only persons, so no collection filter is needed here.
 */
async function rawSearch(app: OpenApp, terms: string[]): Promise<number> {
  const db = app.ctx.store.handle.db;
  if (app.ctx.store.engine === 'sqlite') {
    const match = terms.map((t) => `"${t}"`).join(' AND ');
    const r = await sql`SELECT p.doc FROM (
        SELECT rowid, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rank LIMIT 20
      ) top JOIN search_entries e ON e.id = top.rowid JOIN persons p ON p.id = e.record_id
      ORDER BY top.rank`.execute(db);
    return r.rows.length;
  }
  const q = terms.join(' & ');
  const r = await sql`SELECT p.doc FROM (
      SELECT record_id, ts_rank(tsv, to_tsquery('simple', ${q})) AS rank FROM search_entries
      WHERE tsv @@ to_tsquery('simple', ${q}) ORDER BY rank DESC LIMIT 20
    ) top JOIN persons p ON p.id = top.record_id ORDER BY top.rank DESC`.execute(db);
  return r.rows.length;
}

/**
 * Times two ways of answering each item on equal footing: the item is answered once untimed
 * first, so that neither finds pages the other just read while its rival did not (at 1M rows the
 * index does not fit SQLite's page cache), and the timed runs alternate which goes first. The
 * figures are warm-cache latencies; their ratio is the cost of one path over the other.
 */
async function timeInterleaved(
  items: string[],
  a: (item: string) => Promise<unknown>,
  b: (item: string) => Promise<unknown>,
): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  const timed = async (run: (item: string) => Promise<unknown>, item: string, into: number[]) => {
    const start = performance.now();
    await run(item);
    into.push(performance.now() - start);
  };
  for (const [i, item] of items.entries()) {
    await b(item);
    if (i % 2 === 0) {
      await timed(a, item, times[0]);
      await timed(b, item, times[1]);
    } else {
      await timed(b, item, times[1]);
      await timed(a, item, times[0]);
    }
  }
  return times;
}

/** Requests/s for GET /api/persons/:id from `concurrency` keep-alive connections (node:http: fetch is slower than the server). */
async function httpLoad(
  base: string,
  ids: string[],
  seconds: number,
  concurrency: number,
  token: string,
): Promise<number> {
  const headers = { authorization: `Bearer ${token}` };
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const rnd = random(7);
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.get({ host: hostname, port, path, agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
    });
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const status = await get(`/api/persons/${ids[Math.floor(rnd() * ids.length)]}`);
      if (status !== 200) throw new Error(`GET by id answered ${status}`);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return done / ((performance.now() - start) / 1000);
}

/** The metric of the HTTP GET-by-id row. */
function httpGetMetric(concurrency: number): string {
  return `HTTP GET by id, ${concurrency} concurrent`;
}

/**
 * PostgreSQL's GET-by-id rate against SQLite's measured in the same run, when both were: the
 * machine's other load moves both alike, so their ratio is what compares the engines' request paths.
 */
export function getByIdAcrossEngines(rows: BenchRow[], concurrency: number): BenchRow | undefined {
  const rateOf = (engine: Engine) =>
    rows.find((r) => r.engine === engine && r.metric === httpGetMetric(concurrency))?.vigil;
  const [postgres, sqlite] = [rateOf('postgres'), rateOf('sqlite')];
  if (postgres === undefined || sqlite === undefined) return undefined;
  return {
    engine: 'postgres',
    metric: `${httpGetMetric(concurrency)}, against SQLite`,
    unit: 'requests/s',
    vigil: postgres,
    peer: sqlite,
    peerName: 'sqlite, same run',
    kind: 'rate',
  };
}

/** Seeds persons, then measures insert rate, search latency against the raw engine, and HTTP reads. */
export async function benchStorage(o: StorageBenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const target = await freshDatabase(o.engine, o.pgUrl);
  const app = await openApp(target.url, { key: TEST_KEY, settings: TEST_SETTINGS });
  const { token } = await seedAccount(app.ctx, 'admin');
  try {
    const next = syntheticPeople(SEED);
    const sample: SyntheticPerson[] = [];
    const sampleEvery = Math.max(1, Math.floor(o.persons / o.queries));
    const start = performance.now();
    for (let done = 0; done < o.persons; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, o.persons - done) }, (_, k) => {
        const p = next();
        if ((done + k) % sampleEvery === 0 && sample.length < o.queries) sample.push(p);
        return personInput(p);
      });
      await app.ctx.store.write('bench', (writer) => insertValidRecords(writer, 'persons', batch));
      if ((done / BATCH) % 20 === 0) o.log(`  ${o.engine}: ${done + batch.length} persons`);
    }
    const seconds = (performance.now() - start) / 1000;
    rows.push({
      engine: o.engine,
      metric: `insert ${o.persons} persons (validated, audited, indexed)`,
      unit: 'persons/s',
      vigil: o.persons / seconds,
    });
    if (o.engine === 'postgres') await sql`ANALYZE`.execute(app.ctx.store.handle.db);

    const queries = sample.map((p, i) => queryFor(p, i));
    // Warm both paths once so that neither pays for compiling its statements.
    for (const q of queries.slice(0, 20)) {
      await searchRecords({ ctx: app.ctx, q, limit: 20 });
      await rawSearch(app, queryTerms(q));
    }
    const [vigilTimes, rawTimes] = await timeInterleaved(
      queries,
      (q) => searchRecords({ ctx: app.ctx, q, types: ['persons'], limit: 20 }),
      (q) => rawSearch(app, queryTerms(q)),
    );
    for (const p of [50, 95]) {
      rows.push({
        engine: o.engine,
        metric: `search p${p} (${queries.length} queries)`,
        unit: 'ms',
        vigil: percentile(vigilTimes, p),
        peer: percentile(rawTimes, p),
        peerName: o.engine === 'sqlite' ? 'FTS5' : 'tsvector',
        kind: 'latency',
      });
    }

    // The same queries with facet counts (what the web search page asks), against the plain search.
    const [facetTimes, plainTimes] = await timeInterleaved(
      queries,
      (q) => searchFaceted({ ctx: app.ctx, q, types: ['persons'], filters: {}, limit: 20 }),
      (q) => searchRecords({ ctx: app.ctx, q, types: ['persons'], limit: 20 }),
    );
    for (const p of [50, 95]) {
      rows.push({
        engine: o.engine,
        metric: `search with facet counts p${p}`,
        unit: 'ms',
        vigil: percentile(facetTimes, p),
        peer: percentile(plainTimes, p),
        peerName: 'plain search',
        kind: 'latency',
      });
    }

    rows.push(...(await benchExport(app, o.engine)));

    const ids = (await app.ctx.store.list('persons', { limit: 2000 })).map((r) => r.id);
    const storeStart = performance.now();
    let storeReads = 0;
    while (performance.now() - storeStart < 1000) {
      await app.ctx.store.get('persons', ids[storeReads % ids.length]);
      storeReads++;
    }
    const storeRate = storeReads / ((performance.now() - storeStart) / 1000);

    const server = startVigilServer(target.url);
    try {
      const base = await server.ready;
      await httpLoad(base, ids, 1, o.concurrency, token); // warm-up
      const rate = await httpLoad(base, ids, o.httpSeconds, o.concurrency, token);
      rows.push({
        engine: o.engine,
        metric: httpGetMetric(o.concurrency),
        unit: 'requests/s',
        vigil: rate,
        peer: storeRate,
        peerName: 'store get, 1 caller',
        kind: 'rate',
      });
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    await app.close();
    await target.drop();
  }
  return rows;
}
