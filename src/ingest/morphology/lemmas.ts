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
  // Town names in -ськ/-цьк/-зьк (-ск/-цк) inflect like adjectives' stems, and the dictionaries read
  // "Луганську", "Донецька" as forms of the adjectives; the bare town name is restored first.
  const town = /^(\p{Lu}\p{L}+(?:ськ|цьк|зьк|ск|цк))(?:у|а|ом|ові|е|ом)$/u.exec(word);
  if (town) out.push(town[1]);
  // The Ukrainian locative in -і of a masculine town name in -ов/-ів the dictionary lacks ("у
  // Ростові", "у Харкові"): the stem, and the stem with its closed syllable's о as і (Харків).
  const uLoc = /^(\p{Lu}\p{L}+в)і$/u.exec(word);
  if (uLoc)
    for (const stem of [uLoc[1], uLoc[1].replace(/о(\p{L})$/u, 'і$1')])
      if (!out.includes(stem)) out.push(stem);
  // A compound town name inflects its first word only ("Ростові-на-Дону", "Ростове-на-Дону").
  const compound = /^(\p{Lu}\p{L}+)(-(?:на|над|у|в|по)-\p{Lu}\p{L}+)$/u.exec(word);
  if (compound)
    for (const first of lemmaCandidates(compound[1], lang, limit).slice(1))
      if (!out.includes(first + compound[2])) out.push(first + compound[2]);
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
