import type { QuotedSpan } from '../../domain/schemas/draft.js';
import { readNumber } from '../../ingest/numbers.js';
import { buildDoc, type Doc } from '../../ingest/text.js';

type Span = Pick<QuotedSpan, 'start' | 'end'>;

/**
 * Where the items of a draft stand in their source, to link what the text puts together: the
 * unit named in the sentence of a threat is its perpetrator, the date in the sentence of a
 * detention is its date, a relative speaks for the detainee named nearest to her.
 */
export class SpanLayout {
  private readonly doc: Doc;

  constructor(text: string) {
    this.doc = buildDoc(text);
  }

  /** The sentences (by index) that the spans touch. */
  private sentencesOf(spans: Span[]): Set<number> {
    const out = new Set<number>();
    this.doc.sentences.forEach((s, i) => {
      if (spans.some((span) => span.start < s.end && s.start < span.end)) out.add(i);
    });
    return out;
  }

  /** Do two items share a sentence of the text? */
  shareSentence(a: Span[], b: Span[]): boolean {
    const mine = this.sentencesOf(a);
    return [...this.sentencesOf(b)].some((i) => mine.has(i));
  }

  /** The candidate whose spans come closest to these spans (characters between them). */
  nearest<T>(spans: Span[], candidates: Array<{ spans: Span[]; value: T }>): T | undefined {
    let best: { gap: number; value: T } | undefined;
    for (const c of candidates) {
      const gap = Math.min(
        ...spans.flatMap((a) =>
          c.spans.map((b) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0)),
        ),
      );
      if (Number.isFinite(gap) && (!best || gap < best.gap)) best = { gap, value: c.value };
    }
    return best?.value;
  }
}

/**
 * Who a headcount counts, from its quote without the number: "21 Russian conscientious
 * objectors" → "Russian conscientious objectors"; the whole quote when nothing is left.
 */
export function groupDescription(quote: string): string {
  const doc = buildDoc(quote);
  const first = doc.tokens.findIndex((_, i) => readNumber(doc.tokens, i, quote) !== null);
  const number = first >= 0 ? readNumber(doc.tokens, first, quote) : null;
  const rest = number ? quote.slice(doc.tokens[number.last].end).trim() : '';
  return (rest || quote.trim()).slice(0, 2000);
}
