#!/usr/bin/env node
// Scores the extractor with the shared scorer (../shared/eval/score.mjs), so the figures are
// comparable with those measured on reports nobody here has seen.
//
//   npm run eval                  the annotated reports in ../shared/eval/dev
//   npm run eval -- --set dev     the development part of eval/corpus (eval/corpus/split.json)
//   npm run eval -- --set test    the frozen test part: measure only, never fit anything on it
//
// Every report is extracted in this one process (extractReport, exactly what `vigil extract FILE
// --published DATE` prints), written as ID.json, and scored by the scorer's --pred mode: once
// for the whole set (its full output; --verbose is passed on, --json FILE gets its figures) and once per
// language, summed up in a table of F1 per slot by language.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scorer = join(root, '../shared/eval/score.mjs');
const LANGUAGES = ['en', 'ru', 'uk'];

const argv = process.argv.slice(2);
const flagValue = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const set = flagValue('--set') ?? 'shared';
const jsonOut = flagValue('--json');
const passOn = argv.includes('--verbose') ? ['--verbose'] : [];
if (!['shared', 'dev', 'test'].includes(set)) {
  console.error('usage: eval.mjs [--set shared|dev|test] [--verbose] [--json FILE]');
  process.exit(2);
}

const { extractReport } = await import(join(root, 'dist/ingest/extract-report.js'));
const reports = loadSet(set);
const work = mkdtempSync(join(tmpdir(), 'vigil-eval-'));
try {
  const started = process.hrtime.bigint();
  const predicted = new Map();
  for (const report of reports) {
    try {
      const extraction = extractReport({
        content: Buffer.from(report.text),
        published: report.published ?? undefined,
      });
      predicted.set(report.id, JSON.stringify(extraction));
    } catch (err) {
      console.log(`${report.id}: extraction failed (${String(err.message).split('\n')[0]})`);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`set ${set}: ${reports.length} reports extracted in ${seconds.toFixed(2)} s`);

  const all = score('all', reports, predicted, passOn);
  process.stdout.write(all.output);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ ...all, output: undefined }, null, 2));
  const byLanguage = LANGUAGES.map((lang) => {
    const part = reports.filter((r) => r.language === lang);
    return part.length ? score(lang, part, predicted, []) : null;
  });
  printTable([['all', all], ...LANGUAGES.map((l, i) => [l, byLanguage[i]])].filter(([, x]) => x));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The reports of a set: { id, language, published, text } plus the gold file's full content. */
function loadSet(name) {
  if (name === 'shared') {
    const dir = process.env.VIGIL_EVAL_GOLD ?? join(root, '../shared/eval/dev');
    return readJsonDir(dir);
  }
  const split = JSON.parse(readFileSync(join(root, 'eval/corpus/split.json'), 'utf8'));
  const ids = new Set(split[name]);
  return readJsonDir(join(root, 'eval/corpus/pool')).filter((r) => ids.has(r.id));
}

function readJsonDir(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** Runs the shared scorer on some reports: its printed output and figures (--json plus appeal status). */
function score(label, part, predicted, extraArgs) {
  const gold = join(work, label, 'gold');
  const pred = join(work, label, 'pred');
  mkdirSync(gold, { recursive: true });
  mkdirSync(pred, { recursive: true });
  for (const r of part) {
    writeFileSync(join(gold, `${r.id}.json`), JSON.stringify(r));
    if (predicted.has(r.id)) writeFileSync(join(pred, `${r.id}.json`), predicted.get(r.id));
  }
  const json = join(work, label, 'figures.json');
  const output = execFileSync(
    process.execPath,
    [scorer, '--gold', gold, '--pred', pred, '--json', json, ...extraArgs],
    {
      encoding: 'utf8',
    },
  );
  const appealStatus = Number(/appeal status accuracy\s+([\d.]+)/.exec(output)?.[1]);
  return { ...JSON.parse(readFileSync(json, 'utf8')), appealStatus, output };
}

function printTable(columns) {
  const f = (x) => (typeof x === 'number' && !Number.isNaN(x) ? x.toFixed(3) : '  -  ');
  const line = (name, pick) => `${name.padEnd(16)}${columns.map(([, x]) => f(pick(x)).padStart(8)).join('')}`;
  console.log(`\nF1 by language (${set})`);
  console.log(`${''.padEnd(16)}${columns.map(([l, x]) => `${l}(${x.docs})`.padStart(8)).join('')}`);
  for (const slot of columns[0][1].rows.map((r) => r.slot))
    console.log(line(slot, (x) => x.rows.find((r) => r.slot === slot).f));
  console.log(line('count acc', (x) => x.count));
  console.log(line('role acc', (x) => x.role));
  console.log(line('appeal status', (x) => x.appealStatus));
  console.log(line('overall', (x) => x.overall));
}
