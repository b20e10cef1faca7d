import Az, { type AzParse } from 'az';
import type { Language } from '../domain/vocabularies.js';
import { warmRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';

type Gender = 'masc' | 'femn';

/** A unit noun in any case, with its nominative singular and gender. */
interface UnitNoun {
  form: RegExp;
  nominative: string;
  gender: Gender;
  /** Forms that are plural or may be (Ukrainian "бригади" is genitive singular or plural). */
  plural: RegExp;
}

// Russian and Ukrainian unit nouns. The plural patterns list the forms a numeral governs ("3
// роты", "5 полків"), so that "109 полку" is a unit and "5 батальонов" a count of units.
const NOUNS: Record<'ru' | 'uk', UnitNoun[]> = {
  ru: [
    { form: /^рот[аыеуой]|^ротою$/, nominative: 'рота', gender: 'femn', plural: /^рот(?:ы|ам|ами|ах)?$/ },
    { form: /^батальон/, nominative: 'батальон', gender: 'masc', plural: /^батальон(?:а|ы|ов|ам|ами|ах)$/ },
    { form: /^полк/, nominative: 'полк', gender: 'masc', plural: /^полк(?:а|и|ов|ам|ами|ах)$/ },
    { form: /^бригад/, nominative: 'бригада', gender: 'femn', plural: /^бригад(?:ы|ам|ами|ах)?$/ },
    { form: /^дивизи/, nominative: 'дивизия', gender: 'femn', plural: /^дивизи(?:и|й|ям|ями|ях)$/ },
    { form: /^арми/, nominative: 'армия', gender: 'femn', plural: /^арми(?:и|й|ям|ями|ях)$/ },
    { form: /^корпус/, nominative: 'корпус', gender: 'masc', plural: /^корпус(?:а|ов|ам|ами|ах)$/ },
    { form: /^взвод/, nominative: 'взвод', gender: 'masc', plural: /^взвод(?:а|ы|ов|ам|ами|ах)$/ },
    { form: /^отряд/, nominative: 'отряд', gender: 'masc', plural: /^отряд(?:а|ы|ов|ам|ами|ах)$/ },
    { form: /^част[ьиию]/, nominative: 'часть', gender: 'femn', plural: /^част(?:и|ей|ям|ями|ях)$/ },
    { form: /^почт[аыеуой]/, nominative: 'почта', gender: 'femn', plural: /^почт(?:ы|ам|ами|ах)?$/ },
  ],
  uk: [
    { form: /^рот[аиіуою]/, nominative: 'рота', gender: 'femn', plural: /^рот(?:и|ам|ами|ах)?$/ },
    { form: /^батальйон/, nominative: 'батальйон', gender: 'masc', plural: /^батальйон(?:и|ів|ам|ами|ах)$/ },
    { form: /^полк/, nominative: 'полк', gender: 'masc', plural: /^полк(?:и|ів|ам|ами|ах)$/ },
    { form: /^бригад/, nominative: 'бригада', gender: 'femn', plural: /^бригад(?:и|ам|ами|ах)?$/ },
    { form: /^дивізі/, nominative: 'дивізія', gender: 'femn', plural: /^дивізі(?:ї|й|ям|ями|ях)$/ },
    { form: /^армі/, nominative: 'армія', gender: 'femn', plural: /^армі(?:ї|й|ям|ями|ях)$/ },
    { form: /^корпус/, nominative: 'корпус', gender: 'masc', plural: /^корпус(?:и|ів|ам|ами|ах)$/ },
    { form: /^взвод/, nominative: 'взвод', gender: 'masc', plural: /^взвод(?:и|ів|ам|ами|ах)$/ },
    { form: /^заг[оі]н/, nominative: 'загін', gender: 'masc', plural: /^загон(?:и|ів|ам|ами|ах)$/ },
    { form: /^частин/, nominative: 'частина', gender: 'femn', plural: /^частин(?:и|ам|ами|ах)?$/ },
    { form: /^пошт/, nominative: 'пошта', gender: 'femn', plural: /^пошт(?:и|ам|ами|ах)?$/ },
    { form: /^підрозділ/, nominative: 'підрозділ', gender: 'masc', plural: /^підрозділ(?:и|ів|ам|ами|ах)$/ },
    {
      form: /^спецпідрозділ/,
      nominative: 'спецпідрозділ',
      gender: 'masc',
      plural: /^спецпідрозділ(?:и|ів|ам|ами|ах)$/,
    },
  ],
};

/**
 * Abbreviated unit names written after a number ("110-та ОМБр", "752-й мсп", "93 ОМБр"): Ukrainian
 * and Russian brigade (…Бр, …бр), regiment (…п), battalion (…б) and division (…д) abbreviations.
 */
export const UNIT_ABBREVIATION =
  /^(?:о?(?:м|мп|ш|дш|гш|ае?м|а|т|п|мс|тр|сп|мт|ар|зр)?бр(?:мп|тро|сп)?|бртро|о?(?:мс|дш|пд|мп|т|а|сп)п|о?(?:мс|дш|пд|мп|т|м|ш)б|о?(?:мс|вд|т)д)$/u;
// An abbreviation is its own nominative; brigades (…бр) and divisions (…д) are feminine.
function abbreviationNoun(word: string): UnitNoun {
  const gender = /бр|д$/u.test(word.toLowerCase()) ? 'femn' : 'masc';
  return { form: /^$/, nominative: word, gender, plural: /^$/ };
}

function nounOf(word: string, lang: Language): UnitNoun | undefined {
  if (lang === 'en') return undefined;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  if (UNIT_ABBREVIATION.test(lower)) return abbreviationNoun(word);
  return NOUNS[lang].find((n) => n.form.test(lower));
}

/** Whether a word is a unit noun in a form a numeral would govern ("роты", "полків"). */
export function isCountedUnitNoun(word: string, lang: Language): boolean {
  const noun = nounOf(word, lang);
  return noun?.plural.test(word.toLowerCase().replace(/ё/g, 'е')) === true;
}

/**
 * The Ukrainian feminine ordinal ending written after digits: it repeats the end of the last
 * numeral word (перша 1-ша, друга 2-га, третя 3-тя, сьома 7-ма, сорокова 40-ва, тисячна 1000-на).
 */
function ukrainianFeminineEnding(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 19) return 'та';
  const ending = ['', 'ша', 'га', 'тя', 'та', 'та', 'та', 'ма', 'ма', 'та'][n % 10];
  if (ending) return ending;
  if (lastTwo === 40) return 'ва';
  if (lastTwo === 0 && n % 1000 === 0) return 'на';
  return 'та';
}

