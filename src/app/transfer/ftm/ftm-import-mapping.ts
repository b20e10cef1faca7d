import { type CollectionName, SUBJECT_COLLECTIONS } from '../../../domain/collections.js';
import { INVOLVEMENT_ROLES } from '../../../domain/record-vocabularies.js';
import { ORGANIZATION_KINDS } from '../../../domain/vocabularies.js';
import type { RecordWriter } from '../../../store/record-store.js';
import { scriptOf } from '../../table-import/row-reader.js';
import { type FtmEntityReport, FtmReader, withLines } from './ftm-entity-reader.js';
import { actTypeOf } from './ftm-event-type.js';
import {
  FTM_LANGUAGES,
  ftmId,
  GROUP_MEMBER_ROLE,
  RELATIVE_OF_GROUP_ROLE,
  SUB_GROUP_ROLE,
} from './ftm-export-mapping.js';
import { type FtmEntity, isA } from './ftm-model.js';
import { FtmRecordSaver } from './ftm-record-saver.js';

const LANGUAGE_OF = Object.fromEntries(Object.entries(FTM_LANGUAGES).map(([k, v]) => [v, k]));
const SUBJECT_TYPE_OF = Object.fromEntries(Object.entries(SUBJECT_COLLECTIONS).map(([k, v]) => [v, k]));
const upper = (v: string | undefined) => v?.toUpperCase();
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const present = <T>(v: T | undefined): v is T => v !== undefined;

/** Roles other tools write for what Vigil calls an involvement's role. */
const ROLE_SYNONYMS: Record<string, string> = {
  relative: 'relative_of',
  family: 'relative_of',
  lawyer: 'legal_representative',
  advocate: 'legal_representative',
  representative: 'legal_representative',
};
function involvementRole(role: string): string | undefined {
  const key = role
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (INVOLVEMENT_ROLES as readonly string[]).includes(key) ? key : ROLE_SYNONYMS[key];
}

/** Identity numbers: Vigil has no encrypted field for them, and they must not sit in plain notes. */
const IDENTITY_NUMBERS = ['idNumber', 'passportNumber', 'socialSecurityNumber', 'innCode', 'taxNumber'];
/** The schemata Vigil reads; entities of others are reported as skipped. */
const MAPPED = [
  'Address',
  'LegalEntity',
  'Document',
  'Event',
  'Membership',
  'Employment',
  'Family',
  'UnknownLink',
  'Documentation',
];
const NAME_PARTS = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'];
const tokens = (name: string) => name.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');

/** The keys under which the records of entities are saved: an Event's act and parties have their own. */
export function ftmKeys(entities: FtmEntity[]): string[] {
  const keys = entities.flatMap((e) => [e.id, `${e.id}#act`]);
  for (const e of entities)
    for (const p of [...(e.properties.involved ?? []), ...(e.properties.organizer ?? [])])
      keys.push(`${e.id}#${p}`);
  return keys;
}

/**
 * Creates or updates the records a checked set of entities describes, in reference order, and
 * reports for each entity what it became and every property left out:
 * Address → place; Organization, Company, PublicBody, other LegalEntity → organization (parents
 * from `subunit` Memberships first); Person → person with its aliases and name parts as name
 * variants, phone and email as (encrypted) contacts, unit and rank (Membership), employer and
 * exemption (Employment), hometown (addressEntity); LegalEntity marked as a group → group;
 * Document and its kinds → source; Event → case, or act when Vigil's export marks it so; an Event
 * from another tool also gives an act of the type its name states (victims `involved`,
 * perpetrators `organizer`) and their involvements in its case; UnknownLink → involvement (the
 * relative a Family names); Documentation quoting its document → claim.
 */
