import { placeKey } from './gazetteer-index.js';
import { isOrigin, type PlaceMention, type RegionHints } from './places.js';
import { DETENTION_CUES, FACILITY_WORD, KEEPING_CUES, REGION_WORD } from './site-cues.js';
import type { Doc } from './text.js';
import type { DetentionSite } from './types.js';

const WINDOW_BEFORE = 14;
const WINDOW_AFTER = 5;
// A cue in another clause ("…in Moscow, but did not comment on the camp") does not count.
const CLAUSE_BREAK = /^(?:but|however|whereas|while|но|однако|а|але|однак|проте|тоді як)$/iu;

// The words around a mention, within its sentence, where a detention cue must stand.
function windowText(doc: Doc, m: PlaceMention): string {
  const sentence = doc.sentences[doc.tokens[m.first].sentence];
  let from = Math.max(sentence.firstToken, m.first - WINDOW_BEFORE);
  let to = Math.min(sentence.lastToken, m.last + WINDOW_AFTER);
  for (let k = m.first - 1; k > from; k--) if (CLAUSE_BREAK.test(doc.tokens[k].norm)) from = k;
  for (let k = m.last + 1; k < to; k++) if (CLAUSE_BREAK.test(doc.tokens[k].norm)) to = k;
  return doc.text.slice(doc.tokens[from].start, doc.tokens[to].end);
}

// Being taken prisoner names where a man was captured, not where he is held ("потрапила в полон у
// Маріуполі", "попал в плен под Бахмутом", "was taken prisoner in Mariupol").
const CAPTURE =
  /(?<!\p{L})(?:(?:потрапи|потрапл|попа|взя|взят|узя|здал|здав|здал|сдал|сдав|сдаю|здаю)\p{L}*\s+(?:в|у|до)\s+(?:плен|полон)\p{L}*|(?:was|were|been) taken prisoner|(?:was|were|been) captured)(?!\p{L})/giu;

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
    const around = windowText(doc, m).replace(CAPTURE, ' ');
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
  return [...sites.values()].filter((s) => !regionNamedByCity(s, sites.values()));
}

// A city that gives its region its name ("Luhansk", "Donetsk") stands for the region when the
// report also names a site inside that region ("held in occupied Luhansk … in Bryanka").
function regionNamedByCity(site: DetentionSite, all: Iterable<DetentionSite>): boolean {
  if (!site.canonical || !site.region) return false;
  if (site.region.replace(/\s+(?:Oblast|Region|Krai|Province|People's Republic)$/u, '') !== site.canonical)
    return false;
  for (const other of all)
    if (other !== site && other.region === site.region && other.gazetteerId !== site.gazetteerId) return true;
  return false;
}

// "воинской части", "військової частини": a military unit as a facility ("часть" alone is "a part").
const UNIT_PART = /^(?:част[ьиі]|частин\p{L}*)$/u;
const MILITARY = /^(?:воинск|войсков|військов)\p{L}*$/u;
function militaryUnit(doc: Doc, k: number): boolean {
  return k > 0 && UNIT_PART.test(doc.tokens[k].norm) && MILITARY.test(doc.tokens[k - 1].norm);
}

// Prepositions that put a facility in a region ("a base in Belgorod region", "на полигоне в
// Белгородской области").
const IN = /^(?:in|в|во|у|на|під|под)$/iu;
const NOT_MODIFIER = /^(?:a|an|the|at|in|on|to|of|в|во|у|на|під|под|при|з|с|из|із)$/iu;

/**
 * Sites named by what they are and the region they are in, with no settlement named ("held at a
 * military base in Belgorod region"): the facility word and its modifier, then the region. A
 * sentence that already names a site by its place adds none.
 */
export function describedSites(doc: Doc, regions: RegionHints, found: DetentionSite[]): DetentionSite[] {
  const out: DetentionSite[] = [];
  const { tokens } = doc;
  for (const [admin1, at] of regions.mentions) {
    for (const r of at) {
      const sentence = doc.sentences[tokens[r].sentence];
      // "in Belgorod region", "in the Belgorod region"
      const prep = tokens[r - 1]?.norm === 'the' ? r - 2 : r - 1;
      if (!tokens[prep] || !IN.test(tokens[prep].norm)) continue;
      const f = [prep - 1, prep - 2, prep - 3].find(
        (k) =>
          k >= sentence.firstToken &&
          (FACILITY_WORD.test(tokens[k].norm) || militaryUnit(doc, k)) &&
          !regions.tokens.has(k),
      );
      if (f === undefined) continue;
      if (!DETENTION_CUES.test(sentence.text) && !KEEPING_CUES.test(sentence.text)) continue;
      const taken = [...found, ...out].some((s) =>
        s.spans.some((span) => span.start >= sentence.start && span.end <= sentence.end),
      );
      if (taken) continue;
      const start = f > sentence.firstToken && !NOT_MODIFIER.test(tokens[f - 1].norm) ? f - 1 : f;
      let end = r;
      while (regions.tokens.has(end + 1) && tokens[end + 1].sentence === tokens[r].sentence) end++;
      const span = { start: tokens[start].start, end: tokens[end].end };
      out.push({
        name: doc.text.slice(span.start, span.end),
        canonical: null,
        region: admin1,
        country: null,
        lat: null,
        lon: null,
        gazetteerId: null,
        spans: [span],
        explain: [`facility "${tokens[f].text}" in region ${admin1}`],
      });
    }
  }
  return out;
}
