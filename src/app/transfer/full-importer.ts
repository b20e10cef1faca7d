import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { COLLECTIONS, type StoredRecord } from '../../domain/collections.js';
import { invalid, VigilError } from '../../domain/errors.js';
import { assertValid } from '../../domain/validate.js';
import { verifyAudit } from '../../store/audit-log.js';
import type { AuditRow } from '../../store/schema.js';
import type { Actor, AppContext } from '../context.js';
import { enforceRecordRules } from '../records/record-rules.js';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, RESTORE_ORDER } from './export-format.js';

const AuditRowSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: Type.String(),
    actor: Type.String(),
    action: Type.String(),
    collection: Type.String(),
    record_id: Type.String(),
    before_doc: Type.Union([Type.String(), Type.Null()]),
    after_doc: Type.Union([Type.String(), Type.Null()]),
    prev_hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    // Exports made before audit entries had a context lack the column.
    context: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    // Exports made before the chain was keyed lack the kind.
    kind: Type.Optional(Type.Union([Type.String({ enum: ['change', 'note'] }), Type.Null()])),
  },
  { additionalProperties: false },
);

const ExportFile = Type.Object({
  format: Type.Literal(EXPORT_FORMAT),
  formatVersion: Type.Literal(EXPORT_FORMAT_VERSION),
  collections: Type.Object(Object.fromEntries(RESTORE_ORDER.map((c) => [c, Type.Array(Type.Object({}))]))),
  audit: Type.Array(AuditRowSchema),
});

export interface ImportResult {
  records: number;
  auditEntries: number;
}

/**
 * Restores a full export into an empty database, all or nothing: every record with its id,
 * version and timestamps, and the audit chain verbatim (verified), then one audit entry for the
 * import itself. Merging into a database that has records is refused.
 */
export async function importFull({
  ctx,
  actor,
  content,
}: {
  ctx: AppContext;
  actor: Actor;
  content: Buffer;
}): Promise<ImportResult> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    throw invalid('the file is not valid JSON');
  }
  const file = assertValid<{ collections: Record<string, unknown[]>; audit: AuditRow[] }>(
    ExportFile,
    parsed,
    'export file',
  );

  return ctx.store.write(actor.id, async (writer) => {
    for (const collection of RESTORE_ORDER) {
      if ((await writer.list(collection, { limit: 1 })).length) {
        throw new VigilError(
          'conflict',
          `the database already holds ${collection}; import restores only into an empty database`,
        );
      }
    }
    let records = 0;
    const restored: Array<[(typeof RESTORE_ORDER)[number], StoredRecord]> = [];
    for (const collection of RESTORE_ORDER) {
      const spec = COLLECTIONS[collection];
      for (const [i, raw] of file.collections[collection].entries()) {
        const record = assertValid<StoredRecord>(spec.record, raw, `${collection}[${i}]`);
        await writer.restore(collection, record);
        restored.push([collection, record]);
        records++;
      }
    }
    // With everything in, every reference and rule must hold, as if each record had been created.
    for (const [collection, record] of restored) await enforceRecordRules(writer, collection, record);
    await writer.restoreAudit(file.audit);
    const verdict = await verifyAudit(writer.trx, ctx.store.auditKey);
    if (!verdict.ok)
      throw invalid(`the export's audit chain is broken at entry ${verdict.badSeq}: ${verdict.reason}`);
    await writer.note({
      action: 'import',
      collection: '*',
      recordId: '*',
      before: undefined,
      after: {
        records,
        auditEntries: file.audit.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      },
    });
    return { records, auditEntries: file.audit.length };
  });
}
