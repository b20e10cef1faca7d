import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACT_TYPES,
  APPEAL_OUTCOMES,
  APPEAL_SENDERS,
  LANGUAGES,
  PERSON_ROLES_IN_REPORT,
} from '../domain/vocabularies.js';
import { isIsoDay } from './extract-report.js';
import { commonPrefix, fold } from './fold.js';

/**
 * The annotated evaluation corpus (eval/corpus): real published reports with hand annotations in
 * the format of shared/eval/SCHEMA.md, plus verbatim evidence quotes so that an annotation can
 * be checked against its text. This module reads and checks the files and finds reports that
 * tell the same story, so a split never puts one story on both sides.
 */

export interface CorpusReport {
  id: string;
  language: 'en' | 'ru' | 'uk';
  title: string;
  outlet: string;
  url: string;
  published: string | null;
  text: string;
  gold: {
    detention_sites: { name: string; name_en: string; region: string; country: string }[];
    detained_count: number | null;
    persons: { name: string; role: string }[];
    organizations: string[];
    units: string[];
    dates: { date: string; what: string; quote: string }[];
    acts: string[];
    appeals: { to: string; by: string; status: string; quote: string }[];
  };
  evidence: { acts: Record<string, string> };
  /** ids of reports a reader recognised as the same story though they share no site or name */
  same_story?: string[];
  notes?: string;
}

export interface CorpusFile {
  file: string;
  report: CorpusReport;
}

/** Every `*.json` of a corpus folder, parsed, in file-name order. */
export function readCorpus(dir: string): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, report: JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusReport }));
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * What is wrong with one corpus file, as readable sentences (empty when it is valid): the
 * schema's shape and vocabularies, the id matching the file name and language, every evidence
 * quote occurring verbatim in the text, and every site, person and unit being named there.
 */
export function corpusProblems(file: string, r: CorpusReport): string[] {
  const out: string[] = [];
  const bad = (what: string) => out.push(`${file}: ${what}`);
  if (!isObject(r)) return [`${file}: not a JSON object`];
  if (`${r.id}.json` !== file) bad(`id "${r.id}" does not match the file name`);
  if (!(LANGUAGES as readonly string[]).includes(r.language))
    bad(`language "${r.language}" is not en, ru or uk`);
  else if (!String(r.id).startsWith(`${r.language}-`)) bad(`id "${r.id}" does not start with its language`);
  for (const key of ['title', 'outlet', 'text'] as const) if (!isText(r[key])) bad(`${key} is missing`);
  if (!/^https?:\/\/\S+$/.test(String(r.url))) bad('url is not an http(s) address');
  if (r.published !== null && !isIsoDay(String(r.published))) bad('published is neither null nor YYYY-MM-DD');
  const g = r.gold;
  if (!isObject(g)) return [...out, `${file}: gold is missing`];
  const text = String(r.text ?? '');
  const words = new Set(fold(text).split(' ').filter(Boolean));

  const lists = ['detention_sites', 'persons', 'organizations', 'units', 'dates', 'acts', 'appeals'] as const;
  for (const key of lists) if (!Array.isArray(g[key])) bad(`gold.${key} is not a list`);
  if (out.length) return out;

  if (g.detained_count !== null && !(Number.isInteger(g.detained_count) && g.detained_count > 0))
    bad('detained_count is neither null nor a positive whole number');
  for (const s of g.detention_sites) {
    if (![s.name, s.name_en, s.region, s.country].every(isText))
      bad(`site ${JSON.stringify(s)} lacks a field`);
    else if (!namedIn(s.name, words)) bad(`site "${s.name}" is not named in the text`);
  }
  for (const p of g.persons) {
    if (!(PERSON_ROLES_IN_REPORT as readonly string[]).includes(p.role))
      bad(`person "${p.name}" has role "${p.role}"`);
    if (!isText(p.name) || !namedIn(p.name, words)) bad(`person "${p.name}" is not named in the text`);
  }
  for (const o of g.organizations) if (!isText(o)) bad('an organization is empty');
  for (const u of g.units) if (!isText(u) || !namedIn(u, words)) bad(`unit "${u}" is not named in the text`);
  for (const d of g.dates) {
    if (!(isIsoDay(d.date) || MONTH.test(d.date))) bad(`date "${d.date}" is neither YYYY-MM-DD nor YYYY-MM`);
    if (!isText(d.what)) bad(`date ${d.date} has no description`);
    quoted(d.quote, `date ${d.date}`);
  }
  if (new Set(g.acts).size !== g.acts.length) bad('an act is listed twice');
  const evidence = isObject(r.evidence) && isObject(r.evidence.acts) ? r.evidence.acts : {};
  for (const a of g.acts) {
    if (!(ACT_TYPES as readonly string[]).includes(a)) bad(`act "${a}" is not in the vocabulary`);
    quoted(evidence[a], `act ${a}`);
  }
  for (const a of Object.keys(evidence))
    if (!g.acts.includes(a)) bad(`evidence for act "${a}" that is not annotated`);
  if (
    r.same_story !== undefined &&
    !(Array.isArray(r.same_story) && r.same_story.every((x) => /^(en|ru|uk)-\d+$/.test(x)))
  )
    bad('same_story is not a list of report ids');
  for (const a of g.appeals) {
    if (!isText(a.to)) bad('an appeal has no recipient');
    if (!(APPEAL_SENDERS as readonly string[]).includes(a.by)) bad(`appeal to "${a.to}" is by "${a.by}"`);
    if (!(APPEAL_OUTCOMES as readonly string[]).includes(a.status))
      bad(`appeal to "${a.to}" has status "${a.status}"`);
    quoted(a.quote, `appeal to ${a.to}`);
  }
  return out;

  function quoted(quote: unknown, what: string): void {
    if (!isText(quote)) bad(`${what} has no evidence quote`);
    else if (!text.includes(quote)) bad(`${what}: quote "${quote}" is not in the text`);
  }
}