export async function importEntities(
  writer: RecordWriter,
  entities: FtmEntity[],
  reports: Map<string, FtmEntityReport>,
  dataset: string,
  locked: ReadonlySet<string>,
): Promise<FtmRecordSaver['tally']> {
  const saver = await FtmRecordSaver.open(writer, dataset, ftmKeys(entities), locked);
  const ids = new Map<string, string>();
  const kinds = new Map<string, CollectionName>();
  const texts = new Map<string, string>();
  const readers = new Map(
    entities.map((e) => [e.id, new FtmReader(e, reports.get(e.id) as FtmEntityReport)]),
  );
  const handled = new Set<string>();
  const of = (schema: string, also?: (e: FtmEntity) => boolean) =>
    [...readers.values()].filter((r) => isA(r.schema, schema) && (also ? also(r.entity) : true));
  const idOf = (ftm: string | undefined) => (ftm === undefined ? undefined : ids.get(ftm));
  const save = async (
    r: FtmReader,
    collection: CollectionName,
    input: Record<string, unknown>,
    key = r.id,
  ) => {
    handled.add(r.id);
    const record = await saver.save(key, collection, input, r.report);
    if (record && key === r.id) {
      ids.set(r.id, record.id);
      kinds.set(r.id, collection);
    }
    return record;
  };
  const merged = (link: FtmReader, into: string) => {
    handled.add(link.id);
    Object.assign(link.report, { outcome: 'merged', reason: `folded into ${into}` });
  };
  const skip = (r: FtmReader, reason: string) => {
    handled.add(r.id);
    Object.assign(r.report, { outcome: 'skipped', reason });
  };
  const isGroup = (e: FtmEntity) =>
    e.schema === 'LegalEntity' && (e.properties.keywords ?? []).includes('vigil:group');

  const places = of('Address');
  const within = (r: FtmReader) => {
    const parent = r.entity.properties.keywords?.find((k) => k.startsWith('within:'))?.slice(7);
    return parent === undefined ? undefined : ftmId('places', parent);
  };
  const placeDepth = (r: FtmReader | undefined, seen = 0): number => {
    const parent = r && within(r);
    return parent && seen < 50 ? 1 + placeDepth(readers.get(parent), seen + 1) : 0;
  };
  // Places a place lies within first, so that every parentPlaceId points to an imported record.
  for (const r of [...places].sort((a, b) => placeDepth(a) - placeDepth(b))) {
    const fulls = r.all('full');
    const [name, ...otherNames] = [...new Set([...r.all('name'), ...fulls])];
    const city = r.first('city');
    const cityInName = city !== undefined && name?.includes(city);
    await save(r, 'places', {
      name,
      otherNames: [...otherNames, ...r.all('alias')],
      kind: r.keyword('kind:') ?? 'settlement',
      region: r.first('region') ?? r.first('state'),
      country: upper(r.first('country')),
      lat: number(r.first('latitude')),
      lon: number(r.first('longitude')),
      gazetteerId: r.keyword('gazetteer:'),
      precision: r.keyword('precision:'),
      parentPlaceId: r.keyword('within:') && idOf(within(r)),
      description: withLines(r.first('description'), [
        ...(cityInName ? [] : r.noteLines('city')),
        ...r.noteLines('street', 'postalCode', 'remarks'),
      ]),
    });
  }

  const memberships = of('Membership');
  const organizations = of('LegalEntity', (e) => !isA(e.schema, 'Person') && !isGroup(e));
  const orgIds = new Set(organizations.map((o) => o.id));
  // An organization member of another is a subunit (Vigil's export also says so in the role).
  const subunit = (m: FtmReader) =>
    m.entity.properties.role?.[0] === 'subunit' || orgIds.has(m.entity.properties.member?.[0] ?? '');
  const parents = new Map(memberships.filter(subunit).map((m) => [m.all('member')[0], m]));
  const depth = (id: string, seen = 0): number => {
    const parent = parents.get(id)?.entity.properties.organization?.[0];
    return parent && seen < 50 ? 1 + depth(parent, seen + 1) : 0;
  };
  // Parents before their subunits, so that every parentId points to an imported record.
  for (const r of [...organizations].sort((a, b) => depth(a.id) - depth(b.id))) {
    const classification = r.first('classification');
    const known = (ORGANIZATION_KINDS as readonly string[]).includes(classification ?? '');
    const country = r.first('country');
    const jurisdiction = r.first('jurisdiction');
    const parent = parents.get(r.id);
    const parentId = idOf(parent?.first('organization'));
    if (parent && parentId) {
      if (parent.all('role')[0] !== 'subunit') parent.drop('role', 'Vigil keeps only that it is a subunit');
      merged(parent, r.id);
    }
    const [name, ...otherNames] = r.all('name');
    await save(r, 'organizations', {
      name,
      otherNames: [...otherNames, ...r.all('alias')],
      kind: known
        ? classification
        : r.schema === 'PublicBody'
          ? 'state_body'
          : r.schema === 'Company'
            ? 'company'
            : 'other',
      country: upper(country ?? jurisdiction),
      description: withLines(r.first('description'), [
        ...(known ? [] : r.noteLines('classification')),
        ...(country && jurisdiction !== country ? r.noteLines('jurisdiction') : []),
        ...r.noteLines('registrationNumber', 'incorporationDate', 'address'),
      ]),
      parentId,
    });
  }

  const firstLink = (links: FtmReader[], end: string) => {
    const out = new Map<string, FtmReader>();
    for (const l of links) {
      const key = l.entity.properties[end]?.[0];
      if (!key) continue;
      if (out.has(key))
        skip(l, `Vigil keeps one ${l.schema === 'Employment' ? 'employer' : 'unit'} per person`);
      else out.set(key, l);
    }
    return out;
  };
  const units = firstLink(
    memberships.filter(
      (m) => !subunit(m) && isA(String(readers.get(m.entity.properties.member?.[0] ?? '')?.schema), 'Person'),
    ),
    'member',
  );
  const employments = firstLink(of('Employment'), 'employee');
  for (const r of of('Person')) {
    const unit = units.get(r.id);
    const employment = employments.get(r.id);
    const names = [...r.all('name'), ...r.all('alias'), ...r.all('weakAlias'), ...r.all('previousName')];
    const parts = NAME_PARTS.flatMap((p) => r.all(p));
    const composed = parts.join(' ');
    if (parts.length && !names.some((n) => tokens(n) === tokens(composed))) names.push(composed);
    const gender = r.first('gender');
    const position = r.first('position');
    const unitRole = unit?.first('role');
    const rank = position ?? (unitRole === 'serviceman' ? undefined : unitRole);
    if (unitRole !== position && position && unitRole !== 'serviceman')
      unit?.drop('role', "the person's position is kept as rank");
    unit?.all('member');
    employment?.all('employee');
    const unitId = idOf(unit?.first('organization'));
    const employerId = idOf(employment?.first('employer'));
    const role = employment?.first('role');
    const exemption = role?.startsWith('exemption: ') ? role.slice('exemption: '.length) : undefined;
    if (unit && unitId) merged(unit, r.id);
    if (employment && employerId) merged(employment, r.id);
    for (const p of IDENTITY_NUMBERS)
      r.drop(p, 'Vigil keeps no identity numbers: it has no encrypted field for them');
    if (gender === 'other') r.drop('gender', 'Vigil records male, female or unknown');
    await save(r, 'persons', {
      names: [...new Set(names)].map((value) => ({ value, script: scriptOf(value) })),
      birthDate: r.first('birthDate'),
      sex: gender === 'male' || gender === 'female' ? gender : undefined,
      rank,
      hometown: r.first('address'),
      hometownPlaceId: idOf(r.first('addressEntity')),
      contacts: [
        ...r.all('phone').map((value) => ({ kind: 'phone', value })),
        ...r.all('email').map((value) => ({ kind: 'email', value })),
      ],
      notes: withLines(r.first('notes'), [
        ...r.noteLines('birthPlace', 'nationality', 'citizenship', 'deathDate'),
        ...(unit && unitId ? unit.linkNoteLines('startDate', 'endDate') : []),
        ...(employment && employerId && !exemption ? employment.linkNoteLines('role') : []),
      ]),
      unitOrganizationId: unitId,
      employerOrganizationId: employerId,
      exemptionGrounds: exemption,
    });
  }

  await addGroups(of('LegalEntity', isGroup), of('UnknownLink'), save, idOf, merged);

  for (const r of of('Document')) {
    const title = r.first('title');
    const publisher = r.first('publisher');
    const name = r.first('name');
    // Vigil's export names an untitled source by its outlet or kind: that name is no title.
    const kind = r.keyword('kind:');
    r.all('fileName');
    r.all('mimeType');
    const record = await save(r, 'sources', {
      kind: kind ?? (r.schema === 'Article' ? 'news_report' : 'document'),
      title: title ?? (name && name !== publisher && !kind ? name : undefined),
      outlet: publisher,
      url: r.first('sourceUrl'),
      published: r.first('publishedAt') ?? r.first('date'),
      language: LANGUAGE_OF[r.first('language') ?? ''],
      reliability: r.keyword('reliability:'),
      text: r.first('bodyText'),
    });
    if (typeof record?.text === 'string') texts.set(r.id, record.text);
  }

  const marked = (r: FtmReader, mark: string) => (r.entity.properties.keywords ?? []).includes(mark);
  const events = of('Event');
  /** An Event's `involved` and `organizer` as an act's victims (persons, groups) and perpetrators. */
  const actParties = (involved: string[], organizer: string[]) => {
    const of = (values: string[], kind: CollectionName) =>
      values
        .filter((v) => kinds.get(v) === kind)
        .map(idOf)
        .filter(present);
    return {
      victimIds: of(involved, 'persons'),
      victimGroupIds: of(involved, 'person_groups'),
      perpetratorPersonIds: of(organizer, 'persons'),
      perpetratorOrganizationIds: of(organizer, 'organizations'),
    };
  };
  for (const r of events.filter((x) => !marked(x, 'vigil:act'))) {
    const foreign = !marked(r, 'vigil:case');
    const start = startOf(r);
    const placeId = idOf(r.first('addressEntity'));
    const placeName = r.entity.properties.addressEntity?.[0];
    const location = r.first('location');
    const placeHolds = (text: string) =>
      Boolean(placeName && readers.get(placeName)?.entity.properties.full?.some((f) => f.includes(text)));
    const kase = await save(r, 'cases', {
      title: r.first('name'),
      summary: withLines(r.first('summary'), [
        ...(location && !placeHolds(location) ? r.noteLines('location') : []),
        ...r.noteLines('country'),
      ]),
      periodStart: start,
      periodEnd: r.first('endDate'),
      status: r.keyword('status:') ?? 'open',
      confidentiality: r.keyword('confidentiality:') ?? 'restricted',
    });
    if (!foreign || !kase) continue;
    const involved = r.all('involved');
    const organizer = r.all('organizer');
    const description = r.first('description');
    const type = actTypeOf([r.entity.properties.name?.[0], description].filter(present).join('\n'));
    if (type && (involved.length || organizer.length))
      await save(
        r,
        'acts',
        {
          caseId: kase.id,
          type,
          status: 'alleged',
          description,
          dateFrom: start,
          dateTo: r.entity.properties.endDate?.[0],
          ...actParties(involved, organizer),
          placeId,
        },
        `${r.id}#act`,
      );
    else if (involved.length || organizer.length)
      r.report.dropped.push({
        property: 'name',
        reason: 'states no act Vigil knows: no act, the involved and organizers are case involvements only',
      });
    for (const [role, list] of [
      ['victim', involved],
      ['perpetrator', organizer],
    ] as const)
      for (const who of list) {
        const field = { persons: 'personId', person_groups: 'groupId', organizations: 'organizationId' }[
          String(kinds.get(who))
        ];
        if (!field) {
          r.report.dropped.push({
            property: role === 'victim' ? 'involved' : 'organizer',
            reason: `${who} was not imported`,
          });
          continue;
        }
        await save(r, 'involvements', { caseId: kase.id, role, [field]: idOf(who) }, `${r.id}#${who}`);
      }
  }

  for (const r of events.filter((x) => marked(x, 'vigil:act'))) {
    const kase = idOf(ftmId('cases', r.keyword('case:') ?? ''));
    if (!kase) {
      skip(r, 'the case of this act is not in the file');
      continue;
    }
    const involved = r.all('involved');
    const organizer = r.all('organizer');
    await save(r, 'acts', {
      caseId: kase,
      type: r.keyword('type:'),
      status: r.keyword('status:') ?? 'alleged',
      description: r.first('description'),
      dateFrom: startOf(r),
      dateTo: r.first('endDate'),
      ...actParties(involved, organizer),
      placeId: idOf(r.first('addressEntity')),
    });
    // Vigil's export names an act by its type.
    r.all('name');
  }

  const families = of('Family');
  const groupRoles = new Set([GROUP_MEMBER_ROLE, SUB_GROUP_ROLE, RELATIVE_OF_GROUP_ROLE]);
  const links = of('UnknownLink');
  for (const r of links.filter((l) => !groupRoles.has(l.entity.properties.role?.[0] ?? ''))) {
    const subjectFtm = r.first('subject');
    const objectFtm = r.first('object');
    const written = r.first('role');
    const role = written === undefined ? undefined : involvementRole(written);
    const subject = idOf(subjectFtm);
    const subjectField = { persons: 'personId', person_groups: 'groupId', organizations: 'organizationId' }[
      String(kinds.get(subjectFtm ?? ''))
    ];
    if (!role) {
      skip(r, `role "${written ?? ''}" is not one of Vigil's: ${INVOLVEMENT_ROLES.join(', ')}`);
      continue;
    }
    if (kinds.get(objectFtm ?? '') !== 'cases' || !subject || !subjectField) {
      skip(r, 'Vigil links persons, groups and organizations to cases only, and both ends must be imported');
      continue;
    }
    const family = families.filter((f) => f.entity.properties.relative?.[0] === subjectFtm);
    const relatedTo = [...new Set(family.map((f) => f.entity.properties.person?.[0]))];
    const relatedGroup = links.find(
      (l) =>
        l.entity.properties.role?.[0] === RELATIVE_OF_GROUP_ROLE &&
        l.id === ftmId('relative-of-group', r.id.slice(-26)),
    );
    const relatedPersonId = role === 'relative_of' && relatedTo.length === 1 ? idOf(relatedTo[0]) : undefined;
    const relationship = relatedPersonId
      ? family.flatMap((f) => f.all('relationship')).filter((x) => x !== 'relative')
      : [];
    for (const f of family)
      if (relatedPersonId) {
        f.all('person');
        f.all('relative');
        merged(f, r.id);
      }
    await save(r, 'involvements', {
      caseId: idOf(objectFtm),
      role,
      [subjectField]: subject,
      relatedPersonId,
      relatedGroupId: role === 'relative_of' ? idOf(relatedGroup?.first('object')) : undefined,
      note: withLines(
        r.first('description'),
        relationship.map((x) => `Relationship: ${x}`),
      ),
    });
    if (relatedGroup) {
      relatedGroup.all('subject');
      relatedGroup.all('role');
      merged(relatedGroup, r.id);
    }
  }
  for (const f of families)
    if (!handled.has(f.id))
      skip(f, 'Vigil keeps a relative as a relative_of involvement in a case: no case links the relative');

  for (const r of of('Documentation')) {
    // A claim quotes its source: without the quote in the source's text it cannot be placed.
    const document = r.first('document');
    const subjectType = SUBJECT_TYPE_OF[kinds.get(r.first('entity') ?? '') ?? ''];
    const quote = r.first('summary');
    const text = texts.get(document ?? '');
    const start = quote && text ? text.indexOf(quote) : -1;
    const credibility = Number(
      r
        .all('status')
        .find((s) => s.startsWith('credibility:'))
        ?.slice(12) ?? 6,
    );
    if (!subjectType || !quote || start < 0 || !(credibility >= 1 && credibility <= 6)) {
      skip(
        r,
        !subjectType
          ? 'what it documents was not imported'
          : 'its summary is not a quote of the imported document text',
      );
      continue;
    }
    await save(r, 'claims', {
      sourceId: idOf(document),
      subjectType,
      subjectId: idOf(r.first('entity')),
      field: r.first('role') ?? 'mentioned',
      span: { start, end: start + quote.length },
      quote,
      credibility: Math.round(credibility),
    });
  }

  for (const r of readers.values()) {
    if (!handled.has(r.id))
      skip(
        r,
        MAPPED.some((s) => isA(r.schema, s))
          ? 'what it links was not imported'
          : `Vigil has no record for a ${r.schema}`,
      );
    if (r.report.outcome !== 'skipped') r.finish();
  }
  await saver.finish();
  return saver.tally;
}

