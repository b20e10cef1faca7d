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
