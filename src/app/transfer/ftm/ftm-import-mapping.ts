import { type CollectionName, SUBJECT_COLLECTIONS } from '../../../domain/collections.js';
import type { RecordWriter } from '../../../store/record-store.js';
import { insertValidRecord } from '../../records/record-creator.js';
import {
  FTM_LANGUAGES,
  ftmId,
  GROUP_MEMBER_ROLE,
  RELATIVE_OF_GROUP_ROLE,
  SUB_GROUP_ROLE,
} from './ftm-export-mapping.js';
import type { FtmImportResult } from './ftm-importer.js';
import { type FtmEntity, isA } from './ftm-model.js';

const LANGUAGE_OF = Object.fromEntries(Object.entries(FTM_LANGUAGES).map(([k, v]) => [v, k]));
const SUBJECT_TYPE_OF = Object.fromEntries(Object.entries(SUBJECT_COLLECTIONS).map(([k, v]) => [v, k]));
const first = (e: FtmEntity, p: string) => e.properties[p]?.[0];
const all = (e: FtmEntity, p: string) => e.properties[p] ?? [];
const prefixed = (values: string[], prefix: string) =>
  values.find((k) => k.startsWith(prefix))?.slice(prefix.length);
const keyword = (e: FtmEntity, prefix: string) => prefixed(all(e, 'keywords'), prefix);
const upper = (v: string | undefined) => v?.toUpperCase();
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

/**
 * The records for a checked set of entities, inserted in reference order: Address → place,
 * the Organization kinds → organization (parents first), Person → person with unit (Membership),
 * employer and exemption (Employment) and hometown (addressEntity), Article/Document → source,
 * LegalEntity marked as a group → group (members and parent from their UnknownLinks),
 * Event marked as a case → case, Event marked as an act → act (involved are victims, organizer
 * persons and organizations perpetrators), UnknownLink with a role → involvement (with the person
 * a relative is of, from Family), Documentation quoting its document → claim.
 */