/** When an Event began: its start date, else its date (a `date` that differs is reported). */
function startOf(r: FtmReader): string | undefined {
  const dates = r.all('date');
  const start = r.first('startDate') ?? dates[0];
  if (dates.some((d) => d !== start)) r.drop('date', 'differs from the start date, which is kept');
  return start;
}

type Save = (
  r: FtmReader,
  collection: CollectionName,
  input: Record<string, unknown>,
) => Promise<{ id: string } | undefined>;

/** Groups (LegalEntity marked `vigil:group`), parents before their sub-groups, with their members. */
async function addGroups(
  groups: FtmReader[],
  links: FtmReader[],
  save: Save,
  idOf: (ftm: string | undefined) => string | undefined,
  merged: (link: FtmReader, into: string) => void,
) {
  const linked = (role: string) => links.filter((l) => l.entity.properties.role?.[0] === role);
  const parents = new Map(linked(SUB_GROUP_ROLE).map((l) => [l.entity.properties.subject?.[0], l]));
  const depth = (id: string, seen = 0): number => {
    const parent = parents.get(id)?.entity.properties.object?.[0];
    return parent && seen < 50 ? 1 + depth(parent, seen + 1) : 0;
  };
  const members = linked(GROUP_MEMBER_ROLE);
  for (const r of [...groups].sort((a, b) => depth(a.id) - depth(b.id))) {
    const count = number(r.keyword('count:'));
    const parent = parents.get(r.id);
    const mine = members.filter((m) => m.entity.properties.object?.[0] === r.id);
    for (const m of [...mine, ...(parent ? [parent] : [])]) {
      m.all('subject');
      m.all('object');
      m.all('role');
      merged(m, r.id);
    }
    await save(r, 'person_groups', {
      description: r.first('name'),
      count: count !== undefined && Number.isInteger(count) ? count : undefined,
      placeId: idOf(r.first('addressEntity')),
      dateFrom: r.keyword('from:'),
      dateTo: r.keyword('to:'),
      notes: r.first('notes'),
      parentGroupId: idOf(parent?.entity.properties.object?.[0]),
      memberPersonIds: mine.map((m) => idOf(m.entity.properties.subject?.[0])).filter(present),
    });
  }
}
