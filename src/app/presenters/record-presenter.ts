import type { CollectionName, StoredRecord } from '../../domain/collections.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';

/** Stands in for a required field whose value the reader may not see. */
export const REDACTED = '[redacted]';

/** Who gets the sensitive fields: the roles that read them, or no one (data for other tools). */
export type SensitiveFields = 'by-role' | 'never';

/**
 * Records as they leave the server for one reader: readers whose role does not read sensitive
 * data get no contacts, no text of sensitive sources, and no quotes from them. With `never` no
 * reader gets them: exports to other tools, which hold them unencrypted, carry none.
 */
export async function presentRecords(
  ctx: AppContext,
  scope: AccessScope,
  collection: CollectionName,
  records: StoredRecord[],
  sensitiveFields: SensitiveFields = 'by-role',
): Promise<StoredRecord[]> {
  records = await withoutHiddenSources(scope, collection, records);
  if (scope.abilities.readsSensitive && sensitiveFields === 'by-role') return records;
  const sensitive =
    collection === 'claims'
      ? await ctx.store.idsMatching(
          'sources',
          records.map((r) => String(r.sourceId)),
          { sensitive: 'true' },
        )
      : new Set<string>();
  return records.map((record) => {
    const out = { ...record };
    if (collection === 'persons') delete out.contacts;
    if (collection === 'sources' && out.sensitive === true) delete out.text;
    if (collection === 'claims' && sensitive.has(String(out.sourceId))) {
      out.quote = REDACTED;
      delete out.value;
    }
    return out;
  });
}

/** One record as it leaves the server for one reader. */
export async function presentRecord(
  ctx: AppContext,
  scope: AccessScope,
  collection: CollectionName,
  record: StoredRecord,
): Promise<StoredRecord> {
  return (await presentRecords(ctx, scope, collection, [record]))[0];
}

type StatusEntry = Record<string, unknown>;

const entriesOf = (record: StoredRecord): StatusEntry[] =>
  Array.isArray(record.statusHistory) ? (record.statusHistory as StatusEntry[]) : [];

/**
 * Leaves out what a record says on the authority of a source the reader may not see: a person's
 * status entries citing it, an appeal's reply. A shared person is visible from a public case while
 * his status entries may come from a confidential case's testimony (docs/security.md).
 */
export async function withoutHiddenSources(
  scope: AccessScope,
  collection: CollectionName,
  records: StoredRecord[],
): Promise<StoredRecord[]> {
  if (scope.seesAll || (collection !== 'persons' && collection !== 'interventions')) return records;
  const cited = records.flatMap((r) => [...entriesOf(r).map((e) => e.sourceId), r.replySourceId]);
  const ids = [...new Set(cited.filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return records;
  const visible = await scope.visibleIds('sources', ids);
  const shown = (id: unknown) => typeof id !== 'string' || visible.has(id);
  return records.map((r) => {
    const out = { ...r };
    if (Array.isArray(r.statusHistory)) out.statusHistory = entriesOf(r).filter((e) => shown(e.sourceId));
    if (!shown(r.replySourceId)) delete out.replySourceId;
    return out;
  });
}

/**
 * A person's status history as a writer sends it, with the stored entries the writer was never
 * shown (they cite sources the writer may not see) put back, so that saving the visible history
 * neither deletes nor reveals them.
 */
export async function keepHiddenStatusEntries(
  scope: AccessScope,
  stored: StoredRecord,
  sent: StatusEntry[],
): Promise<StatusEntry[]> {
  const [shown] = await withoutHiddenSources(scope, 'persons', [stored]);
  const visible = new Set(entriesOf(shown));
  return [...entriesOf(stored).filter((e) => !visible.has(e)), ...sent];
}
