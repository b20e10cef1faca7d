import type { StoredRecord } from '../../domain/collections.js';
import type { PersonOverview as PersonOverviewShape } from '../../domain/schemas/overview.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { presentRecord } from '../presenters/record-presenter.js';
import { listAllRecords } from '../records/record-lister.js';
import { readRecord } from '../records/record-reader.js';
import { summarizeAppeals } from './appeal-summary.js';
import { buildChronology, claimsAbout, primaryName, sentencesOf, sourcesOf } from './chronology-builder.js';

/**
 * The person overview as read: the person and his status history as presented for the reader,
 * which the route's response schema (domain/schemas/overview) writes as a Person and its entries.
 */
export type PersonOverview = Omit<PersonOverviewShape, 'person' | 'statusHistory'> & {
  person: StoredRecord;
  statusHistory: Array<Record<string, unknown>>;
};

/**
 * Everything a person page shows in one read: the person, their status history with sources,
 * the cases they are in (with their role) and the appeals concerning them. The caller has
 * checked that the person is visible; cases and sources are filtered for the reader.
 */
export async function readPersonOverview(
  ctx: AppContext,
  scope: AccessScope,
  id: string,
): Promise<PersonOverview> {
  const person = await presentRecord(
    ctx,
    scope,
    'persons',
    await readRecord({ ctx, collection: 'persons', id }),
  );
  const links = await listAllRecords(ctx, 'involvements', { personId: id });
  const cases = await scope.visibleOnly(
    'cases',
    await ctx.store.getMany('cases', [...new Set(links.map((l) => String(l.caseId)))]),
  );
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const appeals: StoredRecord[] = [];
  for (const kase of cases)
    for (const appeal of await listAllRecords(ctx, 'interventions', { caseId: kase.id }))
      if (Array.isArray(appeal.personIds) && appeal.personIds.includes(id)) appeals.push(appeal);
  const claims = await claimsAbout(ctx, scope, [{ type: 'person', id }]);
  const history = (person.statusHistory as Array<Record<string, unknown>> | undefined) ?? [];
  const cited = history.map((h) => ({ sourceId: h.sourceId })).filter((h) => typeof h.sourceId === 'string');
  const sources = await sourcesOf(ctx, scope, [...claims, ...cited] as StoredRecord[]);
  const title = new Map(sources.map((s) => [s.id, s.title]));
  const access = await scope.accessTo('persons', [id]);
  return {
    person,
    statusHistory: history.map((h) => ({
      ...h,
      ...(typeof h.sourceId === 'string' && title.has(h.sourceId)
        ? { sourceTitle: title.get(h.sourceId) }
        : {}),
    })),
    cases: links
      .filter((l) => caseById.has(String(l.caseId)))
      .map((l) => {
        const kase = caseById.get(String(l.caseId)) as StoredRecord;
        return {
          caseId: kase.id,
          title: String(kase.title),
          role: String(l.role),
          status: String(kase.status),
        };
      }),
    appeals: summarizeAppeals(ctx, appeals),
    claims: buildChronology(
      claims,
      sources,
      () => primaryName(person),
      await sentencesOf(ctx, scope, claims),
    ),
    sources,
    canEdit: scope.abilities.writes && access.get(id)?.editable === true,
  };
}
