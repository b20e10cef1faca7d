import { openApp } from '../app/open-app.js';
import { AccessScope } from '../app/policies/access-scope.js';
import { importTable } from '../app/table-import/table-importer.js';
import type { ImportReport } from '../domain/schemas/table-import.js';
import { TEST_KEY, TEST_SETTINGS } from '../testing/keys.js';
import { buildCsv } from '../testing/table-files.js';
import { type Man, menOf } from './matching-population.js';
import { drawVariant, newManRow, storedRow, VARIANTS, variantRow } from './matching-variants.js';
import { random } from './names.js';
import { freshDatabase } from './storage-bench.js';
import type { BenchRow } from './table.js';

const HEADERS = ['ФИО', 'Дата рождения', 'Город', 'Воинская часть'];
const COLUMNS = { fullName: 'ФИО', birthDate: 'Дата рождения', hometown: 'Город', unit: 'Воинская часть' };

/** What happened to the second list's rows of one kind. */
interface Tally {
  rows: number;
  /** Linked to the right stored man. */
  right: number;
  /** Linked to another man: the error that tells a relative about a stranger. */
  wrong: number;
  /** Created as a new man although he is stored. */
  again: number;
  /** Sent to review; and of those, how many list the right man among the candidates. */
  review: number;
  shown: number;
  /** Rows of men stored already (the denominator of recall). */
  stored: number;
}

const empty = (): Tally => ({ rows: 0, right: 0, wrong: 0, again: 0, review: 0, shown: 0, stored: 0 });

export interface ResolutionBenchOptions {
  /** Men the first organization's list holds (imported first). */
  men: number;
  /** Rows of the second list: 70% of them men of the first list, 30% new men. */
  rows: number;
  seeds: number[];
  log: (line: string) => void;
}

/**
 * Person matching measured through the table import, as a user meets it: the first
 * organization's list of `men` men (realistic name frequencies, so many namesakes) is imported,
 * then the second list's dry run is compared with the truth: 70% of its rows are stored men
 * written another way (one variant kind per row), 30% new men, half of those namesakes of stored
 * men. Per variant kind: rows linked to the right man, linked to another man (wrong merges),
 * created again, and sent to review (with the right man among the candidates shown or not).
 * The first import also shows how many different men the within-file check dropped.
 */
export async function benchResolution(
  o: ResolutionBenchOptions,
): Promise<{ rows: BenchRow[]; table: string }> {
  const byVariant = new Map<string, Tally>();
  let dropped = 0;
  for (const seed of o.seeds) {
    const result = await runSeed(seed, o);
    dropped += result.dropped;
    for (const [variant, t] of result.tallies) {
      const sum = byVariant.get(variant) ?? empty();
      for (const k of Object.keys(t) as Array<keyof Tally>) sum[k] += t[k];
      byVariant.set(variant, sum);
    }
  }
  const total = empty();
  for (const t of byVariant.values()) for (const k of Object.keys(t) as Array<keyof Tally>) total[k] += t[k];
  const precision = (t: Tally) => (t.right + t.wrong ? t.right / (t.right + t.wrong) : 1);
  const recall = (t: Tally) => (t.stored ? t.right / t.stored : 1);
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [
    'variant             rows  right  wrong  again  review(right shown)  precision  recall',
    ...[...VARIANTS, 'new_man', 'new_namesake', 'all'].flatMap((v) => {
      const t = v === 'all' ? total : byVariant.get(v);
      if (!t) return [];
      return [
        [
          v.padEnd(18),
          String(t.rows).padStart(5),
          String(t.right).padStart(6),
          String(t.wrong).padStart(6),
          String(t.again).padStart(6),
          `${t.review} (${t.shown})`.padStart(20),
          pct(precision(t)).padStart(10),
          (t.stored ? pct(recall(t)) : '-').padStart(7),
        ].join(' '),
      ];
    }),
    `within-file check of the first lists: ${dropped} different men dropped as duplicates`,
  ];
  const label = `${o.men} men + ${o.rows} rows, ${o.seeds.length} seeds`;
  return {
    table: `person matching per variant kind (${label}), % of links:\n${lines.join('\n')}`,
    rows: [
      {
        engine: 'sqlite',
        metric: `person matching precision (${label})`,
        unit: '%',
        vigil: 100 * precision(total),
      },
      {
        engine: 'sqlite',
        metric: `person matching recall (${label})`,
        unit: '%',
        vigil: 100 * recall(total),
      },
      {
        engine: 'sqlite',
        metric: `person matching: men merged into another man (${label})`,
        unit: 'rows',
        vigil: total.wrong,
      },
      {
        engine: 'sqlite',
        metric: `person matching: sent to review (${label})`,
        unit: 'rows',
        vigil: total.review,
      },
      {
        engine: 'sqlite',
        metric: `within-file check: different men dropped (${label})`,
        unit: 'men',
        vigil: dropped,
      },
    ],
  };
}

