import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { corroborationOf } from '../../app/corroboration/corroboration-counter.js';
import type { AccessScope } from '../../app/policies/access-scope.js';
import type { StoredRecord } from '../../domain/collections.js';
import { Act } from '../../domain/schemas/act.js';

/** An act as the API shows it: with how many sources, and how many independent ones, support it. */
export const ActView = Type.Object(
  {
    ...Act.properties,
    corroboration: Type.Object(
      {
        sources: Type.Integer({ minimum: 0 }),
        independentSources: Type.Integer({
          minimum: 0,
          description: 'distinct stories: reprints of one story count once',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'ActView' },
);

/** Adds each act's corroboration counts, from the sources the reader may see. */
export async function presentActs(
  ctx: AppContext,
  scope: AccessScope,
  acts: StoredRecord[],
): Promise<StoredRecord[]> {
  const counts = await corroborationOf(
    ctx.store.handle.db,
    'act',
    acts.map((a) => a.id),
    { countable: (ids) => scope.visibleIds('sources', ids) },
  );
  return acts.map((a) => ({
    ...a,
    corroboration: counts.get(a.id) ?? { sources: 0, independentSources: 0 },
  }));
}
