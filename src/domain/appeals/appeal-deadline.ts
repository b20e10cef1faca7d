import type { DeadlineCalculator, DeadlineResult, ExtensionInput } from '../deadlines/deadline-calculator.js';
import type { IsoDate } from '../deadlines/iso-date.js';

/** The rule whose term bounds registration; used when an appeal's registration date is unknown. */
export const REGISTRATION_RULE_ID = 'fz59_registration';

/** The dates of an appeal that deadlines are counted from. */
export interface AppealDates {
  ruleId?: string;
  sentOn?: IsoDate;
  /** Delivery date (postal tracking, online-reception receipt). */
  receivedOn?: IsoDate;
  registeredOn?: IsoDate;
  extension?: ExtensionInput;
}

/** An appeal's deadline and how sure it is. */
export interface AppealDeadline {
  due: IsoDate;
  result: DeadlineResult;
  /** True when a start date was inferred (from the sending date or the latest lawful registration). */
  estimated: boolean;
  notes: string[];
}

/**
 * The deadline of an appeal, counted from the event its rule names. A missing registration date is
 * replaced by the latest date the law allows for it (59-ФЗ ст. 8 ч. 2), and a missing delivery date by
 * the sending date; both are marked as estimates so the record can be completed.
 */
export function appealDeadline(
  appeal: AppealDates,
  calculator: DeadlineCalculator,
): AppealDeadline | undefined {
  if (!appeal.ruleId) return undefined;
  const rule = calculator.rule(appeal.ruleId);
  const notes: string[] = [];
  let estimated = false;

  const received = (): IsoDate | undefined => {
    if (appeal.receivedOn) return appeal.receivedOn;
    if (!appeal.sentOn) return undefined;
    estimated = true;
    notes.push(
      'delivery date unknown: counted from the sending date; record the delivery date for an exact deadline',
    );
    return appeal.sentOn;
  };

  let start: IsoDate | undefined;
  if (rule.startEvent === 'sent') start = appeal.sentOn;
  else if (rule.startEvent === 'received') start = received();
  else if (appeal.registeredOn) start = appeal.registeredOn;
  else {
    const receivedOn = received();
    if (receivedOn) {
      start = calculator.computeDeadline(REGISTRATION_RULE_ID, receivedOn).due;
      estimated = true;
      notes.push(
        `registration date unknown: counted from ${start}, the last day allowed for registration (59-ФЗ ст. 8 ч. 2)`,
      );
    }
  }
  if (!start) return undefined;
  const result = calculator.computeDeadline(
    rule.id,
    start,
    appeal.extension ? { extension: appeal.extension } : {},
  );
  return { due: result.due, result, estimated, notes };
}
