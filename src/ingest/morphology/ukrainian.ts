import { readFileSync } from 'node:fs';
import { indexText, loadIndex } from '../built-index.js';

/**
 * Ukrainian lemmatisation with the Hunspell dictionary of the brown-uk project (npm
 * `dictionary-uk`, GPL-3.0): a word form is reduced to a dictionary entry by undoing one
 * suffix rule of the entry's flags, as Hunspell itself does. Words the dictionary lacks
 * (rare surnames, small villages) get a lemma by analogy: the suffix rule whose flag is most
 * common among dictionary entries with the same ending.
 */

interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
}

interface UkDictionary {
  /** The flags of a dictionary entry, or undefined for a word that is none. */
  flagsOf: (word: string) => string | undefined;
  rulesByAdd: Map<string, SuffixRule[]>;
  maxAdd: number;
  /** ending (last 3 letters of a capitalised entry) → flag → number of entries */
  analogy: (ending: string) => Map<string, number> | undefined;
}

/** One reading of a Ukrainian word form. */
export interface UkReading {
  lemma: string;
  /** The lemma is a dictionary entry (not a guess by analogy). */
  known: boolean;
  /** The entry is capitalised in the dictionary: a proper noun. */
  proper: boolean;
  support: number;
}

let dictionary: UkDictionary | null = null;
const cache = new Map<string, UkReading[]>();

const DICTIONARY = new URL('./', import.meta.resolve('dictionary-uk'));
/** The dictionary's word list, one entry and its suffix flags a line. */
export const DICTIONARY_FILE = new URL('index.dic', DICTIONARY);
/** Where the build writes the entries and analogies read from index.dic: next to this module in dist/. */
export const UKRAINIAN_INDEX_FILE = new URL('./ukrainian-index.txt', import.meta.url);

function load(): UkDictionary {
  if (dictionary) return dictionary;
  const aff = readFileSync(new URL('index.aff', DICTIONARY), 'utf8');
  const rulesByAdd = new Map<string, SuffixRule[]>();
  let maxAdd = 0;
  for (const line of aff.split('\n')) {
    const m = /^SFX (\S+) (\S+) (\S+)(?:\/\S*)? (\S+)/.exec(line);
    if (!m) continue;
    const [, flag, strip, add, cond] = m;
    const rule: SuffixRule = {
      flag,
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      condition: new RegExp(`${cond === '.' ? '' : cond}$`, 'u'),
    };
    const list = rulesByAdd.get(rule.add) ?? [];
    list.push(rule);
    rulesByAdd.set(rule.add, list);
    maxAdd = Math.max(maxAdd, rule.add.length);
  }
  // The 320,000 entries of index.dic take most of a second to parse: the build indexes them once.
  const dic = readFileSync(DICTIONARY_FILE);
  const [entries, analogies] = loadIndex(UKRAINIAN_INDEX_FILE, indexSources(dic), () =>
    buildUkrainianIndex(dic),
  );
  const analogy = new Map<string, Map<string, number> | undefined>();
  dictionary = {
    flagsOf: (word) => entries.get(word),
    rulesByAdd,
    maxAdd,
    analogy(ending) {
      if (!analogy.has(ending)) {
        const counts = analogies.get(ending);
        analogy.set(ending, counts === undefined ? undefined : new Map(JSON.parse(counts)));
      }
      return analogy.get(ending);
    },
  };
  return dictionary;
}

// What the index is made from: the dictionary and this module's compiled code, which reads it.
const indexSources = (dic: Buffer) => [
  dic,
  ...[import.meta.url, '../built-index.js'].map((m) => readFileSync(new URL(m, import.meta.url))),
];

/** The index of index.dic: its entries ("word\tflags", a word's lines merged), then the analogies by ending. */
export function buildUkrainianIndex(dic: Buffer): string {
  const entries = new Map<string, string>();
  const analogy = new Map<string, Map<string, number>>();
  for (const line of dic.toString('utf8').split('\n')) {
    const slash = line.indexOf('/');
    const word = (slash >= 0 ? line.slice(0, slash) : line).trim();
    if (!word) continue;
    const flags = slash >= 0 ? line.slice(slash + 1).trim() : '';
    entries.set(word, (entries.get(word) ?? '') + flags);
    if (word[0] !== word[0].toLowerCase() && word.length > 3) {
      const ending = word.slice(-3);
      const byFlag = analogy.get(ending) ?? new Map<string, number>();
      for (const f of flags) byFlag.set(f, (byFlag.get(f) ?? 0) + 1);
      byFlag.set('', (byFlag.get('') ?? 0) + 1);
      analogy.set(ending, byFlag);
    }
  }
  return indexText(indexSources(dic), [
    [...entries].map(([word, flags]) => `${word}\t${flags}`),
    [...analogy].map(([ending, byFlag]) => `${ending}\t${JSON.stringify([...byFlag])}`),
  ]);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Readings of a Ukrainian word form, dictionary entries first, then guesses; cached. */
export function analyzeUkrainian(form: string): UkReading[] {
  const hit = cache.get(form);
  if (hit) return hit;
  const d = load();
  const word = form.replace(/[’ʼ`]/g, "'");
  const lower = word.toLowerCase();
  const cap = capitalize(lower);
  const known: UkReading[] = [];
  const guessed: UkReading[] = [];
  const seen = new Set<string>();
  const push = (lemma: string, proper: boolean, isKnown: boolean, support: number) => {
    if (seen.has(lemma)) return;
    seen.add(lemma);
    (isKnown ? known : guessed).push({ lemma, known: isKnown, proper, support });
  };
  for (const candidate of [lower, cap])
    if (d.flagsOf(candidate) !== undefined) push(candidate, candidate === cap, true, 1000);
  for (let k = 0; k <= Math.min(d.maxAdd, lower.length - 2); k++) {
    const add = lower.slice(lower.length - k);
    for (const rule of d.rulesByAdd.get(add) ?? []) {
      const stem = lower.slice(0, lower.length - k) + rule.strip;
      if (!rule.condition.test(stem)) continue;
      for (const candidate of [stem, capitalize(stem)]) {
        const flags = d.flagsOf(candidate);
        if (flags?.includes(rule.flag)) push(candidate, candidate !== stem, true, 1000);
      }
      if (known.length === 0 && stem.length > 3) {
        const support = d.analogy(stem.slice(-3))?.get(rule.flag) ?? 0;
        if (support > 0) push(capitalize(stem), true, false, support);
      }
    }
  }
  if (known.length === 0) {
    const selfSupport = d.analogy(lower.slice(-3))?.get('') ?? 0;
    if (selfSupport > 0) push(cap, true, false, selfSupport);
  }
  guessed.sort((a, b) => b.support - a.support || a.lemma.localeCompare(b.lemma));
  const readings = [...known, ...guessed];
  if (cache.size > 50_000) cache.clear();
  cache.set(form, readings);
  return readings;
}

/** Whether a lower-case word is a common (not proper) Ukrainian dictionary word or form of one. */
export function isCommonUkrainianWord(word: string): boolean {
  return analyzeUkrainian(word.toLowerCase()).some((r) => r.known && !r.proper);
}

/** Loads the Ukrainian dictionary now (it is otherwise loaded on first use). */
export function warmUkrainian(): void {
  load();
}
