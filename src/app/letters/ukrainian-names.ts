import { analyzeUkrainian } from '../../ingest/morphology/ukrainian.js';
import { parseEnglishUnit, type UnitAdjectiveKey, type UnitNounKey } from './english-unit-name.js';
import { regionNameRu } from './russian-names.js';

/**
 * Names and noun phrases as a Ukrainian letter needs them: bodies in the genitive after
 * "звернення до" or in the dative, units and regions given in English named in Ukrainian, and
 * the forms of "особа" and "військовослужбовець" after a number.
 */

export type UkCase = 'nomn' | 'gent' | 'datv';

type Gender = 'masc' | 'femn' | 'neut';

/** The dictionary knows `form` as a form of the common word `lemma`. */
function isFormOf(form: string, lemma: string): boolean {
  return analyzeUkrainian(form).some((r) => r.known && !r.proper && r.lemma === lemma);
}

/** The nominative adjective a word is, with its gender and whether its stem is soft (-ій). */
function adjective(word: string): { lemma: string; gender: Gender; soft: boolean } | null {
  for (const r of analyzeUkrainian(word)) {
    if (!r.known || r.proper || !/(ий|ій)$/.test(r.lemma)) continue;
    const soft = r.lemma.endsWith('ій');
    const stem = r.lemma.slice(0, -2);
    if (word === r.lemma) return { lemma: r.lemma, gender: 'masc', soft };
    if (word === stem + (soft ? 'я' : 'а')) return { lemma: r.lemma, gender: 'femn', soft };
    if (word === stem + (soft ? 'є' : 'е')) return { lemma: r.lemma, gender: 'neut', soft };
  }
  return null;
}

/** A noun in the nominative (the word is its own dictionary entry). */
function isNominativeNoun(word: string): boolean {
  return analyzeUkrainian(word).some((r) => r.known && !r.proper && r.lemma === word);
}

function adjectiveForm(word: string, gender: Gender, soft: boolean, wanted: UkCase): string {
  const stem = word.slice(0, -(gender === 'masc' ? 2 : 1));
  if (gender === 'femn') return stem + (wanted === 'gent' ? (soft ? 'ьої' : 'ої') : 'ій');
  return stem + (wanted === 'gent' ? (soft ? 'ього' : 'ого') : soft ? 'ьому' : 'ому');
}

// Before the dative -і a stem's last consonant softens: група → групі, but рука → руці.
const DATIVE_ALTERNATION: Record<string, string> = { к: 'ц', г: 'з', х: 'с' };

/** Candidate forms of a noun in a case, most usual first; the dictionary picks the right one. */
function nounCandidates(word: string, gender: Gender | undefined, wanted: UkCase): string[] {
  const last = word.slice(-1);
  const stem = word.slice(0, -1);
  if (last === 'а') {
    const dativeStem = stem.slice(0, -1) + (DATIVE_ALTERNATION[stem.slice(-1)] ?? stem.slice(-1));
    return wanted === 'gent' ? [`${stem}и`, `${stem}і`] : [`${dativeStem}і`];
  }
  if (last === 'я') {
    // управління → управління, управлінню; делегація → делегації
    if (/(.)\1я$/.test(word) && gender !== 'femn') return wanted === 'gent' ? [word] : [`${stem}ю`];
    return /[аеєиіїоуюя]я$/.test(word) ? [`${stem}ї`] : [`${stem}і`];
  }
  if (last === 'о') return wanted === 'gent' ? [`${stem}а`] : [`${stem}у`];
  if (/[бвгґджзклмнпрстфхцчшщ]$/.test(word)) {
    // загін → загону: the і of a closed last syllable opens to о or е.
    const stems = [
      word,
      word.replace(/і([^аеєиіїоуюя]+)$/, 'о$1'),
      word.replace(/і([^аеєиіїоуюя]+)$/, 'е$1'),
    ];
    const endings = wanted === 'gent' ? ['а', 'у'] : ['у', 'ові'];
    return endings.flatMap((e) => stems.map((s) => s + e));
  }
  return [];
}

