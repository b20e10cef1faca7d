import type { Language } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';
import type { Doc, Token } from './text.js';
import type { UnitItem } from './types.js';
import { isCountedUnitNoun, UNIT_ABBREVIATION, unitNominative } from './unit-names.js';

// "military unit 12345", "в/ч 12345", "ВЧ А1234", "войсковая часть № 12345", "військова частина А-1234",
// and a unit named by its field post number ("польова пошта В2731", "п/п В2731", "полевая почта 12345").
const NUMBERED =
  /(?<![\p{L}])(?:military unit|unit|в\/ч|в\.\s?ч\.|вч|п\/п|войсков\p{L}* част\p{L}*|воинск\p{L}* част\p{L}*|військов\p{L}* частин\p{L}*|полев\p{L}* почт\p{L}*|польов\p{L}* пошт\p{L}*|field post(?: office)?)\s*(?:No\.?\s*|№\s*)?([A-ZА-ЯІ]-?\d{4,5})(?!\d)|(?<![\p{L}])(?:military unit|unit|в\/ч|в\.\s?ч\.|войсков\p{L}* част\p{L}*|воинск\p{L}* част\p{L}*|військов\p{L}* частин\p{L}*|полев\p{L}* почт\p{L}*|польов\p{L}* пошт\p{L}*|field post(?: office)?)\s*(?:No\.?\s*|№\s*)?(\d{4,5})(?!\d)/giu;
const UNIT_NOUN =
  /^(?:company|battalion|regiment|brigade|division|army|corps|platoon|squad|detachment|рот[аыеуой]|батальон\p{L}*|батальйон\p{L}*|полк\p{L}*|бригад\p{L}*|дивизи\p{L}*|арми\p{L}*|корпус\p{L}*|взвод\p{L}*|отряд\p{L}*|дивізі\p{L}*|армі\p{L}*|загін|загон\p{L}*|рот[иіуою])$/iu;
const isUnitNoun = (word: Token) =>
  UNIT_NOUN.test(word.norm) ||
  (UNIT_ABBREVIATION.test(word.norm) && /\p{Lu}.*\p{Lu}|^\p{Ll}+$/u.test(word.text));

// A unit's own name in quotes after its noun or number ("полк «Азов»", "93 ОМБр «Холодний Яр»").
const QUOTED_NAME = /^\s+[«"“„]\p{Lu}[\p{L}'’ʼ\s-]{1,40}?[»"”“]/u;
// A unit named by its quoted name alone: a unit noun before it in any case ("у полку «Азов»").
const NOUN_THEN_NAME =
  /(?<![\p{L}])(?:полк\p{L}*|бригад\p{L}*|батальйон\p{L}*|батальон\p{L}*|загон\p{L}*|загін|отряд\p{L}*|підрозділ\p{L}*|спецпідрозділ\p{L}*|regiment|battalion|brigade)\s+[«"“„]\p{Lu}[\p{L}'’ʼ\s-]{1,40}?[»"”“]/giu;

const ORDINAL_WORD =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|перв\p{L}+|втор\p{L}+|трет\p{L}+|четв[её]рт\p{L}+|пят\p{L}+|шест\p{L}+|седьм\p{L}+|восьм\p{L}+|девят\p{L}+|десят\p{L}+|перш\p{L}+|друг\p{L}+|трет\p{L}+|четверт\p{L}+|п'ят\p{L}+|шост\p{L}+|сьом\p{L}+|восьм\p{L}+|дев'ят\p{L}+)$/iu;
const EN_UNIT_WORDS =
  /^(?:motor|motorized|rifle|tank|guards?|airborne|air|assault|separate|mechani[sz]ed|infantry|artillery|marine|naval|special|reconnaissance|combined|arms|mountain|engineer|rocket|missile|anti-aircraft|territorial|defen[cs]e)$/i;

// Branch names that follow the unit noun in the genitive ("бригада морской пехоты").
const BRANCH_AFTER =
  /^\s+(?:морск\p{L}* пехот\p{L}*|морськ\p{L}* піхот\p{L}*|специальн\p{L}* назначени\p{L}*|спеціальн\p{L}* призначенн\p{L}*|особого назначения|of (?:the )?marines)(?!\p{L})/iu;

// One unit named twice ("752-го полка", "752-го мотострелкового полка"): same number, same unit noun.
function unitKey(name: string): string {
  const number = /\d+/.exec(name)?.[0];
  const noun = name
    .toLowerCase()
    .split(/\s+/)
    .find((word) => UNIT_NOUN.test(word));
  return number && noun ? `${number} ${noun.slice(0, 4)}` : name.toLowerCase().replace(/\s+/g, ' ');
}

function isAdjective(word: Token, lang: Language): boolean {
  if (lang === 'en') return word.cap || EN_UNIT_WORDS.test(word.norm);
  const parts = word.norm.split('-');
  const last = parts[parts.length - 1];
  if (lang === 'uk' || /[іїє]/.test(last))
    return analyzeUkrainian(last).some((r) => !r.proper && /(?:ий|ій|їй)$/.test(r.lemma));
  return analyzeRussian(last).some((r) => r.pos === 'ADJF' || r.pos === 'PRTF');
}

// A toponymic adjective naming a unit ("Ямпольский полк", "Ахтирський батальйон").
const PLACE_ADJECTIVE = /(?:ск|цк|зк|ськ|цьк|зьк)(?:ий|ій|ого|ому|им|ім|ом|ая|ой|ую|ое|ої|ою|у|а|е)$/u;

