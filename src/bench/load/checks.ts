import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { VIGIL_BIN } from '../../testing/cli.js';
import type { AcknowledgedWrites, LoadAccount } from './workload.js';

/** One check after the run: what was checked, and what did not hold. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

type Json = Record<string, unknown>;

/** A plain JSON caller with a session, for reading back after the run (not timed). */
async function signedInCaller(base: string, account: LoadAccount) {
  const session = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (session.status !== 200) throw new Error(`check: sign-in for the read-back answered ${session.status}`);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
  return async (path: string): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
}

/**
 * After the load: every acknowledged write is there (read back by id through the API), each
 * ingested report has exactly one draft once the workers are done (no job lost or run twice),
 * and `vigil audit verify` passes on the database.
 */
export async function checkAfterLoad(options: {
  url: string;
  account: LoadAccount;
  writes: AcknowledgedWrites;
  /** The database, for `vigil audit verify`, and the environment that opens it (key). */
  db: string;
  env: NodeJS.ProcessEnv;
  /** How long the workers may still take, without progress, to draft the last reports. */
  drainSeconds: number;
  log: (line: string) => void;
}): Promise<CheckResult[]> {
  const get = await signedInCaller(options.url, options.account);
  const { writes } = options;
  const results: CheckResult[] = [];

  const missing: string[] = [];
  for (const id of writes.sources)
    if ((await get(`/api/sources/${id}`)).status !== 200) missing.push(`source ${id}`);
  const drafts = new Map<string, Json>();
  const draftOf = async (id: string) => {
    const answer = await get(`/api/drafts/${id}`);
    if (answer.status === 200) drafts.set(id, answer.body);
    return drafts.get(id);
  };
  for (const { draftId, caseId } of writes.applied) {
    const draft = await draftOf(draftId);
    if (draft?.status !== 'applied') missing.push(`apply of draft ${draftId}`);
    if (caseId && (await get(`/api/cases/${caseId}`)).status !== 200) missing.push(`case ${caseId}`);
  }
  for (const { draftId, itemId, decision } of writes.decisions) {
    const draft = drafts.get(draftId) ?? (await draftOf(draftId));
    const item = ((draft?.items ?? []) as Json[]).find((i) => i.id === itemId);
    if (item?.decision !== decision) missing.push(`decision on ${draftId}/${itemId}`);
  }
  const writeCount = writes.sources.length + writes.applied.length + writes.decisions.length;
  results.push({
    name: 'every acknowledged write is present',
    ok: missing.length === 0,
    detail: missing.length
      ? `${missing.length} of ${writeCount} missing, first: ${missing.slice(0, 5).join(', ')}`
      : `${writeCount} writes read back (${writes.sources.length} reports, ${writes.decisions.length} item decisions, ${writes.applied.length} applies)`,
  });

  // Workers may still be extracting: wait while the number of drafted reports grows.
  const draftCounts = new Map<string, number>();
  let idleSince = Date.now();
  for (;;) {
    let progressed = false;
    for (const id of writes.sources) {
      if (draftCounts.get(id)) continue;
      const list = await get(`/api/drafts?sourceId=${id}&limit=10`);
      const n = Array.isArray(list.body.items) ? list.body.items.length : 0;
      if (n > 0) {
        draftCounts.set(id, n);
        progressed = true;
      }
    }
    if (draftCounts.size === writes.sources.length) break;
    if (progressed) idleSince = Date.now();
    else if (Date.now() - idleSince > options.drainSeconds * 1000) break;
    options.log(
      `load: ${draftCounts.size} of ${writes.sources.length} reports drafted, waiting for the workers`,
    );
    await sleep(500);
  }
  // A job run twice shows as a second draft; count again now that the queue is quiet.
  for (const id of draftCounts.keys()) {
    const list = await get(`/api/drafts?sourceId=${id}&limit=10`);
    draftCounts.set(id, Array.isArray(list.body.items) ? list.body.items.length : 0);
  }
  const lost = writes.sources.filter((id) => !draftCounts.get(id));
  const twice = [...draftCounts].filter(([, n]) => n > 1).map(([id]) => id);
  results.push({
    name: 'each report has exactly one draft',
    ok: lost.length === 0 && twice.length === 0,
    detail:
      lost.length || twice.length
        ? `${lost.length} without a draft, ${twice.length} with more than one (first: ${[...lost, ...twice].slice(0, 5).join(', ')})`
        : `${writes.sources.length} reports, one draft each`,
  });

  const audit = spawnSync(process.execPath, [VIGIL_BIN, 'audit', 'verify', '--db', options.db], {
    encoding: 'utf8',
    env: options.env,
    timeout: 300_000,
  });
  results.push({
    name: 'vigil audit verify passes',
    ok: audit.status === 0,
    detail:
      audit.status === 0 ? 'chain and records intact' : (audit.stderr || audit.stdout).trim().split('\n')[0],
  });
  return results;
}
