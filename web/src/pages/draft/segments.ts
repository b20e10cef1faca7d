import type { DraftItem } from '../../api/types';

/** A run of the source text and the items whose spans cover it. */
export interface Segment {
  start: number;
  end: number;
  itemIds: string[];
  /** Within a word OCR read with low confidence. */
  uncertain?: boolean;
}

/**
 * Cuts the text at every span boundary, so that overlapping spans (a person inside an act's
 * sentence) each keep their highlight; rejected items are not highlighted. Words OCR read with
 * low confidence (`uncertain`) are cut out too, to be marked.
 */
export function segmentsOf(
  textLength: number,
  items: DraftItem[],
  uncertain: Array<{ start: number; end: number }> = [],
): Segment[] {
  const spans = items
    .filter((i) => i.decision !== 'reject')
    .flatMap((i) =>
      i.spans
        .filter((s) => s.start >= 0 && s.end <= textLength && s.end > s.start)
        .map((s) => ({ id: i.id, start: s.start, end: s.end })),
    );
  const cuts = new Set<number>([0, textLength]);
  for (const s of [...spans, ...uncertain]) {
    cuts.add(Math.min(s.start, textLength));
    cuts.add(Math.min(s.end, textLength));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    segments.push({
      start,
      end,
      itemIds: [...new Set(covering.map((s) => s.id))],
      ...(uncertain.some((u) => u.start <= start && u.end >= end) ? { uncertain: true } : {}),
    });
  }
  return segments;
}
