import type { Language } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';

const STEM = 6;

// The dictionary lemma (a verb's infinitive, a noun's nominative) of a Cyrillic word.
function lemmaOf(norm: string, lang: Language): string {
  if (!/\p{Script=Cyrillic}/u.test(norm)) return norm;
  if (lang === 'uk' || /[іїєґ]/.test(norm)) {
    const reading = analyzeUkrainian(norm).find((r) => r.known);
    if (reading) return reading.lemma;
  }
  return analyzeRussian(norm).find((r) => r.fromDictionary)?.lemma ?? norm;
}

/**
 * A word as a feature of the trained models: its lemma cut to a stem, so that inflection and
 * close derivation ("держать", "держат", "удержание") share evidence.
 */
export function featureStem(norm: string, lang: Language): string {
  return lemmaOf(norm, lang).toLowerCase().slice(0, STEM);
}
