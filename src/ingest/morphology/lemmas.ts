import type { Language } from '../../domain/vocabularies.js';
import { analyzeRussian } from './russian.js';
import { analyzeUkrainian } from './ukrainian.js';

/**
 * Candidate dictionary forms of one word, most likely first, the word itself included:
 * Russian by Az.js (OpenCorpora), Ukrainian by the brown-uk Hunspell dictionary. Used to match
 * inflected place and organization names ("в Брянке" → Брянка, "у Зайцевому" → Зайцеве).
 */
export function lemmaCandidates(word: string, lang: Language, limit = 4): string[] {
  const out = [word];
  if (!/[\u0400-\u04ff]/.test(word)) return out;
  if (lang === 'uk' || /[іїєґ]/i.test(word)) {
    for (const r of analyzeUkrainian(word))
      if (out.length <= limit && !out.includes(r.lemma)) out.push(r.lemma);
  }
  if (lang !== 'uk' || out.length === 1) {
    const readings = analyzeRussian(word);
    const geo = readings.filter((r) => r.grammemes.has('Geox'));
    for (const r of [...geo, ...readings]) {
      if (out.length > limit) break;
      for (const form of [r.nominative, r.lemma]) if (!out.includes(form)) out.push(form);
    }
  }
  return out.slice(0, limit + 1);
}
