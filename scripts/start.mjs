#!/usr/bin/env node
// `npm start`: the zero-setup way to run Vigil on this machine. Unless a key is configured, it
// makes ./vigil.key on the first run (keep a copy apart from the database: without it nothing
// encrypted can be read). While the database has no users it creates the first admin, asking for
// the password on the terminal (or taking VIGIL_ADMIN_PASSWORD), then serves on ./vigil.db.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const vigil = fileURLToPath(new URL('../bin/vigil', import.meta.url));
const run = (args) => spawnSync(process.execPath, [vigil, ...args], { stdio: 'inherit' }).status ?? 1;
const configured = process.env.VIGIL_KEY || process.env.VIGIL_KEY_FILE;
const keyArgs = configured ? [] : ['--key-file', './vigil.key'];
const serveArgs = process.argv.slice(2);
if (!configured && !existsSync('./vigil.key')) {
  const made = run(['key', 'generate', '--out', './vigil.key']);
  if (made !== 0) process.exit(made);
  process.stderr.write('made ./vigil.key — keep a copy somewhere safe\n');
}
// `init` does nothing once users exist; it can only ask for a password on a terminal.
if (process.stdin.isTTY || process.env.VIGIL_ADMIN_PASSWORD) {
  const dbArgs = serveArgs.includes('--db') ? ['--db', serveArgs[serveArgs.indexOf('--db') + 1]] : [];
  const ready = run(['init', ...keyArgs, ...dbArgs]);
  if (ready !== 0) process.exit(ready);
} else {
  process.stderr.write(
    'no terminal to ask for a password: if this database has no admin yet, create one with `VIGIL_ADMIN_PASSWORD=… bin/vigil init --key-file ./vigil.key`\n',
  );
}
process.exit(run(['serve', ...keyArgs, ...serveArgs]));