export async function createFromEntities(
  writer: RecordWriter,
  entities: FtmEntity[],
): Promise<FtmImportResult> {
  const ids = new Map<string, string>();
  const kinds = new Map<string, CollectionName>();
  const texts = new Map<string, string>();
  const created: Partial<Record<CollectionName, number>> = {};
  let skipped = 0;
  const add = async (collection: CollectionName, e: FtmEntity, input: Record<string, unknown>) => {
    const record = await insertValidRecord(writer, collection, defined(input), 'import');
    ids.set(e.id, record.id);
    kinds.set(e.id, collection);
    created[collection] = (created[collection] ?? 0) + 1;
    return record;
  };
  const idOf = (ftm: string | undefined) => (ftm === undefined ? undefined : ids.get(ftm));
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  const of = (schema: string) => entities.filter((e) => isA(e.schema, schema));
  const linkOf = (schema: string, from: string, to: string) => {
    const links = new Map<string, FtmEntity>();
    for (const l of of(schema)) {
      const key = first(l, from);
      if (key && first(l, to) && !(schema === 'Membership' && first(l, 'role') === 'subunit'))
        links.set(key, l);
    }
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
    await add('organizations', e, {
      name: first(e, 'name'),
      otherNames: all(e, 'alias'),
      kind,
      country: upper(first(e, 'country')),
      description: first(e, 'description'),
      parentId: idOf(parents.get(e.id)),
    });
  }
  const units = linkOf('Membership', 'member', 'organization');
  const employments = linkOf('Employment', 'employee', 'employer');
  for (const e of of('Person')) {
    const unit = units.get(e.id);
    const employment = employments.get(e.id);
    const gender = first(e, 'gender');
    await add('persons', e, {
      names: all(e, 'name').map((value) => ({ value })),
      birthDate: first(e, 'birthDate'),
      sex: gender === 'male' || gender === 'female' ? gender : undefined,
      rank: first(e, 'position'),
      hometown: first(e, 'address'),
      hometownPlaceId: idOf(first(e, 'addressEntity')),
      notes: first(e, 'notes'),
      unitOrganizationId: idOf(unit && first(unit, 'organization')),
      employerOrganizationId: idOf(employment && first(employment, 'employer')),
      exemptionGrounds: employment ? prefixed(all(employment, 'role'), 'exemption: ') : undefined,
    });
  }
  await addGroups(entities, add, idOf);
  for (const e of of('Document')) {
    const record = await add('sources', e, {
      kind: keyword(e, 'kind:') ?? (e.schema === 'Article' ? 'news_report' : 'document'),
      title: first(e, 'title'),
      outlet: first(e, 'publisher'),
      url: first(e, 'sourceUrl'),
      published: first(e, 'publishedAt')?.slice(0, 10),
      language: LANGUAGE_OF[first(e, 'language') ?? ''],
      reliability: keyword(e, 'reliability:'),
      text: first(e, 'bodyText'),
    });
    if (typeof record.text === 'string') texts.set(e.id, record.text);
  }
  const events = of('Event');
  for (const e of events.filter((x) => !all(x, 'keywords').includes('vigil:act'))) {
    await add('cases', e, {
      title: first(e, 'name') ?? 'Imported event',
      summary: first(e, 'summary'),
      periodStart: first(e, 'startDate'),
      periodEnd: first(e, 'endDate'),
      status: keyword(e, 'status:') ?? 'open',
      confidentiality: keyword(e, 'confidentiality:') ?? 'restricted',
    });
  }
  for (const e of events.filter((x) => all(x, 'keywords').includes('vigil:act'))) {
    const kase = idOf(ftmId('cases', keyword(e, 'case:') ?? ''));
    if (!kase) {
      skipped++;
      continue;
    }
    const organizers = all(e, 'organizer');
    const isPerson = (id: string) => schemaOf.get(id) === 'Person';
    await add('acts', e, {
      caseId: kase,
      type: keyword(e, 'type:'),
      status: keyword(e, 'status:') ?? 'alleged',
      description: first(e, 'description'),
      dateFrom: first(e, 'startDate'),
      dateTo: first(e, 'endDate'),
      victimIds: all(e, 'involved')
        .filter((v) => kinds.get(v) !== 'person_groups')
        .map(idOf)
        .filter(Boolean),
      victimGroupIds: all(e, 'involved')
        .filter((v) => kinds.get(v) === 'person_groups')
        .map(idOf)
        .filter(Boolean),
      perpetratorPersonIds: organizers.filter(isPerson).map(idOf).filter(Boolean),
      perpetratorOrganizationIds: organizers
        .filter((o) => !isPerson(o))
        .map(idOf)
        .filter(Boolean),
      placeId: idOf(first(e, 'addressEntity')),
    });
  }
  const families = of('Family');
  const links = of('UnknownLink');
  const groupLinks = new Set([GROUP_MEMBER_ROLE, SUB_GROUP_ROLE, RELATIVE_OF_GROUP_ROLE]);
  for (const e of links.filter((l) => !groupLinks.has(first(l, 'role') ?? ''))) {
    const subjectFtm = first(e, 'subject');
    const subject = idOf(subjectFtm);
    const kase = idOf(first(e, 'object'));
    const role = first(e, 'role');
    if (!subject || !kase || !role || kinds.get(first(e, 'object') ?? '') !== 'cases') {
      skipped++;
      continue;
    }
    const subjectField = { persons: 'personId', person_groups: 'groupId' }[
      String(kinds.get(subjectFtm ?? ''))
    ];
    const relatedTo = [
      ...new Set(families.filter((f) => first(f, 'relative') === subjectFtm).map((f) => first(f, 'person'))),
    ];
    const relatedGroup = links.find(
      (l) =>
        first(l, 'role') === RELATIVE_OF_GROUP_ROLE && l.id === ftmId('relative-of-group', e.id.slice(-26)),
    );
    await add('involvements', e, {
      caseId: kase,
      role,
      [subjectField ?? 'organizationId']: subject,
      relatedPersonId: role === 'relative_of' && relatedTo.length === 1 ? idOf(relatedTo[0]) : undefined,
      relatedGroupId:
        role === 'relative_of' ? idOf(relatedGroup && first(relatedGroup, 'object')) : undefined,
    });
  }
  for (const e of of('Documentation')) {
    // A claim quotes its source: without the quote in the source's text it cannot be placed.
    const document = first(e, 'document');
    const subjectType = SUBJECT_TYPE_OF[kinds.get(first(e, 'entity') ?? '') ?? ''];
    const quote = first(e, 'summary');
    const text = texts.get(document ?? '');
    const start = quote && text ? text.indexOf(quote) : -1;
    const credibility = Number(prefixed(all(e, 'status'), 'credibility:') ?? 6);
    if (!subjectType || !quote || start < 0 || !(credibility >= 1 && credibility <= 6)) {
      skipped++;
      continue;
    }
    await add('claims', e, {
      sourceId: idOf(document),
      subjectType,
      subjectId: idOf(first(e, 'entity')),
      field: first(e, 'role') ?? 'mentioned',
      span: { start, end: start + quote.length },
      quote,
      credibility: Math.round(credibility),
    });
  }
  return { created, skipped };
}

type Add = (
  collection: CollectionName,
  e: FtmEntity,
  input: Record<string, unknown>,
) => Promise<{ id: string }>;

/** Groups (LegalEntity marked `vigil:group`), parents before their sub-groups, with their members. */
async function addGroups(
  entities: FtmEntity[],
  add: Add,
  idOf: (ftm: string | undefined) => string | undefined,
) {
  const groups = entities.filter(
    (e) => e.schema === 'LegalEntity' && all(e, 'keywords').includes('vigil:group'),
  );
  const linked = (role: string) =>
    entities.filter((e) => isA(e.schema, 'UnknownLink') && first(e, 'role') === role);
  const parents = new Map(linked(SUB_GROUP_ROLE).map((l) => [first(l, 'subject'), first(l, 'object')]));
  const depth = (id: string, seen = 0): number => {
    const parent = parents.get(id);
    return parent && seen < 50 ? 1 + depth(parent, seen + 1) : 0;
  };
  const members = linked(GROUP_MEMBER_ROLE);
  for (const e of [...groups].sort((a, b) => depth(a.id) - depth(b.id))) {
    const count = number(keyword(e, 'count:'));
    await add('person_groups', e, {
      description: first(e, 'name'),
      count: count !== undefined && Number.isInteger(count) ? count : undefined,
      placeId: idOf(first(e, 'addressEntity')),
      dateFrom: keyword(e, 'from:'),
      dateTo: keyword(e, 'to:'),
      notes: first(e, 'notes'),
      parentGroupId: idOf(parents.get(e.id)),
      memberPersonIds: members
        .filter((m) => first(m, 'object') === e.id)
        .map((m) => idOf(first(m, 'subject')))
        .filter(Boolean),
    });
  }
}
