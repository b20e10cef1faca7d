import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_ENV } from './keys.js';

/** The repository's `bin/vigil`, which runs the compiled CLI. */
export const VIGIL_BIN = fileURLToPath(new URL('../../bin/vigil', import.meta.url));

/**
 * The environment of a spawned `vigil`: this process's, without the operator's VIGIL_* settings
 * (an exported VIGIL_KEY_FILE or VIGIL_DB would otherwise win over the test's key and database),
 * then the test key and cheap hashing, then `env`. The test harness's own VIGIL_TEST_* stay.
 */
export function vigilEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VIGIL_') || name.startsWith('VIGIL_TEST_'),
    ),
  );
  return { ...inherited, VIGIL_LOG: 'off', ...TEST_ENV, ...env };
}

/** Runs `bin/vigil` to completion and returns its exit code and output. */
export function runVigil(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [VIGIL_BIN, ...args], {
    encoding: 'utf8',
    env: vigilEnv(env),
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `vigil serve` on a free port and resolves with its base URL once it listens. */
export function startVigilServer(db: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [VIGIL_BIN, 'serve', '--port', '0', '--db', db], {
    env: vigilEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err.split('\n')[0]}`)));
  });
  return { child, ready };
}

/** Starts `vigil worker` on a database and resolves once it reports that it takes jobs. */
export function startVigilWorker(db: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [VIGIL_BIN, 'worker', '--db', db], {
    env: vigilEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err.split('\n')[0]}`)));
  });
  return { child, ready };
}
