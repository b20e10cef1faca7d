import { invalid, notFound, VigilError } from '../../domain/errors.js';
import type { IntakeSubmission } from '../../domain/schemas/intake.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { IntakeRow } from '../../store/schema.js';
import type { Actor, AppContext } from '../context.js';

/** A stored submission as reviewers see it, decrypted. */
export function intakeView(ctx: AppContext, row: IntakeRow): IntakeSubmission {
  return {
    id: row.id,
    version: Number(row.version),
    receivedAt: row.received_at,
    status: row.status as IntakeSubmission['status'],
    ...(row.handled_by ? { handledBy: row.handled_by } : {}),
    ...(row.handled_at ? { handledAt: row.handled_at } : {}),
    submission: ctx.store.cipher.open(row.sealed) as IntakeSubmission['submission'],
  };
}

/** A page of submissions, oldest first, decrypted for the reviewer. */
export async function listIntake(
  ctx: AppContext,
  query: { status?: string; limit: number; after?: string },
): Promise<{ items: IntakeSubmission[]; nextCursor: string | null }> {
  let q = ctx.store.handle.db.selectFrom('intake_submissions').selectAll();
  if (query.status) q = q.where('status', '=', query.status);
  if (query.after) q = q.where('id', '>', query.after);
  const rows = await q
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map((r) => intakeView(ctx, r));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** One submission, decrypted. */
export async function readIntake(ctx: AppContext, id: string): Promise<IntakeSubmission> {
  const row = await ctx.store.handle.db
    .selectFrom('intake_submissions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('submission');
  return intakeView(ctx, row);
}

/** A submission read inside a write, refused unless it is still at the `version` the reviewer saw. */
export async function submissionAt(writer: RecordWriter, id: string, version: number): Promise<IntakeRow> {
  const row = await writer.trx
    .selectFrom('intake_submissions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('submission');
  if (Number(row.version) !== version) {
    throw new VigilError('conflict', 'the submission was changed by someone else; reload it', {
      currentVersion: row.version,
    });
  }
  return row;
}

/** Marks a submission handled or rejected (or new again), if it is still at `version`. */
export async function setIntakeStatus({
  ctx,
  actor,
  id,
  status,
  version,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  status: string;
  version: number;
}): Promise<IntakeSubmission> {
  if (!['new', 'handled', 'rejected'].includes(status)) throw invalid('unknown status');
  return ctx.store.write(actor.id, async (writer) => {
    const row = await submissionAt(writer, id, version);
    const changes = { status, version: version + 1, handled_by: actor.id, handled_at: writer.now };
    await writer.trx.updateTable('intake_submissions').set(changes).where('id', '=', id).execute();
    await writer.note({
      action: 'review',
      collection: 'intake',
      recordId: id,
      before: { status: row.status },
      after: { status },
    });
    return intakeView(ctx, { ...row, ...changes });
  });
}
