import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The layers of DESIGN.md, lowest first: a module may import its own layer and those below it,
 * never one above. `testing` and `bench` are tools that may import anything but are never imported.
 */
const LAYERS = ['domain', 'store', 'ingest', 'app', 'http', 'cli'];
const TOOLS = ['testing', 'bench'];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  const top = relative(root, file).split('/')[0];
  return top.endsWith('.ts') ? 'root' : top;
}

test('every module imports only its own layer or the layers below it', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    if (file.endsWith('.test.ts')) continue;
    const from = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
      const to = layerOf(resolve(dirname(file), match[1]));
      if (to === from || to === 'root') continue;
      if (TOOLS.includes(from)) continue;
      if (TOOLS.includes(to)) violations.push(`${relative(root, file)} imports the ${to} tool`);
      else if (from === 'root' ? to !== 'domain' : LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
        violations.push(`${relative(root, file)} (${from}) imports ${match[1]} (${to})`);
      }
    }
  }
  assert.deepEqual(violations, []);
});
