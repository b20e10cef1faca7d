import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobSchemaOf, type OpenApp, openApp } from '../../app/open-app.js';
import { insertValidRecords } from '../../app/records/record-creator.js';
import { dropPostgresSchema, type Engine } from '../../store/database.js';
import { seedAccount } from '../../testing/auth.js';
import { startVigilServer, startVigilWorker, vigilEnv } from '../../testing/cli.js';
import { syntheticPeople } from '../names.js';
import { personInput } from '../storage-bench.js';
import { LOAD_SEED, type LoadAccount } from './workload.js';

/** `vigil serve` and `vigil worker` processes on one fresh database, started for a load run. */
export interface LocalCluster {
  urls: string[];
  db: string;
  /** The environment the processes run with, for other `vigil` commands on the same database. */
  env: NodeJS.ProcessEnv;
  admin: LoadAccount;
  editor: LoadAccount;
  /**
   * Kills (SIGKILL, no goodbye) the first API process and the first worker, mid-run, and starts
   * one of each in their place; `urls` loses the dead server's address and gains the new one's.
   */
  killOneOfEach: () => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * How long a job may stay claimed before it is taken as lost and run again: a worker killed
 * mid-job leaves its jobs claimed, and the checks wait for them to be redone within the run's
 * drain time rather than the production default of five minutes.
 */
const JOB_EXPIRE_SECONDS = '10';

async function seedRecords(app: OpenApp, persons: number) {
  const next = syntheticPeople(LOAD_SEED);
  const people = Array.from({ length: persons }, () => next());
  const cases = people
    .filter((_, i) => i % 10 === 0)
    .map((p) => ({ title: `${p.latin} held in a basement`, status: 'open', confidentiality: 'restricted' }));
  await app.ctx.store.write('load:seed', async (writer) => {
    await insertValidRecords(writer, 'persons', people.map(personInput));
    await insertValidRecords(writer, 'cases', cases);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * A fresh database (a temporary SQLite file, or a schema of its own on PostgreSQL, dropped in
 * `stop`), an admin and an editor account, then `servers` API and `workers` worker processes
 * with a key of their own. Passwords are hashed with the production settings, so that sign-in
 * costs what it costs in use.
 */
export async function startCluster(options: {
  engine: Engine;
  pgUrl: string;
  servers: number;
  workers: number;
  /** Synthetic persons to seed (and a tenth as many cases), so that reads and search find records. */
  persons: number;
  log: (line: string) => void;
}): Promise<LocalCluster> {
  const key = randomBytes(32);
  const env = vigilEnv({
    VIGIL_KEY: key.toString('base64'),
    VIGIL_JOB_EXPIRE_SECONDS: JOB_EXPIRE_SECONDS,
    VIGIL_JOB_MAINTENANCE_SECONDS: '1',
  });
  let db: string;
  let drop: () => Promise<void>;
  if (options.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-load-'));
    db = join(dir, 'load.db');
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `vigil_load_${randomBytes(4).toString('hex')}`;
    const url = new URL(options.pgUrl);
    url.searchParams.set('schema', schema);
    db = url.toString();
    drop = async () => {
      await dropPostgresSchema(options.pgUrl, schema);
      await dropPostgresSchema(options.pgUrl, jobSchemaOf(schema));
    };
  }
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await drop();
  };
  try {
    const app = await openApp(db, { key });
    let admin: LoadAccount;
    let editor: LoadAccount;
    try {
      const a = await seedAccount(app.ctx, 'admin', 'load-admin');
      const e = await seedAccount(app.ctx, 'editor', 'load-editor');
      admin = { username: a.user.username, password: a.password };
      editor = { username: e.user.username, password: e.password };
      await seedRecords(app, options.persons);
    } finally {
      await app.close();
    }
    const servers = Array.from({ length: options.servers }, () => startVigilServer(db, env));
    const workers = Array.from({ length: options.workers }, () => startVigilWorker(db, env));
    children.push(...servers.map((s) => s.child), ...workers.map((w) => w.child));
    const urls = await Promise.all(servers.map((s) => s.ready));
    await Promise.all(workers.map((w) => w.ready));
    options.log(
      `load: ${options.servers} server(s) at ${urls.join(', ')} and ${options.workers} worker(s) on ${options.engine}`,
    );
    const killOneOfEach = async () => {
      const [server, worker] = [servers.shift(), workers.shift()];
      const dead = urls.shift();
      server?.child.kill('SIGKILL');
      worker?.child.kill('SIGKILL');
      const [newServer, newWorker] = [startVigilServer(db, env), startVigilWorker(db, env)];
      children.push(newServer.child, newWorker.child);
      servers.push(newServer);
      workers.push(newWorker);
      const url = await newServer.ready;
      urls.push(url);
      await newWorker.ready;
      return `killed the server at ${dead} and a worker; started a server at ${url} and a worker`;
    };
    return { urls, db, env, admin, editor, killOneOfEach, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
