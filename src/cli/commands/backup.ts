import { readFile, writeFile } from 'node:fs/promises';
import { restoreBackup, writeBackup } from '../../app/transfer/backup.js';
import { loadConfig } from '../../config.js';
import { loadMasterKey } from '../../store/crypto/master-key.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

function oneFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
  return positionals[0];
}

export const backupCommand: CliCommand = {
  help: `usage: vigil backup FILE [--db URL] [--key-file FILE]

Takes a consistent snapshot while the server runs (one read transaction) of every table —
records, audit chain, original report files, drafts, accounts, grants, intake, wrapped data
keys — into FILE, sealed with an
HMAC derived from the encryption key. Encrypted fields stay encrypted. FILE must not exist.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS });
    const file = oneFile(positionals);
    const config = loadConfig(values, io.env);
    const master = loadMasterKey({ keyFile: config.keyFile }, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const content = await writeBackup(ctx.store.handle, master);
      try {
        await writeFile(file, content, { flag: 'wx', mode: 0o600 });
      } catch {
        throw new UsageError(`cannot create ${file} (does it exist already?)`);
      }
      io.stdout(`backup written to ${file} (${content.length} bytes)\n`);
      return 0;
    });
  },
};

export const restoreCommand: CliCommand = {
  help: `usage: vigil restore FILE [--db URL] [--key-file FILE]

Checks the backup's HMAC (made with the same encryption key), its row counts and its audit hash
chain, and restores it into an empty database, all or nothing. A damaged or altered backup is
refused and nothing is written.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DB_OPTIONS });
    const file = oneFile(positionals);
    const content = await readFile(file).catch(() => {
      throw new UsageError(`cannot read ${file}`);
    });
    const config = loadConfig(values, io.env);
    const master = loadMasterKey({ keyFile: config.keyFile }, io.env);
    return withApp(config, io.env, async ({ ctx }) => {
      const result = await restoreBackup(ctx, master, content);
      io.stdout(
        `restored ${Object.values(result.counts).reduce((a, b) => a + b, 0)} rows; audit chain of ${result.auditEntries} entries verified; ${result.requeued} extractions queued again\n`,
      );
      return 0;
    });
  },
};
