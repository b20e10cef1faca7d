import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSON_ROLES_IN_REPORT } from '../domain/vocabularies.js';
import { type CorpusReport, readCorpus } from './eval-corpus.js';
import { extractReport } from './extract-report.js';
import { commonPrefix, fold } from './fold.js';
import { type RoleModel, roleFeatures } from './role-model.js';
import { buildDoc } from './text.js';
import type { PersonRole } from './types.js';

/** One annotated person: the features of its mentions and the role an annotator gave it. */
export interface RoleExample {
  features: string[];
  role: PersonRole;
}

// Additive smoothing, and the fewest examples a feature must occur in to be kept (a feature seen
// once is as likely noise as evidence, and would only grow the file).
const ALPHA = 0.5;
const MIN_COUNT = 2;

// The same person under two spellings: every word of the shorter name starts like a word of the
// longer one ("Гнедовец" ~ "Гнедовца", "Kashina" ~ "Кашина").
function samePerson(a: string, b: string): boolean {
  let [x, y] = [fold(a).split(' '), fold(b).split(' ')];
  if (x.length > y.length) [x, y] = [y, x];
  return x.every((w) => y.some((v) => commonPrefix(w, v) >= Math.min(4, w.length, v.length)));
}

/** The persons extraction finds in a report, paired with the annotated role of the same person. */
export function roleExamples(report: CorpusReport): RoleExample[] {
  const extraction = extractReport({
    content: report.text,
    published: report.published ?? undefined,
    lang: report.language,
  });
  const doc = buildDoc(extraction.text);
  const out: RoleExample[] = [];
  for (const person of extraction.persons) {
    const gold = report.gold.persons.find((g) => samePerson(g.name, person.name));
    if (gold && (PERSON_ROLES_IN_REPORT as readonly string[]).includes(gold.role))
      out.push({ features: roleFeatures(doc, person.spans, report.language), role: gold.role as PersonRole });
  }
  return out;
}

/** Trains the role model; deterministic for the same examples in any order. */
export function trainRoleModel(examples: RoleExample[], trainedOn: string): RoleModel {
  const roles = [...PERSON_ROLES_IN_REPORT] as PersonRole[];
  const perRole = roles.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const { features, role } of examples) {
    const r = roles.indexOf(role);
    perRole[r]++;
    for (const f of features) {
      const row = counts.get(f) ?? roles.map(() => 0);
      row[r]++;
      counts.set(f, row);
    }
  }
  const kept = [...counts.entries()]
    .filter(([, row]) => row.reduce((a, b) => a + b, 0) >= MIN_COUNT)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totals = roles.map((_, r) => kept.reduce((sum, [, row]) => sum + row[r], 0));
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const logLikelihood: Record<string, number[]> = {};
  for (const [f, row] of kept)
    logLikelihood[f] = row.map((c, r) => round(Math.log((c + ALPHA) / (totals[r] + ALPHA * kept.length))));
  return {
    version: 1,
    trainedOn,
    roles,
    logPrior: perRole.map((n) => round(Math.log((n + 1) / (examples.length + roles.length)))),
    logLikelihood,
  };
}

/** The role model trained on the development part of the corpus in `dir` (eval/corpus). */
export function developmentRoleModel(dir: string): RoleModel {
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as { dev: string[] };
  const dev = new Set(split.dev);
  const reports = readCorpus(join(dir, 'pool'))
    .map((f) => f.report)
    .filter((r) => dev.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const examples = reports.flatMap(roleExamples);
  return trainRoleModel(examples, `eval/corpus dev: ${reports.length} reports, ${examples.length} persons`);
}
