#!/usr/bin/env node
// Scores `bin/vigil extract` on the annotated dev reports with the shared scorer.
// The scorer's own --cmd mode cannot run (it refers to a variable outside its scope), so this
// runs the command exactly as that mode would (`CMD FILE --published DATE`), writes ID.json
// per report and lets the scorer read them with --pred. Extra arguments (--verbose, --json F)
// are passed to the scorer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const gold = process.env.VIGIL_EVAL_GOLD ?? join(root, '../shared/eval/dev');
const scorer = join(root, '../shared/eval/score.mjs');
const work = mkdtempSync(join(tmpdir(), 'vigil-eval-'));
try {
  for (const file of readdirSync(gold)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const report = JSON.parse(readFileSync(join(gold, file), 'utf8'));
    const input = join(work, `${report.id}.txt`);
    writeFileSync(input, report.text);
    const args = [
      join(root, 'bin/vigil'),
      'extract',
      input,
      ...(report.published ? ['--published', report.published] : []),
    ];
    try {
      writeFileSync(
        join(work, file),
        execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 }),
      );
    } catch (err) {
      console.log(`${report.id}: extraction failed (${String(err.message).split('\n')[0]})`);
    }
  }
  execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', work, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
