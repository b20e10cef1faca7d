import { existsSync, readFileSync } from 'node:fs';
import type { Language } from '../domain/vocabularies.js';
import { featureStem } from './feature-stems.js';
import { classify, type NaiveBayesModel } from './naive-bayes.js';
import type { Doc } from './text.js';
import type { PersonRole, Span } from './types.js';

/**
 * A naive Bayes classifier of a named person's role from the words around the mentions,
 * trained by `npm run train` on the development part of eval/corpus and shipped as
 * data/models/person-role.json. Extraction asks it only when no title, kinship word or clause
 * cue decides (see persons.ts).
 */
export interface RoleModel extends NaiveBayesModel<PersonRole> {
  version: 1;
  trainedOn: string;
}

export const ROLE_MODEL_URL = new URL('../../data/models/person-role.json', import.meta.url);

// Words within this distance of a mention, in its sentence, describe the person (3 held up better
// than 6 when each dev report was left out of training in turn: 17 of 38 persons against 11).
const WINDOW = 3;
const QUOTE = /["«»“”„]/;

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
      const stem = featureStem(tokens[k].norm, lang);
      features.add(stem);
      if (k === first - 1) features.add(`<${stem}`);
      if (k === last + 1) features.add(`>${stem}`);
    }
    if (QUOTE.test(doc.sentences[sentence].text)) features.add('"quote');
  }
  return [...features].sort();
}

let loaded: RoleModel | null | undefined;

/** The shipped model, read on first use; null only before the first `npm run train`. */
export function roleModel(): RoleModel | null {
  if (loaded === undefined)
    loaded = existsSync(ROLE_MODEL_URL)
      ? (JSON.parse(readFileSync(ROLE_MODEL_URL, 'utf8')) as RoleModel)
      : null;
  return loaded;
}

/** The most probable role and its posterior probability. */
export function predictRole(model: RoleModel, features: string[]): { role: PersonRole; p: number } {
  const { label, p } = classify(model, features);
  return { role: label, p };
}
