import { newId } from '../../domain/ids.js';
import type { IntakeSubmissionFields } from '../../domain/schemas/intake.js';
import { IntakeSubmissionFields as Schema } from '../../domain/schemas/intake.js';
import { assertValid } from '../../domain/validate.js';
import type { AppContext } from '../context.js';
import { cleanText } from '../records/record-text.js';

/**
 * Stores a submission from the public form, every field encrypted. A filled-in honeypot gets the
 * same answer and stores nothing, so a robot learns nothing from the reply.
 */
export async function submitIntake({
  ctx,
  input,
}: {
  ctx: AppContext;
  input: unknown;
}): Promise<{ id: string; receivedAt: string; stored: boolean }> {
  const copy: unknown = structuredClone(input);
  if (copy !== null && typeof copy === 'object' && !Array.isArray(copy))
    cleanText(copy as Record<string, unknown>, ['personName', 'contact.name']);
  const fields = assertValid<IntakeSubmissionFields>(Schema, copy, 'submission');
  const receivedAt = new Date().toISOString();
  if (fields.website) return { id: newId(), receivedAt, stored: false };
  const { website: _honeypot, ...submission } = fields;
  return ctx.store.write('public:intake', async (writer) => {
    const id = newId();
    await writer.trx
      .insertInto('intake_submissions')
      .values({
        id,
        version: 1,
        received_at: writer.now,
        status: 'new',
        sealed: writer.cipher.seal(submission),
        handled_by: null,
        handled_at: null,
      })
      .execute();
    await writer.note({
      action: 'submit',
      collection: 'intake',
      recordId: id,
      before: undefined,
      after: { status: 'new' },
    });
    return { id, receivedAt: writer.now, stored: true };
  });
}
