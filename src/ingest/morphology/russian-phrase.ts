import Az, { type AzParse } from 'az';
import { warmRussian } from './russian.js';

/** The grammatical cases a letter puts a noun phrase in. */
export type RuCase = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';

const MORPH_CONFIG = { stutter: 0, typos: 0 };
const WORD = /^[А-Яа-яЁё-]+$/;

function parses(word: string): AzParse[] {
  warmRussian();
  return Az.Morph(word, MORPH_CONFIG).filter((p) => p.parser === 'Dictionary');
}

const has = (p: AzParse, grammeme: string) => p.tag.toString().split(/[ ,]/).includes(grammeme);

/** Keeps the capitalisation of the original word ("Главная" → "Главную", "СК" stays). */
function likeOriginal(original: string, form: string): string {
  if (original === original.toUpperCase()) return form.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

/**
 * Puts a Russian noun phrase in the nominative ("Главная военная прокуратура", "Следственный
 * комитет РФ") into another case: the head noun (the first noun in the nominative) and the
 * adjectives before it agree; what follows the head ("… Южного военного округа", "РФ") is a
 * complement that keeps its own case. A phrase the dictionary cannot read is returned unchanged,
 * so a name in another script or an abbreviation is never mangled.
 */
export function inflectPhrase(phrase: string, wanted: RuCase): string {
  if (wanted === 'nomn') return phrase;
  const words = phrase.split(' ');
  const readings = words.map((w) => (WORD.test(w) ? parses(w) : []));
  const adjectiveAt = (i: number) =>
    readings[i]?.find((p) => (p.tag.POST === 'ADJF' || p.tag.POST === 'PRTF') && has(p, 'nomn'));
  const nounAt = (i: number) => readings[i]?.find((p) => p.tag.POST === 'NOUN' && has(p, 'nomn'));
  // The head is the first noun in the nominative; a word that may be either ("Главное",
  // "Уполномоченный") is an adjective while a nominative word follows it.
  let head = -1;
  let substantive = false;
  for (let i = 0; i < words.length; i++) {
    const next = i + 1 < words.length && Boolean(adjectiveAt(i + 1) || nounAt(i + 1));
    if (adjectiveAt(i) && next) continue;
    if (nounAt(i)) head = i;
    else if (adjectiveAt(i)) {
      head = i;
      substantive = true;
    }
    break;
  }
  if (head < 0) return phrase;
  const headParse = (substantive ? adjectiveAt(head) : nounAt(head)) as AzParse;
  const number = has(headParse, 'plur') ? 'plur' : 'sing';
  const gender = ['masc', 'femn', 'neut'].find((g) => has(headParse, g));
  // A substantivised adjective heading an addressee ("Уполномоченный …") names a person.
  const animacy = substantive || has(headParse, 'anim') ? 'anim' : 'inan';
  const agreement = number === 'plur' || !gender ? [wanted, 'plur'] : [wanted, gender, 'sing'];
  // Masculine and plural adjectives in the accusative follow the noun's animacy.
  if (wanted === 'accs' && (number === 'plur' || gender === 'masc')) agreement.push(animacy);
  const out = [...words];
  for (let i = 0; i <= head; i++) {
    const form =
      i === head && !substantive ? headParse.inflect([wanted, number]) : adjectiveAt(i)?.inflect(agreement);
    if (!form) return phrase;
    out[i] = likeOriginal(words[i], form.word);
  }
  return out.join(' ');
}
