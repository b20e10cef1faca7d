import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { rotateKey } from '../../app/keys/key-rotator.js';
import { loadConfig } from '../../config.js';
import { KEY_BYTES, loadMasterKey, readKeyFile } from '../../store/crypto/master-key.js';
import { DB_OPTIONS, parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';
import { withApp } from '../with-app.js';

export const keyGenerateCommand: CliCommand = {
  help: `usage: vigil key generate --out FILE

Writes a random 32-byte key, base64 on one line, to FILE (readable by its owner only; an existing
file is never overwritten). Point VIGIL_KEY_FILE or --key-file at it. Keep a copy apart from the
database and its backups: without the key, nothing encrypted can be read again.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { out: { type: 'string' } }, false);
    if (!values.out) throw new UsageError('--out FILE is required');
    try {
      writeFileSync(values.out, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
    } catch {
      throw new UsageError(`cannot create ${values.out} (does it exist already?)`);
    }
    io.stdout(`key written to ${values.out}\n`);
    return 0;
  },
};

export const keyRotateCommand: CliCommand = {
  help: `usage: vigil key rotate --new-key-file FILE [--reencrypt] [--db URL] [--key-file FILE]

The current key comes from --key-file, VIGIL_KEY_FILE or VIGIL_KEY; the new one from FILE
(\`vigil key generate\`). The data keys are rewrapped under the new key in one transaction: the
old key then no longer opens the database. With --reencrypt, every record and intake submission
is also sealed again under a fresh data key. Stop the server first; start it with the new key.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { ...DB_OPTIONS, 'new-key-file': { type: 'string' }, reencrypt: { type: 'boolean' } },
      false,
    );
    if (!values['new-key-file']) throw new UsageError('--new-key-file FILE is required');
    const config = loadConfig(values, io.env);
    const oldKey = loadMasterKey({ keyFile: config.keyFile }, io.env);
    const newKey = readKeyFile(values['new-key-file']);
    return withApp(config, io.env, async (app) => {
      const result = await rotateKey({ app, oldKey, newKey, reencrypt: values.reencrypt === true });
      io.stdout(`rewrapped ${result.dataKeys} data keys; re-encrypted ${result.resealed} records\n`);
      return 0;
    });
  },
};
