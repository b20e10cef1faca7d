import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../main.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {} },
  };
}

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vigil-extract-')), 'report.txt');
  writeFileSync(path, content);
  return path;
}

test('prints the extraction as JSON and exits 0', async () => {
  const c = io();
  const code = await run(
    ['extract', file('21 men are held in a basement in Bryanka.'), '--published', '2022-11-07'],
    c.io,
  );
  assert.equal(code, 0);
  const x = JSON.parse(c.out.join(''));
  assert.equal(x.language, 'en');
  assert.equal(x.detainedCount.value, 21);
});

test('rejects bad input with one line on stderr and exit code 2', async () => {
  const cases: string[][] = [
    ['extract', file('')],
    ['extract', file(Buffer.from([0, 1, 2, 3]))],
    ['extract', file(Buffer.from([0xff, 0xfe, 0x41]))],
    ['extract', file('text'), '--lang', 'de'],
    ['extract', file('text'), '--published', '2022-13-45'],
    ['extract', '/nonexistent/report.txt'],
  ];
  for (const argv of cases) {
    const c = io();
    assert.equal(await run(argv, c.io), 2, argv.join(' '));
    assert.equal(c.err.join('').trim().split('\n').length, 1);
  }
});
