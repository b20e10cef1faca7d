import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Az, { type AzParse } from 'az';

/** One dictionary reading of a Russian word form. */
export interface RuReading {
  lemma: string;
  pos: string;
  /** Grammemes of the reading (e.g. Name, Surn, Geox, femn, nomn). */
  grammemes: Set<string>;
  /** Nominative singular of the same gender (names and places keep their gender). */
  nominative: string;
  fromDictionary: boolean;
  score: number;
}

let ready = false;
// No typo or stutter correction: names must be read as written.
const MORPH_CONFIG = { stutter: 0, typos: 0 };
const cache = new Map<string, RuReading[]>();

// Az.js loads its dictionaries through an asynchronous callback API. We queue its loads and
// answer them synchronously after `init` returns, so the analyser is ready in one call and
// extraction stays a plain synchronous function.
function ensureLoaded(): void {
  if (ready) return;
  const dicts = fileURLToPath(new URL('../dicts/', import.meta.resolve('az')));
  const queue: Array<() => void> = [];
  Az.load = (url, responseType, callback) => {
    queue.push(() => {
      const data = readFileSync(url);
      if (responseType === 'json') callback(null, JSON.parse(data.toString('utf8')));
      else callback(null, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  };
  let failure: unknown = null;
  Az.Morph.init(dicts, (err) => {
    failure = err;
  });
  while (queue.length > 0) queue.shift()?.();
  if (failure) throw new Error('Russian morphology dictionaries could not be loaded');
  ready = true;
}

function grammemesOf(parse: AzParse): Set<string> {
  return new Set(parse.tag.toString().split(/[ ,]/));
}

function toReading(parse: AzParse): RuReading {
  const grammemes = grammemesOf(parse);
  const gender = grammemes.has('femn')
    ? 'femn'
    : grammemes.has('masc')
      ? 'masc'
      : grammemes.has('neut')
        ? 'neut'
        : null;
  const number = grammemes.has('Pltm') || grammemes.has('plur') ? 'plur' : 'sing';
  const wanted = gender && number === 'sing' ? [gender, 'sing', 'nomn'] : [number, 'nomn'];
  const nominative = parse.inflect(wanted) || parse.inflect(['nomn']) || parse.normalize();
  return {
    lemma: parse.normalize().word,
    pos: parse.tag.POST,
    grammemes,
    nominative: nominative.word,
    fromDictionary: parse.parser === 'Dictionary',
    score: parse.score,
  };
}

/** Dictionary (and predicted) readings of a Russian word, best first; cached. */
export function analyzeRussian(word: string): RuReading[] {
  // Az.js is case-sensitive on purpose: proper names are found only when capitalized.
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const key = word[0] === lower[0] ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
  const hit = cache.get(key);
  if (hit) return hit;
  ensureLoaded();
  const readings = Az.Morph(key, MORPH_CONFIG).map(toReading);
  if (cache.size > 50_000) cache.clear();
  cache.set(key, readings);
  return readings;
}

/** Loads the Russian dictionaries now (they are otherwise loaded on first use). */
export function warmRussian(): void {
  ensureLoaded();
}
