import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSON_ROLES_IN_REPORT } from '../domain/vocabularies.js';
import { type CorpusReport, readCorpus } from './eval-corpus.js';
import { extractReport } from './extract-report.js';
import { commonPrefix, fold } from './fold.js';
import { trainNaiveBayes } from './naive-bayes.js';
import { type RoleModel, roleFeatures } from './role-model.js';
import { buildDoc } from './text.js';
import type { PersonRole } from './types.js';

/** One annotated person: the features of its mentions and the role an annotator gave it. */
export interface RoleExample {
  features: string[];
  role: PersonRole;
}

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
  const model = trainNaiveBayes(
    examples.map((e) => ({ features: e.features, label: e.role })),
    PERSON_ROLES_IN_REPORT as readonly PersonRole[],
  );
  return { version: 1, trainedOn, ...model };
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
