import type { CollectionName } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import type { RecordWriter } from '../../../store/record-store.js';
import type { Actor, AppContext } from '../../context.js';
import { insertValidRecord } from '../../records/record-creator.js';
import { FTM_LANGUAGES, ftmId } from './ftm-export-mapping.js';
import { type FtmEntity, ftmProblems, isA } from './ftm-model.js';

const LANGUAGE_OF = Object.fromEntries(Object.entries(FTM_LANGUAGES).map(([k, v]) => [v, k]));
const first = (e: FtmEntity, p: string) => e.properties[p]?.[0];
const all = (e: FtmEntity, p: string) => e.properties[p] ?? [];
const keyword = (e: FtmEntity, prefix: string) =>
  all(e, 'keywords')
    .find((k) => k.startsWith(prefix))
    ?.slice(prefix.length);
const upper = (v: string | undefined) => v?.toUpperCase();
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

export interface FtmImportResult {
  created: Partial<Record<CollectionName, number>>;
  skipped: number;
}

/** Parses FollowTheMoney JSON lines; a bad line is reported with its number. */
export function parseFtmLines(content: string): FtmEntity[] {
  return content
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      try {
        const e = JSON.parse(line) as FtmEntity;
        if (typeof e.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object')
          throw new Error();
        return e;
      } catch {
        throw invalid(`line ${n} is not a FollowTheMoney entity`, [
          { path: `/${n}`, message: 'expected {id, schema, properties}' },
        ]);
      }
    });
}

/**
 * Creates Vigil records from FollowTheMoney entities (as `exportFtm` writes them, or from other
 * FollowTheMoney tools): Address → place, Organization kinds → organization, Person → person with
 * unit (Membership) and employer (Employment), Event marked as a case → case, UnknownLink with a
 * role → involvement, Article/Document → source. One transaction; the model is checked first.
 */
export async function importFtm({
  ctx,
  actor,
  content,
}: {
  ctx: AppContext;
  actor: Actor;
  content: string;
}): Promise<FtmImportResult> {
  const entities = parseFtmLines(content);
  const problems = ftmProblems(entities);
  if (problems.length)
    throw invalid(
      `the file does not fit the FollowTheMoney model: ${problems[0]}`,
      problems.slice(0, 50).map((message) => ({ path: '/', message })),
    );
  return ctx.store.write(actor.id, (writer) => createFromEntities(writer, entities));
}

