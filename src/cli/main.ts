import { ERROR_KINDS, VigilError } from '../domain/errors.js';
import { KeyError } from '../store/crypto/master-key.js';
import { type CliCommandEntry, type CliIo, UsageError } from './command.js';
import { commands } from './commands/index.js';
import { promptSecret } from './prompt.js';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  promptSecret,
  // A status line only where a person watches: in a log file it would be noise.
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined,
};

/** Finds the command whose path is the longest prefix of the arguments. */
function pick(argv: string[]): { entry: CliCommandEntry; rest: string[] } | undefined {
  const matches = commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length);
  const entry = matches[0];
  return entry ? { entry, rest: argv.slice(entry.path.length) } : undefined;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return `usage: vigil <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun \`vigil <command> --help\` for a command's options.\n`;
}

/** Runs the CLI and returns the exit code (0 ok, 1 failure, 2 bad usage or input). */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(overview());
    return argv.length === 0 ? 2 : 0;
  }
  const picked = pick(argv);
  if (!picked) {
    io.stderr(`vigil: unknown command "${argv.join(' ')}"; see \`vigil --help\`\n`);
    return 2;
  }
  const { entry, rest } = picked;
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`vigil ${entry.path.join(' ')}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof KeyError) {
      io.stderr(`vigil ${entry.path.join(' ')}: ${err.message}\n`);
      return 1;
    }
    if (err instanceof VigilError) {
      io.stderr(`vigil ${entry.path.join(' ')}: ${err.message}\n`);
      return ERROR_KINDS[err.kind].exit;
    }
    // A bug: print only the error's class and message, never data it may have carried.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : 'unexpected failure';
    io.stderr(`vigil ${entry.path.join(' ')}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
