#!/usr/bin/env node
// Splits eval/corpus/pool once into a development part and a frozen test part, written to
// eval/corpus/split.json. Seeded and stratified by language and by whether a report names a
// detention site (so both parts measure sites); reports that tell the same story
// (sameStoryGroups: shared site, detainee/relative, exact day, or a recorded link) go to one
// side together. It refuses to run when split.json exists: the test part is frozen, and
// re-splitting until the numbers look good would fit the test part after all.
//
//   npm run build && node scripts/split-corpus.mjs
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { readCorpus, sameStoryGroups } = await import(join(root, 'dist/ingest/eval-corpus.js'));

const SEED = 15; // issue 15
const TEST_SHARE = 0.4;
const out = join(root, 'eval/corpus/split.json');
if (existsSync(out)) {
  console.error('eval/corpus/split.json exists: the split is frozen (see eval/corpus/README.md)');
  process.exit(2);
}

const reports = readCorpus(join(root, 'eval/corpus/pool')).map((f) => f.report);
const stratum = new Map(
  reports.map((r) => [r.id, `${r.language}${r.gold.detention_sites.length ? '+site' : ''}`]),
);
const count = (ids, key) => ids.reduce((n, id) => ({ ...n, [key.get(id)]: (n[key.get(id)] ?? 0) + 1 }), {});
const total = count(
  reports.map((r) => r.id),
  stratum,
);
const target = Object.fromEntries(Object.entries(total).map(([s, n]) => [s, Math.round(n * TEST_SHARE)]));

// Greedy over the groups, largest first (seeded order among equals): a group goes to test while
// no stratum exceeds its target, so the large multi-outlet stories are placed while there is room.
const groups = shuffled(sameStoryGroups(reports), mulberry32(SEED)).sort((a, b) => b.length - a.length);
const test = [];
for (const group of groups) {
  const have = count(test, stratum);
  if (Object.entries(count(group, stratum)).every(([s, n]) => (have[s] ?? 0) + n <= target[s]))
    test.push(...group);
}
const testSet = new Set(test);
const split = {
  seed: SEED,
  testShare: TEST_SHARE,
  frozen: 'The test part is for measuring only: no rule, cue list or model may be fitted on it.',
  dev: reports.map((r) => r.id).filter((id) => !testSet.has(id)),
  test: reports.map((r) => r.id).filter((id) => testSet.has(id)),
  groups: sameStoryGroups(reports).filter((g) => g.length > 1),
};
writeFileSync(out, `${JSON.stringify(split, null, 2)}\n`);
console.log(
  `dev ${JSON.stringify(count(split.dev, stratum))}\ntest ${JSON.stringify(count(split.test, stratum))}`,
);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(xs, random) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
