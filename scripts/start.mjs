#!/usr/bin/env node
// `npm start`: the zero-setup way to run Vigil on this machine. Unless a key is configured, it
// makes ./vigil.key on the first run (keep a copy apart from the database: without it nothing
// encrypted can be read), then serves on the SQLite file ./vigil.db.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const vigil = fileURLToPath(new URL('../bin/vigil', import.meta.url));
const run = (args) => spawnSync(process.execPath, [vigil, ...args], { stdio: 'inherit' }).status ?? 1;
const configured = process.env.VIGIL_KEY || process.env.VIGIL_KEY_FILE;
const keyArgs = configured ? [] : ['--key-file', './vigil.key'];
if (!configured && !existsSync('./vigil.key')) {
  const made = run(['key', 'generate', '--out', './vigil.key']);
  if (made !== 0) process.exit(made);
  process.stderr.write(
    'made ./vigil.key — keep a copy somewhere safe; create the first admin with `vigil init --key-file ./vigil.key`\n',
  );
}
process.exit(run(['serve', ...keyArgs, ...process.argv.slice(2)]));
