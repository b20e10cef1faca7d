import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ENTITY_COLLECTIONS } from '../../app/drafts/draft-item-decider.js';
import type { DraftItem } from '../../domain/schemas/draft.js';
import { report } from '../ingest-bench.js';
import { random, type SyntheticPerson, syntheticPeople } from '../names.js';

/** The operations of the mixed workload, in the order the table lists them. */
export const OPERATIONS = [
  'sign-in',
  'read case',
  'read person',
  'list cases',
  'list persons',
  'search',
  'ingest report',
  'list drafts',
  'read draft',
  'review item',
  'apply draft',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The seed of the synthetic persons a local run stores first and its reports then name. */
export const LOAD_SEED = 16;

/** An account the load signs in with. */
export interface LoadAccount {
  username: string;
  password: string;
}

/** What one operation did over the run. */
export interface OperationStats {
  latenciesMs: number[];
  /** Answers other than 2xx, by status (0: no answer at all). */
  errors: Map<number, number>;
}

/** Writes the servers acknowledged, to be read back afterwards. */
export interface AcknowledgedWrites {
  sources: string[];
  /** Item decisions answered 200, by draft. */
  decisions: Array<{ draftId: string; itemId: string; decision: string }>;
  /** Drafts whose apply answered 200, with the case it created or linked. */
  applied: Array<{ draftId: string; caseId?: string }>;
}

export interface LoadResult {
  seconds: number;
  stats: Map<Operation, OperationStats>;
  writes: AcknowledgedWrites;
}

type Json = Record<string, unknown>;

/** One HTTP answer: status 0 when the server did not answer. */
interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** Only this machine: the load test must never be pointed at someone else's server. */
export function checkLocalUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--url ${JSON.stringify(text)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('--url must be http or https');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`--url must be a local address (127.0.0.1, localhost or ::1), not ${url.hostname}`);
  return url.origin;
}

/**
 * A signed-in browser-like client: session cookie and CSRF token. It talks to one of the servers
 * and, as a reverse proxy would, moves to the next when its server does not answer at all; the
 * session is in the database, so it holds on every server.
 */
class Client {
  private cookie = '';
  private csrf = '';
  constructor(
    /** The servers' addresses, read at each request: a killed server's leaves, its successor's comes. */
    private readonly servers: readonly string[],
    private at: number,
    private readonly account: LoadAccount,
    private readonly record: (op: Operation, ms: number, status: number) => void,
  ) {}

  private get base(): string {
    return this.servers[this.at % this.servers.length] as string;
  }

  async call(op: Operation, method: string, path: string, payload?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let answer: Answer;
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
      const text = await response.text();
      let body: Json = {};
      try {
        body = text ? (JSON.parse(text) as Json) : {};
      } catch {
        body = {};
      }
      answer = { status: response.status, body, headers: response.headers };
    } catch {
      answer = { status: 0, body: {}, headers: new Headers() };
      this.at++;
    }
    this.record(op, performance.now() - started, answer.status);
    return answer;
  }

  async signIn(): Promise<boolean> {
    const answer = await this.call('sign-in', 'POST', '/api/session', this.account);
    if (answer.status !== 200) return false;
    this.cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = String(answer.body.csrfToken ?? '');
    return true;
  }
}

/** Ids seen so far, shared by all virtual users so that reads hit records that exist. */
class Pool {
  readonly cases: string[] = [];
  readonly persons: string[] = [];
  /** Drafts a virtual user has taken for review, so that two never review the same one. */
  readonly claimed = new Set<string>();
  add(list: string[], ids: string[]) {
    for (const id of ids) if (!list.includes(id)) list.push(id);
    // Bounded: a read picks among recent ids, and the pool never grows with the run.
    if (list.length > 500) list.splice(0, list.length - 500);
  }
}

const pickFrom = <T>(rnd: () => number, list: readonly T[]): T | undefined =>
  list.length ? list[Math.floor(rnd() * list.length)] : undefined;

/** How often each step of a virtual user's loop is chosen: mostly reads, as in daily use. */
const MIX: Array<[number, 'read case' | 'read person' | 'list' | 'search' | 'ingest' | 'review' | 'apply']> =
  [
    [20, 'read case'],
    [20, 'read person'],
    [12, 'list'],
    [18, 'search'],
    [12, 'ingest'],
    [10, 'review'],
    [8, 'apply'],
  ];
const MIX_TOTAL = MIX.reduce((sum, [w]) => sum + w, 0);
/** The step a roll in [0, MIX_TOTAL) lands on. */
function pickStep(roll: number) {
  let rest = roll;
  for (const [weight, step] of MIX) {
    if (rest < weight) return step;
    rest -= weight;
  }
  return MIX[0][1];
}
/** A virtual user signs in again after this many steps, as browsers come and go. */
const STEPS_PER_SESSION = 200;

/**
 * Drives the mixed workload: `concurrency` virtual users, spread over the servers and accounts
 * round robin, each signs in and then loops over weighted steps until `seconds` pass or
 * `requests` requests were sent. Returns every request's latency and status per operation and
 * the writes the servers acknowledged.
 */
