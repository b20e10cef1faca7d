import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { casePeriod } from '../../domain/case-period.js';
import type { StoredRecord } from '../../domain/collections.js';
import { Case } from '../../domain/schemas/case.js';
import { PartialDate } from '../../domain/schemas/common.js';
import { DETENTION_ACTS } from '../../domain/vocabularies.js';

/** A case in a list: with the period its detention acts span, for the cases table. */
export const CaseListItem = Type.Object(
  {
    ...Case.properties,
    period: Type.Union(
      [
        Type.Object(
          {
            start: Type.Union([PartialDate, Type.Null()]),
            end: Type.Union([PartialDate, Type.Null()]),
            ongoing: Type.Boolean({ description: 'a detention has begun and no end is known' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      {
        description:
          'from the earliest start to the latest end of its dated detention acts; null when none is dated',
      },
    ),
  },
  { additionalProperties: false, title: 'CaseListItem' },
);

/** Adds each case's period, read from the detention acts of all the listed cases in a few queries. */
export async function presentCasePeriods(ctx: AppContext, cases: StoredRecord[]): Promise<StoredRecord[]> {
  const ids = cases.map((c) => c.id);
  const acts = (
    await Promise.all(DETENTION_ACTS.map((type) => ctx.store.listWhereIn('acts', 'caseId', ids, { type })))
  ).flat();
  const byCase = new Map<string, StoredRecord[]>();
  for (const act of acts) byCase.set(String(act.caseId), [...(byCase.get(String(act.caseId)) ?? []), act]);
  return cases.map((c) => ({ ...c, period: casePeriod(byCase.get(c.id) ?? []) }));
}
