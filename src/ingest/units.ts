import type { Language } from '../domain/vocabularies.js';
import { analyzeRussian } from './morphology/russian.js';
import { analyzeUkrainian } from './morphology/ukrainian.js';
import type { Doc, Token } from './text.js';
import type { UnitItem } from './types.js';

// "military unit 12345", "в/ч 12345", "войсковая часть № 12345", "військова частина А1234".
const NUMBERED =
  /(?<![\p{L}])(?:military unit|unit|в\/ч|войсков\p{L}* част\p{L}*|воинск\p{L}* част\p{L}*|військов\p{L}* частин\p{L}*|в\/ч)\s*(?:No\.?\s*|№\s*)?([A-ZА-ЯІ]?\d{4,5})(?!\d)/giu;
const UNIT_NOUN =
  /^(?:company|battalion|regiment|brigade|division|army|corps|platoon|squad|detachment|рот[аыеуой]|батальон\p{L}*|батальйон\p{L}*|полк\p{L}*|бригад\p{L}*|дивизи\p{L}*|арми\p{L}*|корпус\p{L}*|взвод\p{L}*|отряд\p{L}*|дивізі\p{L}*|армі\p{L}*|загін|загон\p{L}*|рот[иіуою])$/iu;
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

/** Military units as written: numbered units and "ordinal + adjectives + unit noun" ("Fifth company", "11-й … бригаді"). */
export function findUnits(doc: Doc, lang: Language): UnitItem[] {
  const found: Array<{ name: string; start: number; end: number; rule: string }> = [];
  for (const m of doc.text.matchAll(NUMBERED))
    found.push({ name: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, rule: 'numbered unit' });
  const { tokens, text } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const digitOrdinal =
      t.num &&
      /^(?:-?(?:й|я|го|му|м|ї|а|ша|ша|ій|ої|ий|ый|ой)|st|nd|rd|th)/iu.test(text.slice(t.end, t.end + 3));
    if (!digitOrdinal && !ORDINAL_WORD.test(t.norm)) continue;
    for (let k = i + 1; k <= i + 6 && k < tokens.length && tokens[k].sentence === t.sentence; k++) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start);
      if (!/^[\s-]*$/.test(gap) && !(k === i + 1 && /^-?\p{L}{0,3}\s+$/u.test(gap))) break;
      if (UNIT_NOUN.test(tokens[k].norm)) {
        const end = tokens[k].end + (BRANCH_AFTER.exec(text.slice(tokens[k].end))?.[0].length ?? 0);
        found.push({
          name: text.slice(t.start, end),
          start: t.start,
          end,
          rule: 'ordinal + unit noun',
        });
        i = k;
        break;
      }
      if (k === i + 1 && digitOrdinal && /^(?:st|nd|rd|th|й|я|го|му|м|ї|а|ій|ої)$/.test(tokens[k].norm))
        continue;
      if (!isAdjective(tokens[k], lang)) break;
    }
  }
  const byName = new Map<string, UnitItem>();
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const key = unitKey(f.name);
    const item = byName.get(key);
    if (item) {
      item.spans.push({ start: f.start, end: f.end });
      if (f.name.length > item.name.length) item.name = f.name;
    } else byName.set(key, { name: f.name, spans: [{ start: f.start, end: f.end }], explain: [f.rule] });
  }
  return [...byName.values()];
}
