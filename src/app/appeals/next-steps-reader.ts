import { appealDeadline } from '../../domain/appeals/appeal-deadline.js';
import { type AppealStatus, effectiveStatus } from '../../domain/appeals/appeal-status.js';
import { DEFAULT_TIME_ZONE } from '../../domain/appeals/local-date.js';
import { suggestNextSteps } from '../../domain/appeals/next-steps.js';
import type { AppContext } from '../context.js';
import { readRecord } from '../records/record-reader.js';
import { type DeadlineView, type NextStepView, presentDeadline, presentNextStep } from './due-appeal.js';
import { appealCalculator, toTrackedAppeal } from './stored-appeal.js';

export interface AppealAdvice {
  id: string;
  /** The status to show: the stored one, or 'overdue' once the term is over in the user's zone. */
  status: AppealStatus;
  deadline: DeadlineView | null;
  nextSteps: NextStepView[];
}

/** An appeal's shown status, its deadline explained, and the next steps the law offers now. */
export async function readNextSteps(props: {
  ctx: AppContext;
  id: string;
  timeZone?: string;
  now?: Date;
}): Promise<AppealAdvice> {
  const { ctx, id } = props;
  const record = await readRecord({ ctx, collection: 'interventions', id });
  const appeal = toTrackedAppeal(record);
  const deadline = appealDeadline(appeal, appealCalculator());
  const status = effectiveStatus(
    { status: appeal.status, due: deadline?.due },
    props.now ?? ctx.now?.() ?? new Date(),
    props.timeZone ?? ctx.timeZone ?? DEFAULT_TIME_ZONE,
  );
  return {
    id,
    status,
    deadline: deadline ? presentDeadline(deadline) : null,
    nextSteps: suggestNextSteps({ ruleId: appeal.ruleId, status }).map(presentNextStep),
  };
}