/**
 * Units named by a number without an ordinal ending ("в 109 полку", "the 331 Paratroopers
 * Regiment") or by a place adjective ("к Ямпольскому полку"). A numeral governing a plural or
 * counted form ("5 батальонов", "3 роти") counts units and names none.
 */
function bareUnits(doc: Doc, lang: Language): Array<{ start: number; end: number; rule: string }> {
  const { tokens, text } = doc;
  const out: Array<{ start: number; end: number; rule: string }> = [];
  const adjacent = (a: Token, b: Token) =>
    a.sentence === b.sentence && /^\s+$/.test(text.slice(a.end, b.start));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.num && adjacent(t, tokens[i + 1]) && !/^\d{4}$/.test(t.text)) {
      let k = i + 1;
      if (lang === 'en') {
        while (
          k < i + 4 &&
          k + 1 < tokens.length &&
          tokens[k].cap &&
          !UNIT_NOUN.test(tokens[k].norm) &&
          adjacent(tokens[k], tokens[k + 1])
        )
          k++;
        if (UNIT_NOUN.test(tokens[k].norm) && (k > i + 1 || tokens[k].cap))
          out.push({ start: t.start, end: tokens[k].end, rule: 'number + unit noun' });
      } else if (isUnitNoun(tokens[k]) && !isCountedUnitNoun(tokens[k].norm, lang))
        out.push({ start: t.start, end: withQuotedName(text, tokens[k].end), rule: 'number + unit noun' });
    }
    const first = i === 0 || tokens[i - 1].sentence !== t.sentence;
    if (lang !== 'en' && t.cap && !first && PLACE_ADJECTIVE.test(t.norm) && adjacent(t, tokens[i + 1])) {
      const noun = tokens[i + 1];
      if (UNIT_NOUN.test(noun.norm) && !isCountedUnitNoun(noun.norm, lang))
        out.push({ start: t.start, end: noun.end, rule: 'place adjective + unit noun' });
    }
  }
  return out;
}

/** The end of a unit's name, taking in its quoted own name if one follows. */
function withQuotedName(text: string, end: number): number {
  return end + (QUOTED_NAME.exec(text.slice(end))?.[0].length ?? 0);
}

/**
 * Military units, named in the nominative: numbered units, "ordinal + adjectives + unit noun"
 * ("Fifth company", "11-й … бригаді"), a number or a place adjective before a unit noun.
 */
export function findUnits(doc: Doc, lang: Language): UnitItem[] {
  const found: Array<{ name: string; start: number; end: number; rule: string }> = [];
  for (const m of doc.text.matchAll(NUMBERED))
    found.push({ name: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, rule: 'numbered unit' });
  const { tokens, text } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "25-та", "155-ту", "3-ї", "72-й", "5th": any short ending after a hyphen, or a known one.
    const digitOrdinal =
      t.num &&
      /^(?:-\p{L}{1,3}(?!\p{L})|(?:й|я|го|му|м|ї|а|ша|ій|ої|ий|ый|ой)(?!\p{L})|st|nd|rd|th)/iu.test(
        text.slice(t.end, t.end + 4),
      );
    if (!digitOrdinal && !ORDINAL_WORD.test(t.norm)) continue;
    for (let k = i + 1; k <= i + 6 && k < tokens.length && tokens[k].sentence === t.sentence; k++) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start);
      if (!/^[\s-]*$/.test(gap) && !(k === i + 1 && /^-?\p{L}{0,3}\s+$/u.test(gap))) break;
      if (isUnitNoun(tokens[k])) {
        const end = withQuotedName(
          text,
          tokens[k].end + (BRANCH_AFTER.exec(text.slice(tokens[k].end))?.[0].length ?? 0),
        );
        found.push({
          name: text.slice(t.start, end),
          start: t.start,
          end,
          rule: 'ordinal + unit noun',
        });
        i = k;
        break;
      }
      if (
        k === i + 1 &&
        digitOrdinal &&
        (/^(?:st|nd|rd|th)$/.test(tokens[k].norm) ||
          /^-\p{L}{1,3}$/u.test(text.slice(t.end, tokens[k].end)) ||
          /^(?:й|я|го|му|м|ї|а|ій|ої)$/.test(tokens[k].norm))
      )
        continue;
      if (!isAdjective(tokens[k], lang)) break;
    }
  }
  for (const m of text.matchAll(NOUN_THEN_NAME)) {
    const start = m.index ?? 0;
    if (!found.some((u) => u.start <= start && start < u.end))
      found.push({ name: m[0], start, end: start + m[0].length, rule: 'unit noun + quoted name' });
  }
  for (const f of bareUnits(doc, lang))
    if (!found.some((u) => u.start < f.end && f.start < u.end))
      found.push({ ...f, name: text.slice(f.start, f.end) });
  const byName = new Map<string, UnitItem>();
  for (const f of found.sort((a, b) => a.start - b.start)) {
    f.name = unitNominative(f.name, lang);
    const key = unitKey(f.name);
    const item = byName.get(key);
    if (item) {
      item.spans.push({ start: f.start, end: f.end });
      if (f.name.length > item.name.length) item.name = f.name;
    } else byName.set(key, { name: f.name, spans: [{ start: f.start, end: f.end }], explain: [f.rule] });
  }
  return [...byName.values()];
}
