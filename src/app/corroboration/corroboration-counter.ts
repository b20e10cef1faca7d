import type { Kysely, Transaction } from 'kysely';
import { ingestRows } from '../../store/ingest-rows.js';
import type { Database } from '../../store/schema.js';

/** How many sources state a fact, and how many of them are independent (reprints count once). */
export interface Corroboration {
  sources: number;
  independentSources: number;
}

export interface CorroborationOptions {
  /** Only claims on this field count. */
  field?: string;
  /**
   * The sources that may be counted, for counts shown to a reader: a source the reader may not
   * see must not show even as a number (docs/security.md). The system's own status rules count all.
   */
  countable?: (sourceIds: string[]) => Promise<Set<string>>;
}

/**
 * Counts, for each subject (an act, or any record), the distinct sources of the claims about it
 * and the distinct stories among them: two reprints of one story are one independent source.
 */
export async function corroborationOf(
  db: Kysely<Database> | Transaction<Database>,
  subjectType: string,
  subjectIds: string[],
  options: CorroborationOptions = {},
): Promise<Map<string, Corroboration>> {
  const { field, countable } = options;
  const out = new Map<string, Corroboration>(
    subjectIds.map((id) => [id, { sources: 0, independentSources: 0 }]),
  );
  if (subjectIds.length === 0) return out;
  const sourcesBySubject = new Map<string, Set<string>>();
  for (let i = 0; i < subjectIds.length; i += 500) {
    let q = db
      .selectFrom('claims')
      .select(['subject_id', 'source_id'])
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjectIds.slice(i, i + 500));
    if (field) q = q.where('field', '=', field);
    for (const row of await q.execute()) {
      const set = sourcesBySubject.get(String(row.subject_id)) ?? new Set<string>();
      set.add(String(row.source_id));
      sourcesBySubject.set(String(row.subject_id), set);
    }
  }
  if (countable) {
    const allowed = await countable([...new Set([...sourcesBySubject.values()].flatMap((s) => [...s]))]);
    for (const [subject, sources] of sourcesBySubject)
      sourcesBySubject.set(subject, new Set([...sources].filter((s) => allowed.has(s))));
  }
  const stories = await ingestRows.storiesOf(
    db,
    [...sourcesBySubject.values()].flatMap((s) => [...s]),
  );
  for (const [subject, sources] of sourcesBySubject) {
    out.set(subject, {
      sources: sources.size,
      independentSources: new Set([...sources].map((s) => stories.get(s) ?? s)).size,
    });
  }
  return out;
}
