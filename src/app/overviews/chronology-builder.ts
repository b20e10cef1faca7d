import type { StoredRecord } from '../../domain/collections.js';
import type { ChronologyEntry, SourceSummary } from '../../domain/schemas/overview.js';
import { sentenceAround } from '../../ingest/text.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { presentRecords, REDACTED } from '../presenters/record-presenter.js';

/** The claims about these subjects the reader may see, as presented (sensitive quotes redacted). */
export async function claimsAbout(
  ctx: AppContext,
  scope: AccessScope,
  subjects: Array<{ type: string; id: string }>,
): Promise<StoredRecord[]> {
  const claims: StoredRecord[] = [];
  for (const s of subjects) {
    claims.push(
      ...(await ctx.store.list('claims', { filters: { subjectType: s.type, subjectId: s.id }, limit: 1000 })),
    );
  }
  return presentRecords(ctx, scope, 'claims', await scope.visibleOnly('claims', claims));
}

/** The visible sources of these claims, newest first. */
export async function sourcesOf(
  ctx: AppContext,
  scope: AccessScope,
  claims: StoredRecord[],
): Promise<SourceSummary[]> {
  const ids = [...new Set(claims.map((c) => String(c.sourceId)))];
  const visible = await scope.visibleOnly('sources', await ctx.store.getMany('sources', ids));
  // A page image shows the words: of a sensitive source, only to readers of sensitive text.
  const pages = await ingestRows.ocrPageCounts(
    ctx.store.handle.db,
    visible.filter((s) => s.sensitive !== true || scope.abilities.readsSensitive).map((s) => s.id),
  );
  return visible
    .map((s) => ({
      id: s.id,
      title: String(s.title ?? s.outlet ?? s.kind),
      kind: String(s.kind),
      ...(typeof s.outlet === 'string' ? { outlet: s.outlet } : {}),
      ...(typeof s.published === 'string' ? { published: s.published } : {}),
      ...(typeof s.url === 'string' ? { url: s.url } : {}),
      ...(pages.has(s.id) ? { pages: pages.get(s.id) } : {}),
    }))
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
}

/** The sentence of its source that states a claim: its offsets and its words. */
export interface ClaimSentence {
  start: number;
  end: number;
  text: string;
}

/**
 * For each claim whose source text the reader may read, the whole sentence holding its words:
 * a chronology entry then says what happened ("Kashina says her husband has been in Ukraine
 * since October 2.") instead of quoting a fragment ("October 2"). Claims whose quote no longer
 * matches the text, or whose quote is redacted, get none.
 */
export async function sentencesOf(
  ctx: AppContext,
  scope: AccessScope,
  claims: StoredRecord[],
): Promise<Map<string, ClaimSentence>> {
  const ids = [...new Set(claims.map((c) => String(c.sourceId)))];
  const sources = await presentRecords(
    ctx,
    scope,
    'sources',
    await scope.visibleOnly('sources', await ctx.store.getMany('sources', ids)),
  );
  const texts = new Map(sources.filter((s) => typeof s.text === 'string').map((s) => [s.id, String(s.text)]));
  const out = new Map<string, ClaimSentence>();
  for (const claim of claims) {
    const text = texts.get(String(claim.sourceId));
    const span = claim.span as { start: number; end: number } | undefined;
    if (!text || !span || claim.quote === REDACTED || text.slice(span.start, span.end) !== claim.quote)
      continue;
    const sentence = sentenceAround(text, span);
    if (sentence) out.set(claim.id, { ...sentence, text: text.slice(sentence.start, sentence.end) });
  }
  return out;
}

/**
 * Orders claims into a chronology: claims stated by the same sentence of the same source (or,
 * without the sentence, the same span) become one entry quoting it and listing their facts, each
 * with its own words; the entry is placed at the date the sentence states (a 'date' claim) or,
 * failing that, at its source's publication date; undated entries last. Claims of sources the
 * reader may not see are left out.
 */
export function buildChronology(
  claims: StoredRecord[],
  sources: SourceSummary[],
  labelOf: (subjectType: string, subjectId: string) => string,
  sentences: Map<string, ClaimSentence> = new Map(),
): ChronologyEntry[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const groups = new Map<string, { entry: ChronologyEntry; start: number; stated?: string }>();
  for (const claim of claims) {
    const source = byId.get(String(claim.sourceId));
    if (!source) continue;
    const sentence = sentences.get(claim.id);
    const span = sentence ?? (claim.span as { start?: number; end?: number } | undefined);
    const key = `${source.id}\u0000${span?.start ?? 0}\u0000${span?.end ?? 0}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        start: span?.start ?? 0,
        entry: {
          claimId: claim.id,
          date: null,
          dateSource: 'none',
          facts: [],
          quote: sentence?.text ?? String(claim.quote),
          sourceId: source.id,
          sourceTitle: source.title,
          ...(source.pages ? { sourcePages: source.pages } : {}),
        },
      };
      groups.set(key, group);
    }
    if (claim.field === 'date' && typeof claim.value === 'string' && !group.stated)
      group.stated = claim.value;
    group.entry.facts.push({
      claimId: claim.id,
      subjectType: String(claim.subjectType),
      subjectId: String(claim.subjectId),
      subjectLabel: labelOf(String(claim.subjectType), String(claim.subjectId)),
      field: String(claim.field),
      ...(claim.value !== undefined ? { value: claim.value } : {}),
      ...(sentence ? { quote: String(claim.quote) } : {}),
    });
  }
  const ordered = [...groups.values()].map((g) => {
    const published = byId.get(g.entry.sourceId)?.published;
    g.entry.date = g.stated ?? published ?? null;
    g.entry.dateSource = g.stated ? 'claim' : published ? 'source' : 'none';
    return g;
  });
  return ordered
    .sort(
      (a, b) =>
        (a.entry.date === null ? 1 : 0) - (b.entry.date === null ? 1 : 0) ||
        (a.entry.date ?? '').localeCompare(b.entry.date ?? '') ||
        a.entry.sourceId.localeCompare(b.entry.sourceId) ||
        a.start - b.start,
    )
    .map((g) => g.entry);
}

/** The primary name of a person record. */
export function primaryName(person: StoredRecord | undefined): string {
  const names = person?.names as Array<{ value: string }> | undefined;
  return names?.[0]?.value ?? '';
}
