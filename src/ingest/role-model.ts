import { existsSync, readFileSync } from 'node:fs';
import type { Language } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';
import type { Doc } from './text.js';
import type { PersonRole, Span } from './types.js';

/**
 * A naive Bayes classifier of a named person's role from the words around the mentions (their
 * lemmas, cut to a stem so that inflection and derivation share evidence), trained by
 * `npm run train` on the development part of eval/corpus and shipped as
 * data/models/person-role.json. Extraction asks it only when no title or kinship word beside
 * the name decides (see persons.ts).
 */
export interface RoleModel {
  version: 1;
  trainedOn: string;
  roles: PersonRole[];
  logPrior: number[];
  /** feature → log P(feature | role), one per role */
  logLikelihood: Record<string, number[]>;
}

export const ROLE_MODEL_URL = new URL('../../data/models/person-role.json', import.meta.url);

// Words within this distance of a mention, in its sentence, describe the person.
const WINDOW = 6;
const STEM = 6;
const QUOTE = /["«»“”„]/;

// The dictionary lemma (a verb's infinitive, a noun's nominative) of a Cyrillic word.
function lemmaOf(norm: string, lang: Language): string {
  if (!/\p{Script=Cyrillic}/u.test(norm)) return norm;
  if (lang === 'uk' || /[іїєґ]/.test(norm)) {
    const reading = analyzeUkrainian(norm).find((r) => r.known);
    if (reading) return reading.lemma;
  }
  return analyzeRussian(norm).find((r) => r.fromDictionary)?.lemma ?? norm;
}

function stemOf(norm: string, lang: Language): string {
  return lemmaOf(norm, lang).toLowerCase().slice(0, STEM);
}

/** The features of a person: stems of the words around every mention, the words right beside it, quotes. */
export function roleFeatures(doc: Doc, spans: Span[], lang: Language): string[] {
  const { tokens } = doc;
  const features = new Set<string>();
  for (const span of spans) {
    const first = tokens.findIndex((t) => t.start >= span.start);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].end <= span.end) last++;
    const sentence = tokens[first].sentence;
    for (let k = Math.max(0, first - WINDOW); k <= Math.min(tokens.length - 1, last + WINDOW); k++) {
      if ((k >= first && k <= last) || tokens[k].sentence !== sentence || tokens[k].num) continue;
      const stem = stemOf(tokens[k].norm, lang);
      features.add(stem);
      if (k === first - 1) features.add(`<${stem}`);
      if (k === last + 1) features.add(`>${stem}`);
    }
    if (QUOTE.test(doc.sentences[sentence].text)) features.add('"quote');
  }
  return [...features].sort();
}

let loaded: RoleModel | null | undefined;

/** The shipped model, read on first use; null when the file is absent (roles then come from rules alone). */
export function roleModel(): RoleModel | null {
  if (loaded === undefined)
    loaded = existsSync(ROLE_MODEL_URL)
      ? (JSON.parse(readFileSync(ROLE_MODEL_URL, 'utf8')) as RoleModel)
      : null;
  return loaded;
}

/** The most probable role and its posterior probability; features the model never saw are ignored. */
export function predictRole(model: RoleModel, features: string[]): { role: PersonRole; p: number } {
  const scores = model.logPrior.map((prior, r) => {
    let score = prior;
    for (const f of features) {
      const likelihood = model.logLikelihood[f];
      if (likelihood) score += likelihood[r];
    }
    return score;
  });
  const best = scores.reduce((b, s, r) => (s > scores[b] ? r : b), 0);
  const total = scores.reduce((sum, s) => sum + Math.exp(s - scores[best]), 0);
  return { role: model.roles[best], p: 1 / total };
}
