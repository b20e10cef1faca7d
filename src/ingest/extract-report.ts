import { invalid } from '../domain/errors.js';
import { LANGUAGES, type Language } from '../domain/vocabularies.js';
import { findActs } from './acts.js';
import { findAppeals } from './appeals.js';
import { findDates } from './dates.js';
import { findDetainedCount } from './detained-count.js';
import { describedSites, findDetentionSites } from './detention-sites.js';
import { cleanPastedText, headlineOf } from './furniture.js';
import { placesNamed } from './gazetteer.js';
import { htmlToArticle } from './html-to-text.js';
import { decodeReport, looksLikeHtml } from './input.js';
import { detectLanguage } from './language.js';
import { findOrganizationMentions, organizationItems } from './organizations.js';
import { findPersons } from './persons.js';
import { findPlaces, findRegions } from './places.js';
import { findReply } from './replies.js';
import { buildDoc } from './text.js';
import type { Extraction, Span } from './types.js';
import { findUnits } from './units.js';

export type { Extraction } from './types.js';

/** What extractReport reads: the report's bytes or text, and optional hints. */
export interface ReportInput {
  content: string | Buffer;
  /** YYYY-MM-DD; anchors relative dates (else the page's own metadata) */
  published?: string;
  lang?: Language;
  mediaType?: 'text/plain' | 'text/html';
  /** keep, on every item, the rule or cue that produced it */
  explain?: boolean;
  /**
   * Drop page furniture from plain text (default). A source's stored text was cleaned when it
   * was ingested and claims quote it at fixed offsets: its extraction passes false.
   */
  clean?: boolean;
}

function withoutExplain(x: Extraction): Extraction {
  const strip = <T extends { explain?: unknown }>(items: T[]): T[] =>
    items.map(({ explain: _, ...rest }) => rest as T);
  return {
    ...x,
    detentionSites: strip(x.detentionSites),
    detainedCount: x.detainedCount ? { value: x.detainedCount.value, spans: x.detainedCount.spans } : null,
    persons: strip(x.persons),
    organizations: strip(x.organizations),
    units: strip(x.units),
    dates: strip(x.dates),
    acts: strip(x.acts),
    appeals: strip(x.appeals),
  };
}

/** Checks a YYYY-MM-DD date string (a real calendar day). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

function tokensIn(doc: ReturnType<typeof buildDoc>, spans: Span[]): Set<number> {
  const out = new Set<number>();
  doc.tokens.forEach((t, i) => {
    if (spans.some((s) => t.start < s.end && s.start < t.end)) out.add(i);
  });
  return out;
}

/**
 * Extracts the structured facts of one report (plain text or HTML, en/ru/uk): detention sites,
 * detained count, persons, organizations, units, dates, acts and appeals, each with spans into
 * the returned clean text. Deterministic; throws VigilError invalid_input / too_large on bad input.
 */
export function extractReport(input: ReportInput): Extraction {
  if (input.published !== undefined && !isIsoDay(input.published))
    throw invalid('published must be a date YYYY-MM-DD');
  if (input.lang !== undefined && !LANGUAGES.includes(input.lang))
    throw invalid(`unknown language "${input.lang}" (en, ru or uk)`);
  const raw = decodeReport(input.content);
  const html = input.mediaType ? input.mediaType === 'text/html' : looksLikeHtml(raw);
  let title: string | null = null;
  let pagePublished: string | null = null;
  let text: string;
  if (html) {
    const article = htmlToArticle(raw);
    title = article.title;
    pagePublished = article.published;
    text = title ? `${title}\n\n${article.body}` : article.body;
    if (text.trim() === '') throw invalid('the HTML page has no article text');
  } else {
    text = raw.replace(/\r\n?/g, '\n');
    if (input.clean !== false) text = cleanPastedText(text);
    if (text.trim() === '') throw invalid('the report has no text besides page furniture');
    title = headlineOf(text);
  }
  const published = input.published ?? pagePublished;
  const language = input.lang ?? detectLanguage(text);
  const doc = buildDoc(text);

  const orgMentions = findOrganizationMentions(text, language, (name) => placesNamed(name).places.length > 0);
  // Recipients named only for appeals ("Putin", "the command") stay free for persons and places.
  const orgTokens = tokensIn(
    doc,
    orgMentions.filter((m) => !m.entry.appealOnly).map((m) => m.span),
  );
  const regions = findRegions(doc);
  const persons = findPersons(doc, language, new Set([...orgTokens, ...regions.tokens]));
  const blocked = new Set([...orgTokens, ...persons.tokens]);
  const places = findPlaces(doc, language, blocked, regions);
  const placed = findDetentionSites(doc, places);
  const sites = [...placed, ...describedSites(doc, regions, placed)];

  const dates = findDates(doc, published);
  const extraction: Extraction = {
    language,
    title,
    published,
    text,
    detentionSites: sites,
    detainedCount: findDetainedCount(doc, sites),
    persons: persons.items,
    organizations: organizationItems(orgMentions),
    units: findUnits(doc, language),
    dates,
    acts: findActs(doc),
    appeals: findAppeals(doc, orgMentions, dates, published),
  };
  const reply = findReply(text);
  if (reply) extraction.reply = reply;
  return input.explain ? extraction : withoutExplain(extraction);
}
