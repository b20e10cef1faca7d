import type { DraftItemKind } from '../../domain/record-vocabularies.js';
import type { DraftItem, QuotedSpan } from '../../domain/schemas/draft.js';
import { proposeCaseSummary } from '../../ingest/case-summary.js';
import type { Extraction } from '../../ingest/extract-report.js';
import { replyItemOf } from './reply-item.js';

type Span = { start: number; end: number };

/**
 * Turns an extraction into the reviewable items of a draft: one per case, place, person,
 * organization or unit, act, appeal, count and date, and the official reply the text is, each with the quoted spans that state it.
 * Every item starts undecided.
 */
export function draftItemsOf(extraction: Extraction, sourceTitle: string | null): DraftItem[] {
  const text = extraction.text;
  const quoted = (spans: Span[]): QuotedSpan[] =>
    spans
      .filter((s) => s.end > s.start && s.end <= text.length)
      .map((s) => ({ start: s.start, end: s.end, quote: text.slice(s.start, s.end) }));
  const counters = new Map<DraftItemKind, number>();
  const item = (kind: DraftItemKind, proposed: Record<string, unknown>, spans: Span[]): DraftItem => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return { id: `${kind}-${n}`, kind, proposed, spans: quoted(spans), decision: 'pending' };
  };
  // The title typed when the report was ingested (or the page's headline the source kept), else
  // the headline of the clean text: never a line of page furniture.
  const title = (sourceTitle?.trim() || extraction.title || 'Case from an ingested report').slice(0, 500);
  const titleAt = text.indexOf(title);
  const summary = proposeCaseSummary(extraction);
  const items: DraftItem[] = [
    item(
      'case',
      // The summary is a proposal the reviewer edits (or clears) before applying.
      { title, ...(summary ? { summary } : {}) },
      titleAt >= 0 ? [{ start: titleAt, end: titleAt + title.length }] : [],
    ),
  ];
  for (const site of extraction.detentionSites)
    items.push(
      item(
        'place',
        {
          name: site.name,
          canonical: site.canonical,
          region: site.region,
          country: site.country,
          lat: site.lat,
          lon: site.lon,
          gazetteerId: site.gazetteerId,
        },
        site.spans,
      ),
    );
  for (const person of extraction.persons)
    items.push(item('person', { name: person.name, role: person.role, age: person.age }, person.spans));
  for (const org of extraction.organizations)
    items.push(item('organization', { name: org.name, kind: org.kind }, org.spans));
  for (const unit of extraction.units)
    items.push(item('organization', { name: unit.name, kind: 'military_unit' }, unit.spans));
  for (const act of extraction.acts) items.push(item('act', { type: act.type }, act.spans));
  for (const appeal of extraction.appeals)
    items.push(
      item(
        'appeal',
        {
          to: appeal.to,
          by: appeal.by,
          status: appeal.status,
          ...(appeal.date ? { date: appeal.date, dateEstimated: appeal.dateEstimated === true } : {}),
        },
        appeal.spans,
      ),
    );
  if (extraction.detainedCount)
    items.push(item('count', { value: extraction.detainedCount.value }, extraction.detainedCount.spans));
  for (const date of extraction.dates) items.push(item('date', { date: date.date }, date.spans));
  if (extraction.reply) {
    const reply = replyItemOf(extraction.reply);
    items.push(item('reply', reply.proposed, reply.spans));
  }
  // Items without any usable span cannot be claims; the case item is the one exception.
  return items.filter((i) => i.kind === 'case' || i.spans.length > 0);
}
