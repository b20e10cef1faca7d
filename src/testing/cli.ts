import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_ENV } from './keys.js';

/** The repository's `bin/vigil`, which runs the compiled CLI. */
export const VIGIL_BIN = fileURLToPath(new URL('../../bin/vigil', import.meta.url));

/** Runs `bin/vigil` to completion and returns its exit code and output. */
export function runVigil(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [VIGIL_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VIGIL_LOG: 'off', ...TEST_ENV, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `vigil serve` on a free port and resolves with its base URL once it listens. */
export function startVigilServer(db: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [VIGIL_BIN, 'serve', '--port', '0', '--db', db], {
    env: { ...process.env, VIGIL_LOG: 'off', ...TEST_ENV, ...env },
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
