import { placeKey } from './gazetteer.js';
import { isOrigin, type PlaceMention } from './places.js';
import { DETENTION_CUES, KEEPING_CUES, REGION_WORD } from './site-cues.js';
import type { Doc } from './text.js';
import type { DetentionSite } from './types.js';

const WINDOW_BEFORE = 14;
const WINDOW_AFTER = 8;

// The words around a mention, within its sentence, where a detention cue must stand.
function windowText(doc: Doc, m: PlaceMention): string {
  const sentence = doc.sentences[doc.tokens[m.first].sentence];
  const from = Math.max(sentence.firstToken, m.first - WINDOW_BEFORE);
  const to = Math.min(sentence.lastToken, m.last + WINDOW_AFTER);
  return doc.text.slice(doc.tokens[from].start, doc.tokens[to].end);
}

function entityKey(doc: Doc, m: PlaceMention): string {
  return m.place
    ? m.place.id
    : placeKey(doc.text.slice(doc.tokens[m.first].start, doc.tokens[m.last].end)).slice(0, 6);
}

// "Prudboy in the Volgograd Oblast and Totsky in the Orenburg Oblast": a place listed with a
// detention site shares its status.
function coordinatedWith(doc: Doc, m: PlaceMention, accepted: PlaceMention[]): string | null {
  const sentence = doc.tokens[m.first].sentence;
  for (const a of accepted) {
    if (doc.tokens[a.last].sentence !== sentence || a.last >= m.first || m.first - a.last > 8) continue;
    const between = doc.text.slice(doc.tokens[a.last].end, doc.tokens[m.first].start);
    if (/(?:,|\band\b|(?<!\p{L})(?:и|і|та|й)(?!\p{L}))/u.test(between) && !/[;:]/.test(between)) {
      return doc.text.slice(doc.tokens[a.first].start, doc.tokens[a.last].end);
    }
  }
  return null;
}

/**
 * Detention sites: places named near words of holding people (held, basement, pit, SIZO…),
 * that are not regions nor places people come from. Every other mention of the same place is
 * added to the site's spans.
 */
export function findDetentionSites(doc: Doc, mentions: PlaceMention[]): DetentionSite[] {
  const sites = new Map<string, DetentionSite>();
  const accepted: PlaceMention[] = [];
  for (const m of mentions) {
    const next = doc.tokens[m.last + 1];
    if (next && next.sentence === doc.tokens[m.last].sentence && REGION_WORD.test(next.norm)) continue;
    if (isOrigin(doc, m)) continue;
    const around = windowText(doc, m);
    const cueMatch = DETENTION_CUES.exec(around) ?? KEEPING_CUES.exec(around);
    const partner = cueMatch ? null : coordinatedWith(doc, m, accepted);
    if (!cueMatch && !partner) continue;
    const cue = cueMatch ? `detention cue: "${cueMatch[0]}"` : `listed with detention site "${partner}"`;
    accepted.push(m);
    const key = entityKey(doc, m);
    if (sites.has(key)) continue;
    const p = m.place;
    sites.set(key, {
      name: doc.text.slice(doc.tokens[m.first].start, doc.tokens[m.last].end),
      canonical: p ? p.nameEn : null,
      region: p ? p.admin1 : null,
      country: p ? p.country : null,
      lat: p ? p.lat : null,
      lon: p ? p.lon : null,
      gazetteerId: p ? p.id : null,
      spans: [],
      explain: [m.rule, cue],
    });
  }
  for (const m of mentions) {
    const site = sites.get(entityKey(doc, m));
    if (site) site.spans.push({ start: doc.tokens[m.first].start, end: doc.tokens[m.last].end });
  }
  return [...sites.values()];
}