export async function runWorkload(options: {
  urls: string[];
  accounts: LoadAccount[];
  concurrency: number;
  seconds: number;
  requests: number;
  seed?: number;
  /** Something done once, when this many requests were sent (a kill, mid-run). */
  after?: { requests: number; run: () => void };
}): Promise<LoadResult> {
  const stats = new Map<Operation, OperationStats>(
    OPERATIONS.map((op) => [op, { latenciesMs: [], errors: new Map() }]),
  );
  const writes: AcknowledgedWrites = { sources: [], decisions: [], applied: [] };
  let sent = 0;
  const record = (op: Operation, ms: number, status: number) => {
    sent++;
    if (sent === options.after?.requests) options.after.run();
    const s = stats.get(op) as OperationStats;
    s.latenciesMs.push(ms);
    if (status < 200 || status > 299) s.errors.set(status, (s.errors.get(status) ?? 0) + 1);
  };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  // A step sends one to three requests: the count bound stops new steps once it is reached.
  const more = () => performance.now() < deadline && sent < options.requests;
  const pool = new Pool();
  const seed = options.seed ?? LOAD_SEED;
  // The seeded persons come first from this generator: searches for them find someone.
  const people = syntheticPeople(seed);
  const known: SyntheticPerson[] = [];
  // Reports differ from run to run, so a second run on the same database ingests new sources.
  const tag = randomBytes(4).toString('hex');
  let reportNo = 0;

  async function virtualUser(n: number) {
    const rnd = random(seed * 1000 + n);
    const client = new Client(options.urls, n, options.accounts[n % options.accounts.length], record);
    let steps = 0;
    let signedIn = false;
    let draft: { id: string; items: Json[] } | undefined;
    while (more()) {
      if (!signedIn || steps >= STEPS_PER_SESSION) {
        // A failed sign-in again keeps the session it has; without any, the virtual user stops
        // (its failure is in the table) rather than spin on a server that refuses it.
        const ok = await client.signIn();
        if (!ok && !signedIn) return;
        signedIn = true;
        steps = 0;
        continue;
      }
      steps++;
      const step = pickStep(rnd() * MIX_TOTAL);
      if (step === 'read case' || step === 'read person') {
        const list = step === 'read case' ? pool.cases : pool.persons;
        const id = pickFrom(rnd, list);
        const collection = step === 'read case' ? 'cases' : 'persons';
        if (id === undefined) {
          const answer = await client.call(
            step === 'read case' ? 'list cases' : 'list persons',
            'GET',
            `/api/${collection}?limit=50`,
          );
          pool.add(list, idsOf(answer.body.items));
        } else await client.call(step, 'GET', `/api/${collection}/${id}`);
      } else if (step === 'list') {
        const cases = rnd() < 0.5;
        const answer = await client.call(
          cases ? 'list cases' : 'list persons',
          'GET',
          `/api/${cases ? 'cases' : 'persons'}?limit=50`,
        );
        pool.add(cases ? pool.cases : pool.persons, idsOf(answer.body.items));
      } else if (step === 'search') {
        // Half the searches look for someone a recent report named, half for the generator's next name
        // (in a local run at first the seeded persons, in the order they were stored).
        const person = rnd() < 0.5 ? pickFrom(rnd, known) : undefined;
        const q = (person ?? people()).latin.split(' ')[1] ?? 'Ivanov';
        await client.call('search', 'GET', `/api/search?q=${encodeURIComponent(q)}&limit=20`);
      } else if (step === 'ingest') {
        const person = people();
        known.push(person);
        if (known.length > 200) known.shift();
        const i = reportNo++;
        const text = `${report(i, person, rnd)}Load run ${tag}, report ${i}.\n`;
        const answer = await client.call('ingest report', 'POST', '/api/sources', { text, language: 'en' });
        if ((answer.status === 201 || answer.status === 200) && typeof answer.body.id === 'string')
          writes.sources.push(answer.body.id);
      } else if (step === 'review' || (step === 'apply' && !draft)) {
        if (!draft) {
          const list = await client.call('list drafts', 'GET', '/api/drafts?status=pending&limit=50');
          const id = idsOf(list.body.items).find((d) => !pool.claimed.has(d));
          if (id === undefined) continue;
          pool.claimed.add(id);
          const view = await client.call('read draft', 'GET', `/api/drafts/${id}`);
          if (view.status !== 200) continue;
          draft = { id, items: (view.body.items ?? []) as Json[] };
        }
        const item = draft.items.shift();
        if (item === undefined) continue;
        const itemId = String(item.id);
        const answer = await client.call(
          'review item',
          'PATCH',
          `/api/drafts/${draft.id}/items/${itemId}`,
          decisionFor(item),
        );
        if (answer.status === 200) writes.decisions.push({ draftId: draft.id, itemId, decision: 'accept' });
      } else if (draft) {
        const id = draft.id;
        draft = undefined;
        const answer = await client.call('apply draft', 'POST', `/api/drafts/${id}/apply`, {
          acceptPending: true,
        });
        if (answer.status === 200) {
          const caseId = (answer.body.result as { caseId?: string } | undefined)?.caseId;
          writes.applied.push({ draftId: id, ...(caseId ? { caseId } : {}) });
          if (caseId) pool.add(pool.cases, [caseId]);
        }
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, (_, n) => virtualUser(n)));
  return { seconds: (performance.now() - started) / 1000, stats, writes };
}

/** Accept an item; an entity goes to the record Vigil suggests, or becomes a new one. */
function decisionFor(item: Json): Json {
  const kind = String(item.kind) as DraftItem['kind'];
  const matchId = (item.suggestion as { matchId?: string } | undefined)?.matchId;
  if (matchId) return { decision: 'accept', matchId };
  // A reply can only answer an appeal on file, never be new.
  if (!ENTITY_COLLECTIONS[kind] || kind === 'reply') return { decision: 'accept' };
  return { decision: 'accept', createNew: true };
}

function idsOf(items: unknown): string[] {
  return Array.isArray(items) ? items.map((item) => String((item as Json).id)) : [];
}
