import type { StoredRecord } from '../../domain/collections.js';
import type { CaseOverview as CaseOverviewShape } from '../../domain/schemas/overview.js';
import type { AppContext } from '../context.js';
import { corroborationOf } from '../corroboration/corroboration-counter.js';
import type { AccessScope } from '../policies/access-scope.js';
import { presentRecord } from '../presenters/record-presenter.js';
import { listAllRecords } from '../records/record-lister.js';
import { readRecord } from '../records/record-reader.js';
import { summarizeAppeals } from './appeal-summary.js';
import { buildChronology, claimsAbout, primaryName, sourcesOf } from './chronology-builder.js';

/**
 * The case overview as read: the case as presented for the reader, which the route's response
 * schema (domain/schemas/overview) writes as a Case.
 */
export type CaseOverview = Omit<CaseOverviewShape, 'case'> & { case: StoredRecord };

const optional = (key: string, value: unknown) => (typeof value === 'string' ? { [key]: value } : {});

/**
 * Everything a case page shows in one read: the case, who is involved and in what role, a
 * chronology of the claims about the case and its persons, acts and appeals (each with its
 * source quote), acts with their corroboration, appeals with deadlines, and the sources.
 * The caller has checked that the case is visible; every part is filtered for the reader.
 */
export async function readCaseOverview(
  ctx: AppContext,
  scope: AccessScope,
  id: string,
): Promise<CaseOverview> {
  const kase = await presentRecord(ctx, scope, 'cases', await readRecord({ ctx, collection: 'cases', id }));
  const links = await listAllRecords(ctx, 'involvements', { caseId: id });
  const personIds = [
    ...new Set(links.map((l) => l.personId).filter((p): p is string => typeof p === 'string')),
  ];
  const orgIds = [
    ...new Set(links.map((l) => l.organizationId).filter((o): o is string => typeof o === 'string')),
  ];
  const persons = new Map((await ctx.store.getMany('persons', personIds)).map((p) => [p.id, p]));
  const orgs = new Map((await ctx.store.getMany('organizations', orgIds)).map((o) => [o.id, o]));
  const acts = await listAllRecords(ctx, 'acts', { caseId: id });
  const appeals = await listAllRecords(ctx, 'interventions', { caseId: id });
  const places = new Map(
    (
      await ctx.store.getMany('places', [
        ...new Set(acts.map((a) => a.placeId).filter((p): p is string => typeof p === 'string')),
      ])
    ).map((p) => [p.id, p]),
  );

  const claims = await claimsAbout(ctx, scope, [
    { type: 'case', id },
    ...personIds.map((p) => ({ type: 'person', id: p })),
    ...acts.map((a) => ({ type: 'act', id: a.id })),
    ...appeals.map((a) => ({ type: 'intervention', id: a.id })),
  ]);
  const sources = await sourcesOf(ctx, scope, claims);
  const actById = new Map(acts.map((a) => [a.id, a]));
  const appealById = new Map(appeals.map((a) => [a.id, a]));
  const labelOf = (type: string, subjectId: string): string => {
    if (type === 'case') return String(kase.title);
    if (type === 'person') return primaryName(persons.get(subjectId));
    if (type === 'act') return String(actById.get(subjectId)?.type ?? '');
    if (type === 'intervention') return String(appealById.get(subjectId)?.recipientName ?? '');
    return '';
  };
  const corroboration = await corroborationOf(
    ctx.store.handle.db,
    'act',
    acts.map((a) => a.id),
    { countable: (ids) => scope.visibleIds('sources', ids) },
  );
  const access = await scope.accessTo('cases', [id]);
  return {
    case: kase,
    involvements: links.map((l) => ({
      id: l.id,
      role: String(l.role),
      ...optional('personId', l.personId),
      ...optional('organizationId', l.organizationId),
      label:
        typeof l.personId === 'string'
          ? primaryName(persons.get(l.personId))
          : String(orgs.get(String(l.organizationId))?.name ?? ''),
      ...optional('note', l.note),
    })),
    chronology: buildChronology(claims, sources, labelOf),
    acts: acts.map((a) => ({
      id: a.id,
      type: String(a.type),
      status: String(a.status),
      ...optional('dateFrom', a.dateFrom),
      ...optional('dateTo', a.dateTo),
      ...optional('placeId', a.placeId),
      ...optional('placeName', places.get(String(a.placeId))?.name),
      victimCount: Array.isArray(a.victimIds) ? a.victimIds.length : 0,
      corroboration: corroboration.get(a.id) ?? { sources: 0, independentSources: 0 },
    })),
    appeals: summarizeAppeals(ctx, appeals),
    sources,
    canEdit: scope.abilities.writes && access.get(id)?.editable === true,
  };
}
