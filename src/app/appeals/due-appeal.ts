import type { AppealDeadline } from '../../domain/appeals/appeal-deadline.js';
import type { AppealStatus } from '../../domain/appeals/appeal-status.js';
import type { DueEntry, NoDeadlineReason, UndatedEntry } from '../../domain/appeals/due-list.js';
import type { LetterType } from '../../domain/appeals/letter-context.js';
import type { NextStep } from '../../domain/appeals/next-steps.js';
import type { StoredRecord } from '../../domain/collections.js';
import { recipientLabel } from './recipients.js';

/** A deadline as the API and the CLI show it: the date, the law and how sure it is. */
export interface DeadlineView {
  due: string;
  ruleId: string;
  citation: string;
  explanation: string;
  explanationRu: string;
  estimated: boolean;
  notes: string[];
}

/** A suggested next step, as data the UI can act on. */
export interface NextStepView {
  id: string;
  label: { ru: string; en: string };
  basis: string;
  letterType?: LetterType;
  recipientKinds: string[];
}

interface DueAppealBase {
  id: string;
  caseId?: string;
  kind: string;
  recipient: string;
  recipientId?: string;
  status: AppealStatus;
}

/** One line of the due list. Names bodies and ids only, never the persons concerned. */
export interface DatedDueAppeal extends DueAppealBase {
  daysLeft: number;
  deadline: DeadlineView;
  nextSteps: NextStepView[];
}

/** A line of the due list for an appeal awaiting an answer whose deadline cannot be computed. */
export interface UndatedDueAppeal extends DueAppealBase {
  noDeadline: true;
  noDeadlineReason: NoDeadlineReason;
}

export type DueAppeal = DatedDueAppeal | UndatedDueAppeal;

/** The deadline of an appeal for display. */
export function presentDeadline(deadline: AppealDeadline): DeadlineView {
  const { result } = deadline;
  return {
    due: deadline.due,
    ruleId: result.rule.id,
    citation: result.citation,
    explanation: result.explanation,
    explanationRu: result.explanationRu,
    estimated: deadline.estimated || result.approximate,
    notes: deadline.notes,
  };
}

/** A next step for display. */
export function presentNextStep(step: NextStep): NextStepView {
  return {
    id: step.id,
    label: step.label,
    basis: step.basis,
    ...(step.letterType ? { letterType: step.letterType } : {}),
    recipientKinds: step.recipientKinds,
  };
}

/** What the stored record adds to a line of the due list (case, kind, body). */
function presentBase(record: StoredRecord, status: AppealStatus): DueAppealBase {
  return {
    id: record.id,
    ...(typeof record.caseId === 'string' ? { caseId: record.caseId } : {}),
    kind: String(record.kind),
    recipient: recipientLabel(record),
    ...(typeof record.recipientId === 'string' ? { recipientId: record.recipientId } : {}),
    status,
  };
}

/** One due entry with what the stored record adds. */
export function presentDueEntry(entry: DueEntry, record: StoredRecord): DatedDueAppeal {
  return {
    ...presentBase(record, entry.status),
    daysLeft: entry.daysLeft,
    deadline: presentDeadline(entry.deadline),
    nextSteps: entry.nextSteps.map(presentNextStep),
  };
}

/** An appeal without a computable deadline, said to have none. */
export function presentUndatedEntry(entry: UndatedEntry, record: StoredRecord): UndatedDueAppeal {
  return { ...presentBase(record, entry.status), noDeadline: true, noDeadlineReason: entry.reason };
}
