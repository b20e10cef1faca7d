/** A word or number of the clean text with its UTF-16 offsets. */
export interface Token {
  text: string;
  /** lower-case, ё→е, apostrophes unified */
  norm: string;
  start: number;
  end: number;
  /** first letter is upper-case */
  cap: boolean;
  /** digits only */
  num: boolean;
  /** index of the sentence that holds the token */
  sentence: number;
}

/** A sentence of the clean text: offsets and the range of its tokens. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  firstToken: number;
  lastToken: number;
}

/** The clean text split once into tokens and sentences, shared by every extractor. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Lower-cases and unifies ё and apostrophes, keeping the string length unchanged. */
export function normalize(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'");
}

const WORD = /\p{L}[\p{L}\p{M}'’ʼ]*(?:-\p{L}[\p{L}\p{M}'’ʼ]*)*|\d+/gu;
// A sentence ends at . ! ? … or a line break, unless the dot closes a known abbreviation
// or an initial ("м.", "г.", "обл.", "A.").
const ABBREV =
  /(?:^|[\s(«"])(?:\p{L}|м|г|с|п|ул|обл|им|ім|р|гг|рр|ст|пгт|смт|св|тов|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|No|vs|etc|т\.?\s?е|т\.?\s?к)\.$/u;

const MONTH_ABBREV =
  /(?:^|[\s(«"])(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|янв|февр?|апр|авг|сент?|окт|нояб|дек|січ|лют|бер|квіт|черв|лип|серп|вер|жовт|лист|груд)\.\s+\d/iu;

function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /[.!?…]+["»”'’]?(?=\s)|\n+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREV.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    // "Dec. 6", "окт. 2022": a month's abbreviation before a number.
    if (m[0] === '.' && MONTH_ABBREV.test(text.slice(Math.max(0, m.index - 6), m.index + 4))) continue;
    if (/^\s*[a-zа-яёіїєґ]/u.test(text.slice(end, end + 3)) && m[0][0] !== '\n') continue;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/** Tokenizes the clean text and splits it into sentences. */
export function buildDoc(text: string): Doc {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const [start, end] of splitSentences(text)) {
    const index = sentences.length;
    const firstToken = tokens.length;
    const slice = text.slice(start, end);
    WORD.lastIndex = 0;
    for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
      const t = m[0];
      tokens.push({
        text: t,
        norm: normalize(t),
        start: start + m.index,
        end: start + m.index + t.length,
        cap: t[0] !== t[0].toLowerCase(),
        num: /^\d/.test(t),
        sentence: index,
      });
    }
    sentences.push({ start, end, text: slice, firstToken, lastToken: tokens.length - 1 });
  }
  return { text, tokens, sentences };
}

/** The tokens of one sentence. */
export function sentenceTokens(doc: Doc, index: number): Token[] {
  const s = doc.sentences[index];
  return doc.tokens.slice(s.firstToken, s.lastToken + 1);
}

/**
 * The sentence (or sentences) of a text that hold a span: its line split as the extractor
 * splits sentences, trimmed. Null when the span is outside the text.
 */
export function sentenceAround(
  text: string,
  span: { start: number; end: number },
): { start: number; end: number } | null {
  if (span.start < 0 || span.end > text.length || span.end <= span.start) return null;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const next = text.indexOf('\n', Math.max(span.end - 1, span.start));
  const lineEnd = next < 0 ? text.length : next;
  let start = lineEnd;
  let end = lineStart;
  for (const [s, e] of splitSentences(text.slice(lineStart, lineEnd))) {
    if (lineStart + e <= span.start || lineStart + s >= span.end) continue;
    start = Math.min(start, lineStart + s);
    end = Math.max(end, lineStart + e);
  }
  if (end <= start) return null;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}