/**
 * A name is named in a text when each of its words of three letters or more is there up to
 * inflection (Брянка ~ Брянке, Гайдай ~ Гайдая) and each of its numbers is there as written.
 */
function namedIn(name: string, words: Set<string>): boolean {
  const tokens = fold(name).split(' ').filter(Boolean);
  return tokens.every((t) => {
    if (/^\d+$/.test(t)) return words.has(t) || [...words].some((w) => w.startsWith(t));
    if (t.length < 3) return true;
    return words.has(t) || [...words].some((w) => sameWord(t, w));
  });
}

function sameWord(a: string, b: string): boolean {
  const k = commonPrefix(a, b);
  return k >= 3 && k >= Math.min(a.length, b.length) - 3;
}

/**
 * Groups of reports that tell the same story, by what only one story shares: the same detention
 * site, the same detainee or relative, or the same exact day, plus the links a reader recorded
 * in `same_story` (a copy that stops before the place is named). Reports linked by any of these,
 * directly or through others, fall in one group. Returns groups of ids, each sorted, in order
 * of their first id.
 */
export function sameStoryGroups(reports: CorpusReport[]): string[][] {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const keys = reports.map(storyKeys);
  const linked = (a: CorpusReport, b: CorpusReport) =>
    (a.same_story ?? []).includes(b.id) || (b.same_story ?? []).includes(a.id);
  for (let i = 0; i < reports.length; i++)
    for (let j = i + 1; j < reports.length; j++)
      if (linked(reports[i], reports[j]) || keys[i].some((k) => keys[j].some((l) => sameKey(k, l))))
        parent[find(i)] = find(j);
  const groups = new Map<number, string[]>();
  reports.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r.id]);
  });
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

type StoryKey = { kind: 'site' | 'day'; value: string } | { kind: 'person'; value: string[] };

function storyKeys(r: CorpusReport): StoryKey[] {
  return [
    ...r.gold.detention_sites.map((s) => ({ kind: 'site' as const, value: fold(s.name_en) })),
    ...r.gold.dates.filter((d) => isIsoDay(d.date)).map((d) => ({ kind: 'day' as const, value: d.date })),
    ...r.gold.persons
      .filter((p) => p.role === 'detainee' || p.role === 'relative')
      .map((p) => ({ kind: 'person' as const, value: fold(p.name).split(' ') })),
  ];
}

function sameKey(a: StoryKey, b: StoryKey): boolean {
  if (a.kind === 'person' && b.kind === 'person') {
    // Every word of the shorter name matches one of the longer ("Артём Горшенин" ~ "Artyom Gorshenin").
    const [x, y] = a.value.length <= b.value.length ? [a.value, b.value] : [b.value, a.value];
    return x.length >= 2 && x.every((w) => y.some((v) => w === v || sameWord(w, v)));
  }
  return a.kind === b.kind && a.value === b.value;
}