async function runSeed(
  seed: number,
  o: ResolutionBenchOptions,
): Promise<{ tallies: Map<string, Tally>; dropped: number }> {
  const target = await freshDatabase('sqlite', '');
  const app = await openApp(target.url, { key: TEST_KEY, settings: TEST_SETTINGS });
  try {
    const { next, namesakeOf } = menOf(seed);
    const rnd = random(seed + 1);
    const men: Man[] = Array.from({ length: o.men }, next);
    const run = (rows: string[][], system: string, dryRun: boolean) =>
      importTable({
        ctx: app.ctx,
        actor: { id: 'bench' },
        scope: AccessScope.system(app.ctx),
        bytes: buildCsv([HEADERS, ...rows], { delimiter: ';' }),
        fileName: `${system}.csv`,
        mapping: { system, columns: COLUMNS },
        dryRun,
        maxBytes: 1024 * 1024 * 1024,
        window: { offset: 0, limit: rows.length + 1 },
      });
    const first = await run(men.map(storedRow), `first-${seed}`, false);
    const idOf = new Map<number, string>();
    let dropped = 0;
    for (const r of first.rows) {
      if (r.outcome === 'created' && r.personId) idOf.set(r.row - 2, r.personId);
      else dropped++;
    }
    o.log(`  resolution seed ${seed}: ${idOf.size} of ${o.men} men stored (${dropped} not created)`);
    const truth: Array<{ man?: number; variant: string }> = [];
    const rows: string[][] = [];
    const sameMen = Math.min(men.length, Math.round(o.rows * 0.7));
    // Each stored man at most once: a second row of him would be the list's own duplicate.
    const picked = men.map((_, i) => i);
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    for (let i = 0; i < o.rows; i++) {
      if (i < sameMen) {
        const m = picked[i];
        const variant = drawVariant(rnd);
        rows.push(variantRow(men[m], variant, rnd, men[Math.floor(rnd() * men.length)].unit));
        truth.push({ man: m, variant });
      } else if (rnd() < 0.5) {
        rows.push(newManRow(namesakeOf(men[Math.floor(rnd() * men.length)]), rnd));
        truth.push({ variant: 'new_namesake' });
      } else {
        rows.push(newManRow(next(), rnd));
        truth.push({ variant: 'new_man' });
      }
    }
    // Rows in a shuffled order, as a real list is not sorted by how hard a row is.
    const order = rows.map((_, i) => i).sort(() => rnd() - 0.5);
    const second = await run(
      order.map((i) => rows[i]),
      `second-${seed}`,
      true,
    );
    return { tallies: tally(second, order, truth, idOf), dropped };
  } finally {
    await app.close();
    await target.drop();
  }
}

function tally(
  report: ImportReport,
  order: number[],
  truth: Array<{ man?: number; variant: string }>,
  idOf: Map<number, string>,
): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of report.rows) {
    const { man, variant } = truth[order[r.row - 2]];
    const t = out.get(variant) ?? empty();
    out.set(variant, t);
    t.rows++;
    // A man the first import dropped is not stored: his rows count as new men.
    const expected = man === undefined ? undefined : idOf.get(man);
    if (expected) t.stored++;
    if ((r.outcome === 'updated' || r.outcome === 'unchanged') && r.personId) {
      if (r.personId === expected) t.right++;
      else t.wrong++;
    } else if (r.outcome === 'created') {
      if (expected) t.again++;
    } else if (r.outcome === 'ambiguous') {
      t.review++;
      if (expected && r.candidates?.some((c) => c.id === expected)) t.shown++;
    }
  }
  return out;
}
