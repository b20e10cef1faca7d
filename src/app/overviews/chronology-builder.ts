import type { StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { presentRecords } from '../presenters/record-presenter.js';

/** One dated fact of a chronology, with the words of its source and where to read them. */
export interface ChronologyEntry {
  claimId: string;
  /** The date the fact is about (a 'date' claim), else the source's publication date. */
  date: string | null;
  dateSource: 'claim' | 'source' | 'none';
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  field: string;
  value?: unknown;
  quote: string;
  sourceId: string;
  sourceTitle: string;
}

/** A source as a page lists it. */
export interface SourceSummary {
  id: string;
  title: string;
  kind: string;
  outlet?: string;
  published?: string;
  url?: string;
}

/** The claims about these subjects, as the reader may see them (sensitive quotes redacted). */
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
  return presentRecords(ctx, scope, 'claims', claims);
}

/** The visible sources of these claims, newest first. */
export async function sourcesOf(
  ctx: AppContext,
  scope: AccessScope,
  claims: StoredRecord[],
): Promise<SourceSummary[]> {
  const ids = [...new Set(claims.map((c) => String(c.sourceId)))];
  const visible = await scope.visibleOnly('sources', await ctx.store.getMany('sources', ids));
  return visible
    .map((s) => ({
      id: s.id,
      title: String(s.title ?? s.outlet ?? s.kind),
      kind: String(s.kind),
      ...(typeof s.outlet === 'string' ? { outlet: s.outlet } : {}),
      ...(typeof s.published === 'string' ? { published: s.published } : {}),
      ...(typeof s.url === 'string' ? { url: s.url } : {}),
    }))
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
}

/**
 * Orders claims into a chronology: each fact at the date it states (a 'date' claim) or, failing
 * that, at its source's publication date; undated facts last. Claims of sources the reader may
 * not see are left out.
 */
export function buildChronology(
  claims: StoredRecord[],
  sources: SourceSummary[],
  labelOf: (subjectType: string, subjectId: string) => string,
): ChronologyEntry[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const entries: ChronologyEntry[] = [];
  for (const claim of claims) {
    const source = byId.get(String(claim.sourceId));
    if (!source) continue;
    const stated = claim.field === 'date' && typeof claim.value === 'string' ? claim.value : undefined;
    const date = stated ?? source.published ?? null;
    entries.push({
      claimId: claim.id,
      date,
      dateSource: stated ? 'claim' : source.published ? 'source' : 'none',
      subjectType: String(claim.subjectType),
      subjectId: String(claim.subjectId),
      subjectLabel: labelOf(String(claim.subjectType), String(claim.subjectId)),
      field: String(claim.field),
      ...(claim.value !== undefined ? { value: claim.value } : {}),
      quote: String(claim.quote),
      sourceId: source.id,
      sourceTitle: source.title,
    });
  }
  const spanStart = new Map(
    claims.map((c) => [c.id, (c.span as { start?: number } | undefined)?.start ?? 0]),
  );
  const start = (e: ChronologyEntry) => spanStart.get(e.claimId) ?? 0;
  return entries.sort(
    (a, b) =>
      (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.sourceId.localeCompare(b.sourceId) ||
      start(a) - start(b),
  );
}

/** The primary name of a person record. */
export function primaryName(person: StoredRecord | undefined): string {
  const names = person?.names as Array<{ value: string }> | undefined;
  return names?.[0]?.value ?? '';
}
