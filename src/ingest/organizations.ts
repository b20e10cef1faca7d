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
const COMPANY_AFTER = /(?<![\p{L}])(\p{Lu}[\p{L}]{3,})\s+(?:employees|workers|staff)(?![\p{L}])/gu;
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

function overlaps(taken: Span[], s: Span): boolean {
  return taken.some((t) => s.start < t.end && t.start < s.end);
}

/** Finds organizations: the lexicon of known bodies, employers named by a company word, eponymous institutions. */
export function findOrganizationMentions(
  text: string,
  _lang: Language,
  placeLike: (name: string) => boolean,
): OrgMention[] {
  const out: OrgMention[] = [];
  const taken: Span[] = [];
  for (const entry of ORG_LEXICON) {
    for (const re of entry.patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (overlaps(taken, span)) continue;
        taken.push(span);
        out.push({ entry, span, rule: `lexicon: ${re.source.slice(0, 60)}` });
      }
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
    generic(m[1], 'company', m.index ?? 0, 'name before "employees"');
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