async function createFromEntities(writer: RecordWriter, entities: FtmEntity[]): Promise<FtmImportResult> {
  const ids = new Map<string, string>();
  const created: Partial<Record<CollectionName, number>> = {};
  let skipped = 0;
  const add = async (collection: CollectionName, e: FtmEntity, input: Record<string, unknown>) => {
    const record = await insertValidRecord(writer, collection, defined(input), 'import');
    ids.set(e.id, record.id);
    created[collection] = (created[collection] ?? 0) + 1;
  };
  const of = (schema: string) => entities.filter((e) => isA(e.schema, schema));
  const linkOf = (schema: string, from: string, to: string) => {
    const links = new Map<string, string>();
    for (const l of of(schema))
      if (first(l, from) && first(l, to)) links.set(first(l, from) as string, first(l, to) as string);
    return links;
  };

  for (const e of of('Address')) {
    await add('places', e, {
      name: first(e, 'name') ?? first(e, 'full'),
      otherNames: all(e, 'alias'),
      kind: keyword(e, 'kind:') ?? 'settlement',
      region: first(e, 'region'),
      country: upper(first(e, 'country')),
      lat: number(first(e, 'latitude')),
      lon: number(first(e, 'longitude')),
      gazetteerId: keyword(e, 'gazetteer:'),
      description: first(e, 'description'),
    });
  }
  const organizations = of('Organization');
  const parents = new Map(
    of('Membership')
      .filter((m) => first(m, 'role') === 'subunit')
      .map((m) => [first(m, 'member'), first(m, 'organization')]),
  );
  // Parents before their subunits, so that every parentId points to an imported record.
  const depth = (e: FtmEntity, seen = 0): number =>
    parents.has(e.id) && seen < 50
      ? 1 + depth(organizations.find((o) => o.id === parents.get(e.id)) ?? e, seen + 1)
      : 0;
  for (const e of [...organizations].sort((a, b) => depth(a) - depth(b))) {
    const kind =
      first(e, 'classification') ??
      (e.schema === 'PublicBody' ? 'state_body' : e.schema === 'Company' ? 'company' : 'other');
    const parent = parents.get(e.id);
    await add('organizations', e, {
      name: first(e, 'name'),
      otherNames: all(e, 'alias'),
      kind,
      country: upper(first(e, 'country')),
      description: first(e, 'description'),
      parentId: parent ? ids.get(parent) : undefined,
    });
  }
  const units = linkOf('Membership', 'member', 'organization');
  const employers = linkOf('Employment', 'employee', 'employer');
  for (const e of of('Person')) {
    const unit = units.get(e.id);
    const employer = employers.get(e.id);
    await add('persons', e, {
      names: all(e, 'name').map((value) => ({ value })),
      birthDate: first(e, 'birthDate'),
      sex: first(e, 'gender') === 'male' || first(e, 'gender') === 'female' ? first(e, 'gender') : undefined,
      rank: first(e, 'position'),
      hometown: first(e, 'address'),
      notes: first(e, 'notes'),
      unitOrganizationId: unit ? ids.get(unit) : undefined,
      employerOrganizationId: employer ? ids.get(employer) : undefined,
    });
  }
  for (const e of of('Event').filter(
    (x) => all(x, 'keywords').includes('vigil:case') || !all(x, 'keywords').includes('vigil:act'),
  )) {
    await add('cases', e, {
      title: first(e, 'name') ?? 'Imported event',
      summary: first(e, 'summary'),
      periodStart: first(e, 'startDate'),
      periodEnd: first(e, 'endDate'),
      status: keyword(e, 'status:') ?? 'open',
      confidentiality: keyword(e, 'confidentiality:') ?? 'restricted',
    });
  }
  for (const e of of('Event').filter((x) => all(x, 'keywords').includes('vigil:act'))) {
    const kase = ids.get(ftmId('cases', keyword(e, 'case:') ?? ''));
    if (!kase) {
      skipped++;
      continue;
    }
    await add('acts', e, {
      caseId: kase,
      type: keyword(e, 'type:'),
      status: keyword(e, 'status:') ?? 'alleged',
      description: first(e, 'description'),
      dateFrom: first(e, 'startDate'),
      dateTo: first(e, 'endDate'),
      victimIds: all(e, 'involved')
        .map((p) => ids.get(p))
        .filter(Boolean),
      perpetratorOrganizationIds: all(e, 'organizer')
        .map((o) => ids.get(o))
        .filter(Boolean),
      placeId: ids.get(first(e, 'addressEntity') ?? ''),
    });
  }
  for (const e of of('UnknownLink')) {
    const subject = ids.get(first(e, 'subject') ?? '');
    const kase = ids.get(first(e, 'object') ?? '');
    const role = first(e, 'role');
    const isPerson = entities.find((x) => x.id === first(e, 'subject'))?.schema === 'Person';
    if (!subject || !kase || !role) {
      skipped++;
      continue;
    }
    await add('involvements', e, {
      caseId: kase,
      role,
      ...(isPerson ? { personId: subject } : { organizationId: subject }),
    });
  }
  for (const e of of('Document')) {
    await add('sources', e, {
      kind: keyword(e, 'kind:') ?? (e.schema === 'Article' ? 'news_report' : 'document'),
      title: first(e, 'title'),
      outlet: first(e, 'publisher'),
      url: first(e, 'sourceUrl'),
      published: first(e, 'publishedAt')?.slice(0, 10),
      language: LANGUAGE_OF[first(e, 'language') ?? ''],
      reliability: keyword(e, 'reliability:'),
      text: first(e, 'bodyText'),
    });
  }
  return { created, skipped };
}
