import { readFileSync } from 'node:fs';
import type { Bilingual } from '../deadlines/deadline-rules.js';
import { invalid, notFound } from '../errors.js';
import type { LetterLanguage, LetterRecipient } from './letter-context.js';

export type Confidence = 'widely_published' | 'unverified' | 'unknown';

/** A value from the directory together with how far it can be trusted. */
export interface Checked<T> {
  value: T | null;
  confidence: Confidence;
  note?: string;
}

/** A name in Russian and English, and in Ukrainian where a Ukrainian letter may print it. */
export type RecipientNames = Bilingual & { uk?: string };

/** One body in data/recipients.json. */
export interface Recipient {
  id: string;
  kind: string;
  parentId: string | null;
  name: RecipientNames;
  addressee: RecipientNames;
  letterLanguage: LetterLanguage;
  jurisdiction: string;
  city?: string;
  postalAddress: Checked<string>;
  onlineReception: { url: string | null; confidence: Confidence; note?: string };
  email?: Checked<string>;
  deadlineRuleIds: string[];
  reviewedOn: string | null;
}

const DIRECTORY_URL = new URL('../../../data/recipients.json', import.meta.url);

/** Validates the directory: unique ids, known parents and confidences, both languages named. */
export function validateRecipients(value: unknown): Recipient[] {
  const list = (value as { recipients?: Recipient[] })?.recipients;
  if (!Array.isArray(list))
    throw invalid('recipients directory is malformed', [{ path: '/recipients', message: 'missing' }]);
  const ids = new Set(list.map((r) => r.id));
  const problems: { path: string; message: string }[] = [];
  const confidences = ['widely_published', 'unverified', 'unknown'];
  list.forEach((r, i) => {
    if (!r.id || list.findIndex((o) => o.id === r.id) !== i)
      problems.push({ path: `/recipients/${i}/id`, message: 'missing or duplicate' });
    if (r.parentId && !ids.has(r.parentId))
      problems.push({ path: `/recipients/${i}/parentId`, message: 'unknown parent' });
    if (!r.name?.ru || !r.name?.en || !r.addressee?.ru || !r.addressee?.en) {
      problems.push({ path: `/recipients/${i}/name`, message: 'name and addressee need ru and en' });
    }
    // A body written to in Ukrainian is addressed in Ukrainian.
    if (r.letterLanguage === 'uk' && (!r.name?.uk || !r.addressee?.uk))
      problems.push({ path: `/recipients/${i}/name`, message: 'a Ukrainian body needs uk names' });
    for (const field of ['postalAddress', 'onlineReception'] as const) {
      if (!confidences.includes(r[field]?.confidence))
        problems.push({ path: `/recipients/${i}/${field}`, message: 'bad confidence' });
    }
  });
  if (problems.length) throw invalid('recipients directory is invalid', problems);
  return list;
}

/** Reads the shipped directory. */
export function loadRecipients(): Recipient[] {
  return validateRecipients(JSON.parse(readFileSync(DIRECTORY_URL, 'utf8')));
}

/** A name in a language; a Ukrainian letter falls back on the Cyrillic (Russian) name. */
export function nameIn(names: RecipientNames, lang: LetterLanguage): string {
  return lang === 'uk' ? (names.uk ?? names.ru) : names[lang];
}

/** Reduces a directory entry to what a letter prints, in the letter's language. */
export function toLetterRecipient(
  recipients: readonly Recipient[],
  id: string,
  lang: LetterLanguage,
): LetterRecipient {
  const r = recipients.find((x) => x.id === id);
  if (!r) throw notFound(`recipient "${id}"`);
  return {
    id: r.id,
    addressee: nameIn(r.addressee, lang),
    name: nameIn(r.name, lang),
    postalAddress: r.postalAddress.value ?? undefined,
  };
}

// Words that do not tell bodies apart: "of the Russian Federation" is in every name.
const NAME_STOP_WORDS = new Set([
  'the',
  'of',
  'in',
  'and',
  'russia',
  'russian',
  'federation',
  'rf',
  'россии',
  'российской',
  'федерации',
  'рф',
  'ск',
]);

function contentWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’]s\b/g, '')
    .replace(/defense/g, 'defence')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !NAME_STOP_WORDS.has(w))
    .sort();
}

/**
 * The directory's body a name stands for ("Investigative Committee of Russia" → skr), when its
 * distinctive words are exactly those of the body's English or Russian name; a vaguer name
 * ("the prosecutor's office") matches nothing rather than a guess.
 */
export function findRecipient(recipients: readonly Recipient[], name: string): Recipient | undefined {
  const words = contentWords(name).join(' ');
  if (!words) return undefined;
  return recipients.find((r) =>
    [r.name.en, r.name.ru, r.name.uk].some((n) => n && contentWords(n).join(' ') === words),
  );
}
