import type { Language } from '../domain/vocabularies.js';
import { lemmaCandidates } from './morphology/lemmas.js';
import { analyzeRussian } from './morphology/russian.js';
import { ORG_LEXICON, type OrgEntry } from './org-lexicon.js';
import { findNamedOrganizations } from './outlets.js';
import { regionOfText } from './places.js';
import { romanize } from './romanize.js';
import type { OrganizationItem, Span } from './types.js';

/** An organization named in the text, before grouping into items. */
export interface OrgMention {
  entry: OrgEntry;
  span: Span;
  rule: string;
}

// Employers named after a word for a company: "the mining complex Dalpolymetal",
// "завод «Звезда»", "ТОВ «…»", "Acme employees".
const COMPANY_BEFORE =
  /(?<![\p{L}])(?:company|plant|factory|enterprise|complex|firm|mine|holding|concern|corporation|shipyard|JSC|LLC|PJSC|OJSC|завод\p{L}*|предприяти\p{L}*|компани\p{L}*|комбинат\p{L}*|фирм\p{L}*|концерн\p{L}*|холдинг\p{L}*|корпораци\p{L}*|верф\p{L}*|шахт\p{L}*|рудник\p{L}*|ООО|АО|ОАО|ПАО|ЗАО|НПО|підприємств\p{L}*|компані\p{L}*|корпораці\p{L}*|ТОВ|ПрАТ|ПАТ)\s+(?:«([^»]{2,60})»|"([^"]{2,60})"|“([^”]{2,60})”|((?:\p{Lu}[\p{L}-]+)(?:\s+\p{Lu}[\p{L}-]+){0,2}))/gu;
const COMPANY_AFTER =
  /(?<![\p{L}])(\p{Lu}[\p{L}]{3,})\s+(?:employees|workers|staff|plant|factory|works|shipyard|corporation|concern|holding)(?![\p{L}])/gu;
// Institutions named by acronym and eponym: "МГТУ имени Баумана", "МГУ им. Ломоносова".
const EPONYM = /(?<![\p{L}])(\p{Lu}{2,6})\s+(?:имени|им\.|імені|ім\.)\s+(\p{Lu}\p{L}+)/gu;
const ACRONYM_WORDS: Record<string, string> = {
  М: 'Moscow',
  Г: 'State',
  Т: 'Technical',
  У: 'University',
  И: 'Institute',
  І: 'Institute',
  А: 'Academy',
  Э: 'Economic',
  Ю: 'Law',
  Ф: 'Physics',
  Х: 'Chemical',
  П: 'Polytechnic',
  Л: 'Linguistic',
  Р: 'Russian',
  Н: 'National',
  К: 'Kyiv',
};

function expandAcronym(acronym: string, eponym: string): string | null {
  const words = [...acronym].map((c) => ACRONYM_WORDS[c]);
  if (words.some((w) => !w) || !/^(?:University|Institute|Academy)$/.test(words[words.length - 1]))
    return null;
  return `${eponym} ${words.join(' ')}`;
}

function nominativeSurname(word: string): string {
  const r = analyzeRussian(word).find((x) => x.grammemes.has('Surn')) ?? analyzeRussian(word)[0];
  const nom = r ? r.nominative : word;
  return nom.charAt(0).toUpperCase() + nom.slice(1);
}

interface Scanner {
  re: RegExp;
  owners: Array<{ entry: OrgEntry; source: string }>;
}
let scanners: Scanner[] | null = null;
const WORD_START = '(?<![\\p{L}\\d])(?:';
const WORD_END = ')(?![\\p{L}\\d])';

// The lexicon compiled into two alternations (case-insensitive and case-sensitive patterns), one
// capture group per pattern, so the text is scanned twice instead of once per pattern; at one
// position the earlier (more specific) entry wins.
function lexiconScanners(): Scanner[] {
  if (scanners) return scanners;
  const build = (flags: string): Scanner => {
    const owners: Scanner['owners'] = [];
    const parts: string[] = [];
    for (const entry of ORG_LEXICON) {
      for (const re of entry.patterns) {
        if (re.flags.includes('i') !== flags.includes('i')) continue;
        owners.push({ entry, source: re.source });
        const wrapped = re.source.startsWith(WORD_START) && re.source.endsWith(WORD_END);
        const inner = wrapped
          ? re.source.slice(WORD_START.length, re.source.length - WORD_END.length)
          : re.source;
        parts.push(`(${inner.replace(/\((?!\?)/g, '(?:')})`);
      }
    }
    return { re: new RegExp(`${WORD_START}(?:${parts.join('|')})${WORD_END}`, flags), owners };
  };
  scanners = [build('giu'), build('gu')];
  return scanners;
}