function likeOriginal(original: string, form: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return form.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

function inflectPart(part: string, wanted: UkCase): string {
  const words = part.split(' ');
  const lower = words.map((w) => w.toLowerCase());
  const adjectiveAt = (i: number) => (i < words.length ? adjective(lower[i]) : null);
  const nounAt = (i: number) => i < words.length && isNominativeNoun(lower[i]);
  // The head is the first noun in the nominative; an adjective ("Уповноважений", "Слідчий") is
  // the head itself when no nominative word follows it.
  let head = -1;
  let substantive = false;
  for (let i = 0; i < words.length; i++) {
    if (adjectiveAt(i) && (adjectiveAt(i + 1) || nounAt(i + 1))) continue;
    if (nounAt(i) && !adjectiveAt(i)) head = i;
    else if (adjectiveAt(i)) {
      head = i;
      substantive = true;
    }
    break;
  }
  if (head < 0) return part;
  const gender = adjectiveAt(head > 0 ? head - 1 : head)?.gender;
  const out = [...words];
  for (let i = 0; i <= head; i++) {
    const adj = i < head || substantive ? adjectiveAt(i) : null;
    let form: string | undefined;
    if (adj) {
      form = adjectiveForm(lower[i], adj.gender, adj.soft, wanted);
      if (!isFormOf(form, adj.lemma)) return part;
    } else {
      // A word the dictionary knows no other form of ("бюро") does not decline.
      form = nounCandidates(lower[i], gender, wanted).find((c) => isFormOf(c, lower[i])) ?? lower[i];
    }
    out[i] = likeOriginal(words[i], form);
  }
  return out.join(' ');
}

/**
 * Puts a Ukrainian noun phrase in the nominative ("Державне бюро розслідувань", "Офіс
 * Генерального прокурора") into the genitive or dative: the head noun (or a substantivised
 * adjective such as "Уповноважений") and the adjectives before it; the complement after the head
 * keeps its case. Each part of a phrase with an apposition after a comma declines on its own.
 * Forms are built by the declension rules and kept only when the shipped dictionary (brown-uk)
 * knows them, so a phrase it cannot read (another script, an abbreviation) is returned unchanged.
 */
export function inflectPhraseUk(phrase: string, wanted: UkCase): string {
  if (wanted === 'nomn') return phrase;
  return phrase
    .split(', ')
    .map((part) => inflectPart(part, wanted))
    .join(', ');
}

// Ordinal endings after a figure, by the last word of the feminine ordinal: 1-ша, 2-га, 3-тя, 7-ма.
const FEMININE_ORDINAL_ENDINGS = ['та', 'ша', 'га', 'тя', 'та', 'та', 'та', 'ма', 'ма', 'та'];

function ordinal(n: number, gender: 'masc' | 'femn'): string {
  if (gender === 'masc') return `${n}-й`;
  const teen = n % 100 >= 11 && n % 100 <= 19;
  const ending = teen ? 'та' : n % 100 === 40 ? 'ва' : FEMININE_ORDINAL_ENDINGS[n % 10];
  return `${n}-${ending}`;
}

const UNIT_NOUNS: Record<UnitNounKey, { uk: string; gender: 'masc' | 'femn' }> = {
  company: { uk: 'рота', gender: 'femn' },
  platoon: { uk: 'взвод', gender: 'masc' },
  battalion: { uk: 'батальйон', gender: 'masc' },
  regiment: { uk: 'полк', gender: 'masc' },
  brigade: { uk: 'бригада', gender: 'femn' },
  division: { uk: 'дивізія', gender: 'femn' },
  army: { uk: 'армія', gender: 'femn' },
  corps: { uk: 'корпус', gender: 'masc' },
  detachment: { uk: 'загін', gender: 'masc' },
};
const UNIT_ADJECTIVES: Record<UnitAdjectiveKey, { masc: string; femn: string }> = {
  separate: { masc: 'окремий', femn: 'окрема' },
  guards: { masc: 'гвардійський', femn: 'гвардійська' },
  'motorized rifle': { masc: 'мотострілецький', femn: 'мотострілецька' },
  'motor rifle': { masc: 'мотострілецький', femn: 'мотострілецька' },
  tank: { masc: 'танковий', femn: 'танкова' },
  airborne: { masc: 'десантний', femn: 'десантна' },
  'air assault': { masc: 'десантно-штурмовий', femn: 'десантно-штурмова' },
  assault: { masc: 'штурмовий', femn: 'штурмова' },
  'naval infantry': { masc: 'морської піхоти', femn: 'морської піхоти' },
  artillery: { masc: 'артилерійський', femn: 'артилерійська' },
  rifle: { masc: 'стрілецький', femn: 'стрілецька' },
};

/** "Fifth company" → "5-та рота", "military unit 12345" → "військова частина 12345"; null if not read. */
export function unitNameUk(name: string): string | null {
  const unit = parseEnglishUnit(name);
  if (!unit) return null;
  if (unit.kind === 'military_unit') return `військова частина ${unit.number}`;
  const noun = UNIT_NOUNS[unit.noun];
  // "морської піхоти" follows the noun; the other adjectives precede it.
  const adjectives = unit.adjectives.map((a) => UNIT_ADJECTIVES[a][noun.gender]);
  const before = adjectives.filter((a) => !a.includes(' '));
  const after = adjectives.filter((a) => a.includes(' '));
  return [ordinal(unit.number, noun.gender), ...before, noun.uk, ...after].join(' ');
}

// Ukraine's regions as the gazetteer names them in English, by their Ukrainian adjective.
const UKRAINIAN_REGIONS: Record<string, string> = {
  Cherkasy: 'Черкаська',
  Chernihiv: 'Чернігівська',
  Chernivtsi: 'Чернівецька',
  Dnipropetrovsk: 'Дніпропетровська',
  Donetsk: 'Донецька',
  'Ivano-Frankivsk': 'Івано-Франківська',
  Kharkiv: 'Харківська',
  Kherson: 'Херсонська',
  Khmelnytskyi: 'Хмельницька',
  Kirovohrad: 'Кіровоградська',
  Kyiv: 'Київська',
  Luhansk: 'Луганська',
  Lviv: 'Львівська',
  Mykolaiv: 'Миколаївська',
  Odesa: 'Одеська',
  Poltava: 'Полтавська',
  Rivne: 'Рівненська',
  Sumy: 'Сумська',
  Ternopil: 'Тернопільська',
  Vinnytsia: 'Вінницька',
  Volyn: 'Волинська',
  Zakarpattia: 'Закарпатська',
  Zaporizhzhia: 'Запорізька',
  Zhytomyr: 'Житомирська',
};

/**
 * A region's Ukrainian name: "Donetsk Oblast" → "Донецька область", "Crimea" → "Автономна
 * Республіка Крим"; a Russian region by its Russian name with the Ukrainian adjective ending
 * ("Московская область" → "Московська область").
 */
export function regionNameUk(region: string): string {
  const m = /^(.+?)\s+Oblast$/i.exec(region.trim());
  if (m && UKRAINIAN_REGIONS[m[1]]) return `${UKRAINIAN_REGIONS[m[1]]} область`;
  if (region === 'Crimea') return 'Автономна Республіка Крим';
  return regionNameRu(region)
    .replace(/([сц])кая(?=\s|$)/g, '$1ька')
    .replace(/ая(?=\s|$)/g, 'а');
}

/** "особа" after a number: 1 особа, 3 особи, 21 особа, 5 осіб. */
export function personsUk(n: number): string {
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  if (last === 1 && !teen) return 'особа';
  return last >= 2 && last <= 4 && !teen ? 'особи' : 'осіб';
}

/** "особи" or "осіб" after "у кількості": у кількості 21 особи, 5 осіб. */
export function personsGenitiveUk(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'особи' : 'осіб';
}
