import { performance } from 'node:perf_hooks';
import {
  nameTerms,
  PERSON_MATCH_THRESHOLD,
  type PersonFeatures,
  placeKey,
  scorePersons,
} from '../app/resolution/person-similarity.js';
import { random, syntheticPeople } from './names.js';
import type { BenchRow } from './table.js';

const TOWNS = Array.from(
  { length: 80 },
  (_, i) => `Town${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}ovo`,
);

/** A Russian genitive as reports write it ("Кашина Алексея"); rough, as a journalist's copy is. */
function genitive(word: string): string {
  if (/й$/.test(word)) return `${word.slice(0, -1)}я`;
  if (/ь$/.test(word)) return `${word.slice(0, -1)}я`;
  if (/а$/.test(word)) return `${word.slice(0, -1)}ы`;
  if (/я$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) return `${word}а`;
  return word;
}

interface Row {
  truth: number;
  name: string;
  birthYear?: number;
  hometown?: string;
  features: PersonFeatures;
}

/**
 * Entity resolution over synthetic persons: `persons` records, two per real person, each written
 * one of five ways (Cyrillic, two romanizations, surname first, genitive), with a birth year in
 * 85% and a hometown in 60% of records. Blocking on the folded first two name terms, then on
 * birth year or hometown; pairs scored by the same `scorePersons` the review uses, linked at its
 * suggestion threshold. Prints time, and pairwise precision and recall against the truth.
 */
export function benchResolution(options: { persons: number; log: (line: string) => void }): BenchRow[] {
  const next = syntheticPeople(4242);
  const rnd = random(99);
  const rows: Row[] = [];
  const identities = Math.floor(options.persons / 2);
  for (let t = 0; t < identities; t++) {
    const p = next();
    const town = TOWNS[Math.floor(rnd() * TOWNS.length)];
    const [first, last] = p.cyrillic.split(' ');
    const forms = [
      p.cyrillic,
      p.latin,
      p.latinVariant,
      `${last} ${first}`,
      `${genitive(last)} ${genitive(first)}`,
    ];
    for (let copy = 0; copy < 2; copy++) {
      const row: Row = { truth: t, name: forms[Math.floor(rnd() * forms.length)], features: { names: [] } };
      if (rnd() < 0.85) row.birthYear = p.birthYear;
      if (rnd() < 0.6) row.hometown = town;
      rows.push(row);
    }
  }
  options.log(`resolution: ${rows.length} synthetic person records generated; resolving…`);
  const started = performance.now();
  // Folding and stemming every name is part of the work measured.
  for (const row of rows) {
    row.features = { names: [nameTerms(row.name)] };
    if (row.birthYear !== undefined) row.features.birthYear = row.birthYear;
    if (row.hometown) row.features.hometown = placeKey(row.hometown);
  }
  const parent = Int32Array.from({ length: rows.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const key = [...rows[i].features.names[0]].slice(0, 2).sort().join(' ');
    const list = blocks.get(key) ?? [];
    if (list.length === 0) blocks.set(key, list);
    list.push(i);
  }
  // What each cluster knows; two clusters whose birth years or hometowns differ are never joined,
  // so a record without a year cannot chain namesakes of different years into one person.
  const clusterYear = Int32Array.from(rows, (r) => r.birthYear ?? 0);
  const clusterTown = rows.map((r) => r.features.hometown ?? '');
  let compared = 0;
  const link = (a: number, b: number) => {
    compared++;
    if (scorePersons(rows[a].features, rows[b].features).score < PERSON_MATCH_THRESHOLD) return;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (clusterYear[ra] && clusterYear[rb] && clusterYear[ra] !== clusterYear[rb]) return;
    if (clusterTown[ra] && clusterTown[rb] && clusterTown[ra] !== clusterTown[rb]) return;
    parent[ra] = rb;
    clusterYear[rb] ||= clusterYear[ra];
    clusterTown[rb] ||= clusterTown[ra];
  };
  for (const members of blocks.values()) {
    // Within a name block only pairs that can reach the threshold are scored: the same birth year,
    // or (a record without a year) the same hometown.
    const byYear = new Map<number, number[]>();
    const byTown = new Map<string, number[]>();
    for (const i of members) {
      const f = rows[i].features;
      if (f.birthYear !== undefined) byYear.set(f.birthYear, [...(byYear.get(f.birthYear) ?? []), i]);
      if (f.hometown) byTown.set(f.hometown, [...(byTown.get(f.hometown) ?? []), i]);
    }
    for (const group of byYear.values())
      for (let x = 0; x < group.length; x++)
        for (let y = x + 1; y < group.length; y++) link(group[x], group[y]);
    for (const group of byTown.values())
      for (let x = 0; x < group.length; x++)
        for (let y = x + 1; y < group.length; y++)
          if (
            rows[group[x]].features.birthYear === undefined ||
            rows[group[y]].features.birthYear === undefined
          )
            link(group[x], group[y]);
  }
  const seconds = (performance.now() - started) / 1000;
  // Pairwise precision and recall: pairs in one predicted cluster vs pairs of one real person.
  const clusters = new Map<number, Map<number, number>>();
  for (let i = 0; i < rows.length; i++) {
    const root = find(i);
    const byTruth = clusters.get(root) ?? new Map<number, number>();
    clusters.set(root, byTruth);
    byTruth.set(rows[i].truth, (byTruth.get(rows[i].truth) ?? 0) + 1);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const byTruth of clusters.values()) {
    let size = 0;
    for (const n of byTruth.values()) {
      size += n;
      correct += pairs(n);
    }
    predicted += pairs(size);
  }
  const truthPairs = identities;
  const precision = predicted ? correct / predicted : 1;
  const recall = correct / truthPairs;
  options.log(`resolution: ${compared} pairs scored in ${seconds.toFixed(1)} s`);
  const label = `${(rows.length / 1e6).toFixed(rows.length >= 1e6 ? 0 : 2)}M persons`;
  return [
    { engine: 'memory', metric: `entity resolution, ${label} (target < 60 s)`, unit: 's', vigil: seconds },
    { engine: 'memory', metric: 'entity resolution pairwise precision', unit: '%', vigil: precision * 100 },
    { engine: 'memory', metric: 'entity resolution pairwise recall', unit: '%', vigil: recall * 100 },
  ];
}
