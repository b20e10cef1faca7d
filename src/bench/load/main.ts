import { parseArgs } from 'node:util';
import { type CheckResult, checkAfterLoad } from './checks.js';
import { startCluster } from './cluster.js';
import { renderChecks, renderLoadTable } from './report.js';
import { checkLocalUrl, type LoadAccount, runWorkload } from './workload.js';

const HELP = `usage: npm run load -- [--url http://127.0.0.1:PORT]... [--db URL] [--engine sqlite|postgres] [--servers N] [--workers M] [--persons P] [--concurrency C] [--seconds S] [--requests N] [--drain-seconds S] [--kill-after N]

Drives a mixed workload (sign-in, reads of cases and persons by id, lists, search, ingest of
reports, review of draft items and apply) with C virtual users (default 8) for S seconds
(default 10) or N requests, whichever ends first, then checks that every acknowledged write is
there, that each ingested report has exactly one draft (no job lost or run twice) and that
\`vigil audit verify\` passes. Prints per operation throughput, latency p50/p95/p99 and errors
by status; exits 1 when a check fails.

Without --url it starts its own: a fresh database on --engine (default sqlite; PostgreSQL at
VIGIL_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test, in a schema of its own that
is dropped after), an admin and an editor account, --persons
synthetic persons (default 1000) and a tenth as many cases, --servers \`vigil serve\` (default 1) and
--workers \`vigil worker\` processes (default 1), stopped after the run. --kill-after N kills the first
server and the first worker once N requests were sent (SIGKILL, mid-request and mid-job) and starts
one of each in their place; virtual users whose server stops answering move to another, and the
checks then show whether anything acknowledged was lost or any job lost or run twice.

With --url (repeatable; local addresses only) it loads running servers: --db names their
database for the checks, VIGIL_KEY or VIGIL_KEY_FILE opens it, and VIGIL_LOAD_USER and
VIGIL_LOAD_PASSWORD give an account that may ingest and review (an editor or admin). Their
workers must be running. --drain-seconds (default 60): how long the checks wait for workers
that make no progress before counting undrafted reports as lost.`;

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', multiple: true },
      db: { type: 'string' },
      engine: { type: 'string', default: 'sqlite' },
      servers: { type: 'string', default: '1' },
      workers: { type: 'string', default: '1' },
      persons: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '10' },
      requests: { type: 'string' },
      'drain-seconds': { type: 'string', default: '60' },
      'kill-after': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const load = {
    concurrency: positive('concurrency', values.concurrency),
    seconds: positive('seconds', values.seconds),
    requests:
      values.requests === undefined ? Number.POSITIVE_INFINITY : positive('requests', values.requests),
  };
  const drainSeconds = positive('drain-seconds', values['drain-seconds']);

  let urls: string[];
  let accounts: LoadAccount[];
  let db: string;
  let env: NodeJS.ProcessEnv;
  let stop = async () => {};
  let killOneOfEach: (() => Promise<string>) | undefined;
  const killAfter =
    values['kill-after'] === undefined ? undefined : positive('kill-after', values['kill-after']);
  if (values.url?.length) {
    if (killAfter !== undefined)
      throw new Error('--kill-after needs the processes of its own run, not --url');
    urls = values.url.map(checkLocalUrl);
    const username = process.env.VIGIL_LOAD_USER;
    const password = process.env.VIGIL_LOAD_PASSWORD;
    if (!username || !password) throw new Error('with --url, set VIGIL_LOAD_USER and VIGIL_LOAD_PASSWORD');
    if (!values.db) throw new Error('with --url, --db names the database the checks read');
    accounts = [{ username, password }];
    db = values.db;
    env = process.env;
  } else {
    if (values.engine !== 'sqlite' && values.engine !== 'postgres')
      throw new Error('--engine must be sqlite or postgres');
    const cluster = await startCluster({
      engine: values.engine,
      pgUrl: process.env.VIGIL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      servers: positive('servers', values.servers),
      workers: positive('workers', values.workers),
      persons: positive('persons', values.persons),
      log,
    });
    ({ urls, db, env, stop, killOneOfEach } = cluster);
    accounts = [cluster.editor, cluster.admin];
  }
  try {
    log(`load: ${load.concurrency} virtual users on ${urls.length} server(s) for ${load.seconds} s`);
    let killed: Promise<CheckResult> | undefined;
    const kill = killOneOfEach;
    const killing =
      killAfter === undefined || !kill
        ? undefined
        : {
            requests: killAfter,
            run: () => {
              killed = kill().then(
                (detail) => ({ name: 'a server and a worker killed mid-run', ok: true, detail }),
                (err: unknown) => ({
                  name: 'a server and a worker killed mid-run',
                  ok: false,
                  detail: `their successors did not start: ${err instanceof Error ? err.message : String(err)}`,
                }),
              );
            },
          };
    const result = await runWorkload({ urls, accounts, ...load, ...(killing ? { after: killing } : {}) });
    // The successors are up before the checks read back through them.
    const mid = killed ? await killed : undefined;
    process.stdout.write(`${renderLoadTable(result)}\n\n`);
    const checks = await checkAfterLoad({
      url: urls[0],
      account: accounts[accounts.length - 1],
      writes: result.writes,
      db,
      env,
      drainSeconds,
      log,
    });
    if (mid) checks.unshift(mid);
    process.stdout.write(`${renderChecks(checks)}\n`);
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`load: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
