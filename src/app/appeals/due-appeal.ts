import type { AppealDeadline } from '../../domain/appeals/appeal-deadline.js';
import type { AppealStatus } from '../../domain/appeals/appeal-status.js';
import type { DueEntry } from '../../domain/appeals/due-list.js';
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

/** One line of the due list. Names bodies and ids only, never the persons concerned. */
export interface DueAppeal {
  id: string;
  caseId?: string;
  kind: string;
  recipient: string;
  recipientId?: string;
  status: AppealStatus;
  daysLeft: number;
  deadline: DeadlineView;
  nextSteps: NextStepView[];
}

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

/** One due entry with what the stored record adds (case, kind, body). */
export function presentDueEntry(entry: DueEntry, record: StoredRecord): DueAppeal {
  return {
    id: record.id,
    ...(typeof record.caseId === 'string' ? { caseId: record.caseId } : {}),
    kind: String(record.kind),
    recipient: recipientLabel(record),
    ...(typeof record.recipientId === 'string' ? { recipientId: record.recipientId } : {}),
    status: entry.status,
    daysLeft: entry.daysLeft,
    deadline: presentDeadline(entry.deadline),
    nextSteps: entry.nextSteps.map(presentNextStep),
  };
}
