import type { CliIo } from './command.js';
import { UsageError } from './command.js';

/**
 * A password for a command: from the environment variable `envName`, else asked on the terminal
 * (twice). Without either, a usage error (exit 2) that names the variable.
 */
export async function passwordFrom(io: CliIo, envName: string, what: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  const first = await io.promptSecret?.(`${what}: `);
  if (first === undefined) {
    throw new UsageError(`no terminal to ask for the ${what}: set ${envName}`);
  }
  const again = await io.promptSecret?.(`${what} again: `);
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}
