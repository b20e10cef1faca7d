import { findRecipient } from '../../domain/appeals/recipient-directory.js';
import type { RecordWriter } from '../../store/record-store.js';
import { recipientDirectory } from '../appeals/recipients.js';
import { insertValidRecord } from '../records/record-creator.js';

/** What a report says became of an appeal, as the status the appeal is stored with. */
const STORED_STATUS: Record<string, string> = {
  sent: 'sent',
  no_reply: 'sent',
  answered: 'answered',
  refused: 'refused',
  unknown: 'sent',
};

export interface AppealFromReport {
  caseId: string;
  /** The draft item's value: to, by, status, and date and dateEstimated when the text dates it. */
  value: Record<string, unknown>;
  /** The recipient's organization record, when the draft created or linked one. */
  organizationId?: string;
  /** Named detainees and the group of unnamed ones the appeal speaks for. */
  personIds: string[];
  groupId?: string;
}

/**
 * The intervention an appeal found in a report becomes: the sender, the recipient (the
 * directory's body when the name is one, so letters and deadlines know its address and terms),
 * the sending date when the text gives it (inferred dates marked so), the persons and group it
 * concerns and the stored status, from which 'no reply' is derived when the answer is late or
 * unknown (domain/appeals/appeal-status). The same recipient and sender on the case is one appeal.
 */
export async function applyAppealFromReport(
  writer: RecordWriter,
  appeal: AppealFromReport,
): Promise<{ id: string; created: boolean }> {
  const v = appeal.value;
  const existing = (
    await writer.list('interventions', { filters: { caseId: appeal.caseId }, limit: 200 })
  ).find((i) => i.recipientName === v.to && i.senderKind === v.by);
  if (existing) return { id: existing.id, created: false };
  const recipient = findRecipient(recipientDirectory(), String(v.to));
  const status = STORED_STATUS[String(v.status)] ?? 'sent';
  const sentOn = typeof v.date === 'string' && v.date ? v.date : undefined;
  // An appeal still awaiting its answer gets the body's legal term, so a late answer shows.
  const deadlineRule =
    sentOn && status === 'sent' && recipient?.deadlineRuleIds.length
      ? recipient.deadlineRuleIds[0]
      : undefined;
  const record = await insertValidRecord(
    writer,
    'interventions',
    withoutEmpty({
      caseId: appeal.caseId,
      recipientName: String(v.to).slice(0, 500),
      recipientOrganizationId: appeal.organizationId,
      recipientId: recipient?.id,
      senderKind: v.by,
      kind: 'inquiry',
      status,
      sentOn,
      sentOnEstimated: sentOn && v.dateEstimated === true ? true : undefined,
      deadlineRule,
      personIds: appeal.personIds.length ? appeal.personIds : undefined,
      groupIds: appeal.groupId ? [appeal.groupId] : undefined,
    }),
    'apply-draft',
  );
  return { id: record.id, created: true };
}

function withoutEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