function ordinalDigits(number: string, gender: Gender, lang: Language): string {
  if (gender === 'masc') return `${number}-й`;
  return lang === 'uk' ? `${number}-${ukrainianFeminineEnding(Number(number))}` : `${number}-я`;
}

function withCapitalOf(original: string, form: string): string {
  return original[0] !== original[0].toLowerCase() ? form.charAt(0).toUpperCase() + form.slice(1) : form;
}

// An adjective in the nominative singular of the noun's gender; undefined when the dictionary
// does not read the word as an adjective (it is then kept as written).
function russianAdjective(word: string, gender: Gender): string | undefined {
  warmRussian();
  // Place adjectives ("Ямпольскому") are read by analogy when the dictionary lacks them.
  const adjective = (p: AzParse) => p.tag.POST === 'ADJF' || p.tag.POST === 'PRTF';
  const parses = Az.Morph(word.toLowerCase(), { stutter: 0, typos: 0 }).filter(adjective);
  const parse = parses.find((p) => p.parser === 'Dictionary') ?? parses[0];
  const form = parse?.inflect([gender, 'sing', 'nomn']);
  return form ? form.word : undefined;
}

function ukrainianAdjective(word: string, gender: Gender): string | undefined {
  const lower = word.toLowerCase();
  const lemma =
    analyzeUkrainian(lower).find((r) => !r.proper && /(?:ий|ій|їй)$/.test(r.lemma))?.lemma ??
    // A place adjective missing from the dictionary ("Ахтирському") has a hard stem.
    /^(.+(?:ськ|цьк|зьк))(?:ого|ому|им|ім|ий|ої|ій|ою|у|а)$/u.exec(lower)?.[1].concat('ий');
  if (!lemma || gender === 'masc') return lemma;
  return lemma.replace(/ий$/, 'а').replace(/[ії]й$/, 'я');
}

function adjectiveNominative(word: string, gender: Gender, lang: Language): string {
  // Compounds inflect their last part only ("десантно-штурмовой").
  const cut = word.lastIndexOf('-') + 1;
  const last = word.slice(cut);
  const form = lang === 'uk' ? ukrainianAdjective(last, gender) : russianAdjective(last, gender);
  return form ? word.slice(0, cut) + withCapitalOf(last, form) : word;
}

/**
 * The name of a unit in the nominative, as a record names it ("155-й бригады морской пехоты" →
 * "155-я бригада морской пехоты", "у 25-й бригаді" → "25-та бригада"): the ordinal, the
 * adjectives and the unit noun agree in the nominative; a complement after the noun keeps its
 * case. English names and names without a known unit noun are returned as written.
 */
export function unitNominative(name: string, lang: Language): string {
  const words = name.split(/\s+/);
  const at = words.findIndex((w) => nounOf(w, lang) !== undefined);
  if (at < 0) return name;
  const noun = nounOf(words[at], lang) as UnitNoun;
  const out = words.map((word, i) => {
    if (i > at) return word;
    if (i === at) return withCapitalOf(word, noun.nominative);
    const digits = /^(\d+)(?:-\p{L}+)?$/u.exec(word);
    if (digits) return /-/.test(word) ? ordinalDigits(digits[1], noun.gender, lang) : word;
    if (/^(?:№|No\.?|[A-ZА-ЯІ]?\d+)$/u.test(word)) return word;
    return adjectiveNominative(word, noun.gender, lang);
  });
  return out.join(' ');
}
