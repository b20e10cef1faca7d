import type { Language } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { ORG_LEXICON, type OrgEntry } from './org-lexicon.js';
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
  _lang: Language,
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
      taken.push(span);
      out.push({ entry: owners[k].entry, span, rule: `lexicon: ${owners[k].source.slice(0, 60)}` });
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
