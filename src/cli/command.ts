/** What every `vigil` sub-command provides to the dispatcher. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Asks for a secret without echo; undefined when there is no terminal to ask on. */
  promptSecret?: (question: string) => Promise<string | undefined>;
  /** Rewrites a one-line status on the terminal (empty text clears it); undefined when stderr is no terminal. */
  progress?: (line: string) => void;
}

/** What a sub-command's module provides once the dispatcher has chosen it. */
export interface CliCommand {
  /** Full help text shown by `--help`. */
  help: string;
  /** Returns the process exit code: 0 success, 1 failure, 2 bad usage or input. */
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/**
 * A sub-command as the dispatcher lists it: the words and summary are known without importing
 * the module that runs it, since most modules pull in the server and the store.
 */
export interface CliCommandEntry {
  /** Words that select the command, e.g. ["audit", "verify"]. */
  path: string[];
  summary: string;
  /** Imports the command's module; called only for the command chosen. */
  load: () => Promise<CliCommand>;
}

/** Thrown for bad usage; the dispatcher prints it as one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
