import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pgAvailable, TEST_PG_URL } from '../../testing/engines.js';
import { checkLocalUrl, OPERATIONS } from './workload.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

function runLoad(args: string[], timeout = 120_000) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VIGIL_BENCH_PG_URL: TEST_PG_URL },
    timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run load', () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const skip = engine === 'postgres' && !pgAvailable ? `PostgreSQL not reachable at ${TEST_PG_URL}` : false;
    test(`drives every operation against its own server and worker, and the checks pass [${engine}]`, {
      skip,
    }, () => {
      // Bounded by count, not time: the run ends after 60 requests however slow the machine is.
      const run = runLoad([
        '--engine',
        engine,
        '--concurrency',
        '2',
        '--requests',
        '60',
        '--seconds',
        '600',
        '--persons',
        '100',
      ]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const rows = new Map(
        run.stdout
          .split('\n')
          .map((line) => line.split(/\s{2,}/))
          .map((cells) => [cells[0], Number(cells[1])] as const),
      );
      for (const op of OPERATIONS) assert.ok(rows.has(op), `the table has a row for ${op}`);
      const total = rows.get('all') ?? 0;
      assert.ok(total >= 60 && total < 70, `stopped at the count bound, not ${total} requests`);
      assert.ok((rows.get('ingest report') ?? 0) > 0, 'reports were ingested');
      for (const check of [
        'every acknowledged write is present',
        'each report has exactly one draft',
        'vigil audit verify passes',
      ])
        assert.match(run.stdout, new RegExp(`^ok +${check}: `, 'm'));
    });
  }

  test('a server and a worker killed mid-run lose nothing acknowledged, and no job is lost or run twice', {
    skip: pgAvailable ? false : `PostgreSQL not reachable at ${TEST_PG_URL}`,
  }, () => {
    const run = runLoad(
      [
        '--engine',
        'postgres',
        '--servers',
        '2',
        '--workers',
        '2',
        '--concurrency',
        '4',
        '--requests',
        '120',
        '--kill-after',
        '30',
        '--seconds',
        '600',
        '--persons',
        '100',
      ],
      240_000,
    );
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    for (const check of [
      'a server and a worker killed mid-run',
      'every acknowledged write is present',
      'each report has exactly one draft',
      'vigil audit verify passes',
    ])
      assert.match(run.stdout, new RegExp(`^ok +${check}: `, 'm'));
    assert.match(run.stdout, /^ingest report +[1-9]/m, 'reports were ingested');
  });

  test('refuses any address but this machine, before sending anything', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000'])
      assert.equal(checkLocalUrl(url), new URL(url).origin);
    for (const url of ['http://10.0.0.5:8080', 'https://example.org', 'http://127.0.0.2', 'ftp://localhost/'])
      assert.throws(() => checkLocalUrl(url), /local address|http or https/);
    const run = runLoad(['--url', 'http://192.168.1.10:8080', '--seconds', '1']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /must be a local address/);
    const kill = runLoad(['--url', 'http://127.0.0.1:8080', '--kill-after', '5', '--seconds', '1']);
    assert.equal(kill.code, 2);
    assert.match(kill.stderr, /--kill-after needs the processes of its own run/);
  });
});