// Bodies with branches per military district or garrison: the branch named right after the body
// stays part of the recipient ("военную прокуратуру Центрального военного округа" is not just
// "Military Prosecutor's Office").
const BRANCHED = new Set([
  "Military Prosecutor's Office",
  "Prosecutor's Office",
  'Military Court',
  'Military Commissariat',
]);
const DISTRICTS: Array<[RegExp, string]> = [
  [/^(?:центральн|central)/iu, 'Central'],
  [/^(?:южн|південн|southern)/iu, 'Southern'],
  [/^(?:западн|західн|western)/iu, 'Western'],
  [/^(?:восточн|східн|eastern)/iu, 'Eastern'],
  [/^(?:ленинградск|leningrad)/iu, 'Leningrad'],
  [/^(?:московск|moscow)/iu, 'Moscow'],
];
const DISTRICT_ABBR: Record<string, string> = {
  ЦВО: 'Central',
  ЮВО: 'Southern',
  ЗВО: 'Western',
  ВВО: 'Eastern',
  ЛенВО: 'Leningrad',
  МВО: 'Moscow',
};
const DISTRICT_AFTER =
  /^(?:['’]s office)?\s+(?:(\p{L}+)\s+(?:военн\p{L}*\s+округ\p{L}*|військов\p{L}*\s+округ\p{L}*)|of the (\p{Lu}\p{L}+) Military District|(ЦВО|ЮВО|ЗВО|ВВО|ЛенВО|МВО)(?![\p{L}]))/u;
const GARRISON_AFTER =
  /^\s+(\p{L}+?)(?:ского|ського|ской|ської)\s+(?:гарнизон|гарнізон)\p{L}*|^(?:['’]s office)?\s+of the (\p{Lu}\p{L}+) [Gg]arrison/u;

/** The district or garrison named right after a branched body: the English suffix and its length. */
function branchAfter(text: string, end: number): { suffix: string; length: number } | null {
  const rest = text.slice(end, end + 80);
  const d = DISTRICT_AFTER.exec(rest);
  if (d) {
    const district = d[3] ? DISTRICT_ABBR[d[3]] : DISTRICTS.find(([re]) => re.test(d[1] ?? d[2]))?.[1];
    if (district) return { suffix: `of the ${district} Military District`, length: d[0].length };
  }
  const g = GARRISON_AFTER.exec(rest);
  if (g) {
    const town = g[2] ?? romanize(g[1]);
    return { suffix: `of the ${town.charAt(0).toUpperCase()}${town.slice(1)} Garrison`, length: g[0].length };
  }
  return null;
}

// Bodies that exist per region, district or town: the territory named right after (or, as an
// adjective, right before) the body stays part of its name ("военкомат Клетского и
// Серафимовичского районов", "губернатора Приморского края", "Kursk Oblast Administration").
const REGIONAL = new Set([
  'Military Commissariat',
  'Governor',
  'Regional Administration',
  'Regional Military Administration',
  'Human Rights Commissioner',
]);
// Bodies that keep a territory only when it is named with them ("прокуратура Київської області",
// "Kherson Oblast Prosecutor's Office"): one named alone is not the town's.
const NAMED_TERRITORY = new Set(["Prosecutor's Office"]);
const ADJ = '(\\p{Lu}\\p{L}+?)(?:ской|ского|ских|ском|ського|ської|ських|ській|ському)';
const TERRITORY_AFTER = new RegExp(
  `^\\s+(?:по\\s+|в\\s+|у\\s+)?${ADJ}(?:\\s+(?:и|і|та)\\s+${ADJ})?\\s+(област\\p{L}*|обл\\.|кра[яюе]|район\\p{L}*|республик\\p{L}*|республік\\p{L}*)|^\\s+(?:г\\.\\s*|города\\s+|міста\\s+|м\\.\\s*)(\\p{Lu}\\p{L}+(?:-\\p{Lu}\\p{L}+)?)|^\\s+(?:of|in)\\s+(?:the\\s+)?((?:\\p{Lu}\\p{L}+\\s+){1,2}(?:Oblast|Krai|Region|Republic|District|Districts))(?!\\p{L})`,
  'u',
);
const TERRITORY_BEFORE =
  /(?:(\p{Lu}\p{L}+?)(?:ская|ской|скую|ский|ского|ском|ська|ської|ську|ській|ський|ського|ському|ськім)\s+|(\p{Lu}\p{Script=Latin}+)\s+(?:(Oblast|Region|Krai)\s+|regional\s+)?)$/u;
// Adjectives of the country, not of a territory within it.
const NATIONAL =
  /^(?:Росси|Рос|Рус|Украин|Україн|Советск|Радянськ|Военн|Військов|Област|Обласн|The|A|An|Russian|Ukrainian|Regional|Military|Local)/u;
const TERRITORY_KIND: Array<[RegExp, string]> = [
  [/^(?:област|обл)/u, 'Oblast'],
  [/^кра/u, 'Krai'],
  [/^район\p{L}*(?:ов|ів)$/u, 'Districts'],
  [/^район/u, 'District'],
  [/^республи|^республі/u, 'Republic'],
];

// "Курск" from the stem of "Курской (области)"; "Primorsky" from "Приморского (края)".
function territoryName(stem: string, kind: string): string {
  if (kind !== 'Oblast') return romanize(`${stem}ский`).replace(/iy$/, 'y');
  // A Ukrainian oblast goes by its English name (Kyiv, Sumy, Luhansk), which romanizing the
  // adjective's stem misses ("Kyivsk", "Lugansk"); the gazetteer's Russian regions are named in
  // transliterated Russian ("Kurskaya Oblast"), so those keep the romanized stem ("Kursk").
  const region = regionOfText(`${stem}ська`);
  if (region && / Oblast$/.test(region) && !/aya Oblast$/.test(region)) return region.replace(/ Oblast$/, '');
  return romanize(`${stem}ск`);
}

interface Territory {
  /** "Kursk", "Kletsky and Serafimovichsky", "Rovenki" */
  place: string;
  /** "Oblast", "Districts", … or "" for a town */
  kind: string;
  /** characters of the text after the body that name it */
  after: number;
}

/** The territory named with a regional body, in English. */
function territoryAround(text: string, start: number, end: number): Territory | null {
  const a = TERRITORY_AFTER.exec(text.slice(end, end + 100));
  if (a?.[4]) return { place: romanize(a[4]), kind: '', after: a[0].length };
  if (a?.[5]) {
    const words = a[5].split(' ');
    return { place: words.slice(0, -1).join(' '), kind: words[words.length - 1], after: a[0].length };
  }
  if (a) {
    const kind = TERRITORY_KIND.find(([re]) => re.test(a[3].toLowerCase()))?.[1] ?? 'Oblast';
    const names = [a[1], a[2]].filter(Boolean).map((stem) => territoryName(stem, kind));
    return { place: names.join(' and '), kind, after: a[0].length };
  }
  const b = TERRITORY_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  const stem = b?.[1] ?? b?.[2];
  if (!b || !stem || NATIONAL.test(stem)) return null;
  if (b[1]) return { place: territoryName(b[1], 'Oblast'), kind: 'Oblast', after: 0 };
  return { place: b[2], kind: b[3] ?? '', after: 0 };
}

// Bodies a report names without their territory, which then is the town the sentence is about
// ("Родичі мобілізованих у Курську вийшли до … адміністрації області").
const TOWN_BOUND = new Set([...REGIONAL, "Military Prosecutor's Office"]);
const TOWN_IN_SENTENCE =
  /(?<![\p{L}])(?:міста|города|г\.|м\.|у|в|in)\s+(\p{Lu}\p{L}+(?:-\p{Lu}\p{L}+)?)(?![\p{L}])/gu;

function townOfSentence(
  text: string,
  span: Span,
  lang: Language,
  placeLike: (name: string) => boolean,
): Territory | null {
  const from = Math.max(0, ...['.', '!', '?', '\n'].map((c) => text.lastIndexOf(c, span.start - 1) + 1));
  const ends = ['.', '!', '?', '\n'].map((c) => text.indexOf(c, span.end)).filter((i) => i >= 0);
  const sentence = text.slice(from, ends.length ? Math.min(...ends) : text.length);
  for (const m of sentence.matchAll(TOWN_IN_SENTENCE)) {
    const town = lemmaCandidates(m[1], lang, 3).find((form) => /^\p{Lu}/u.test(form) && placeLike(form));
    if (town) return { place: romanize(town), kind: '', after: 0 };
  }
  return null;
}

// "Kursk Regional Administration", "Luhansk Regional Military Administration", "Military
// Commissariat of Kletsky and Serafimovichsky Districts", "Governor of Primorsky Krai".
function regionalName(body: string, t: Territory): string {
  if (body.startsWith('Regional ')) return `${t.place} ${body}`;
  return `${body} of ${t.kind ? `${t.place} ${t.kind}` : t.place}`;
}

function overlaps(taken: Span[], s: Span): boolean {
  return taken.some((t) => s.start < t.end && t.start < s.end);
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && w !== 'the' && w !== 'of');
}

// "в военную прокуратуру … прокуратура отказала": a body named by its generic name after (or
// before) its full name in the same text is that body; the nearest fuller name is taken.
function resolveShortNames(mentions: OrgMention[]): void {
  const lexical = mentions.filter((m) => m.entry.patterns.length > 0);
  for (const m of lexical) {
    const words = nameWords(m.entry.name);
    let best: OrgMention | null = null;
    for (const other of lexical) {
      const full = nameWords(other.entry.name);
      if (full.length <= words.length || !words.every((w) => full.includes(w))) continue;
      if (!best || Math.abs(other.span.start - m.span.start) < Math.abs(best.span.start - m.span.start))
        best = other;
    }
    if (best) {
      m.rule = `${m.rule}; short name of "${best.entry.name}"`;
      m.entry = best.entry;
    }
  }
}

/** Finds organizations: the lexicon of known bodies, employers named by a company word, eponymous institutions. */
export function findOrganizationMentions(
  text: string,
  lang: Language,
  placeLike: (name: string) => boolean,
): OrgMention[] {
  const out: OrgMention[] = [];
  const taken: Span[] = [];
  for (const { re, owners } of lexiconScanners()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const k = m.slice(1).findIndex((g) => g !== undefined);
      if (k < 0 || overlaps(taken, span)) continue;
      let entry = owners[k].entry;
      const branch = BRANCHED.has(entry.name) ? branchAfter(text, span.end) : null;
      const territory = branch
        ? null
        : ((REGIONAL.has(entry.name) || NAMED_TERRITORY.has(entry.name)
            ? territoryAround(text, span.start, span.end)
            : null) ?? (TOWN_BOUND.has(entry.name) ? townOfSentence(text, span, lang, placeLike) : null));
      if (branch) {
        entry = { ...entry, name: `${entry.name} ${branch.suffix}` };
        span.end += branch.length;
        re.lastIndex = span.end;
      } else if (territory) {
        entry = { ...entry, name: regionalName(entry.name, territory) };
        span.end += territory.after;
        re.lastIndex = span.end;
      }
      taken.push(span);
      out.push({
        entry,
        span,
        rule: `lexicon: ${owners[k].source.slice(0, 60)}${branch ? ' + branch' : territory ? ' + territory' : ''}`,
      });
    }
  }
  const generic = (
    name: string,
    kind: OrganizationItem['kind'],
    start: number,
    rule: string,
    length = name.length,
  ) => {
    const span = { start, end: start + length };
    if (overlaps(taken, span) || placeLike(name)) return;
    taken.push(span);
    out.push({ entry: { name, kind, patterns: [] }, span, rule });
  };
  for (const m of text.matchAll(COMPANY_BEFORE)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4];
    const offset = (m.index ?? 0) + m[0].lastIndexOf(name);
    generic(name, 'company', offset, 'company word before a name');
  }
  for (const m of text.matchAll(COMPANY_AFTER))
    generic(m[1], 'company', m.index ?? 0, 'name before a company word');
  for (const n of findNamedOrganizations(text)) generic(n.name, n.kind, n.start, n.rule);
  for (const m of text.matchAll(EPONYM)) {
    const english = expandAcronym(m[1], romanize(nominativeSurname(m[2])));
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (overlaps(taken, span)) continue;
    taken.push(span);
    out.push({
      entry: { name: english ?? m[0], kind: 'other', patterns: [] },
      span,
      rule: 'acronym with eponym',
    });
  }
  resolveShortNames(out);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Groups organization mentions into one item per organization (appeal-only recipients left out). */
export function organizationItems(mentions: OrgMention[]): OrganizationItem[] {
  const byName = new Map<string, OrganizationItem>();
  for (const m of mentions) {
    if (m.entry.appealOnly) continue;
    const key = m.entry.name.toLowerCase();
    const item = byName.get(key);
    if (item) item.spans.push(m.span);
    else byName.set(key, { name: m.entry.name, kind: m.entry.kind, spans: [m.span], explain: [m.rule] });
  }
  return [...byName.values()];
}
