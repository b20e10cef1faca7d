import { DATA_ATTRIBUTIONS } from '../../../domain/attribution.js';
import { type CollectionName, type StoredRecord, SUBJECT_COLLECTIONS } from '../../../domain/collections.js';
import type { FtmEntity } from './ftm-model.js';

/** FollowTheMoney languages are ISO 639-3. */
export const FTM_LANGUAGES: Record<string, string> = { ru: 'rus', uk: 'ukr', en: 'eng' };

/** The FollowTheMoney id of a Vigil record: stable, so repeated exports update the same entities in Aleph. */
export function ftmId(collection: CollectionName | string, id: string): string {
  return `vigil-${collection}-${id}`;
}

type Props = Record<string, Array<string | number | undefined | null>>;

function entity(id: string, schema: string, props: Props): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const [k, values] of Object.entries(props)) {
    const clean = [
      ...new Set(
        values.filter((v): v is string | number => v !== undefined && v !== null && v !== '').map(String),
      ),
    ];
    if (clean.length) properties[k] = clean;
  }
  return { id, schema, properties };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => (typeof x === 'string' ? x : String((x as { value?: unknown }).value ?? '')))
    : [];
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

/** Roles of the UnknownLinks tying a group to its members, its parent group and its relatives. */
export const GROUP_MEMBER_ROLE = 'member of group';
export const SUB_GROUP_ROLE = 'sub-group of';
export const RELATIVE_OF_GROUP_ROLE = 'relative of group';

const ORGANIZATION_SCHEMA: Record<string, string> = { state_body: 'PublicBody', company: 'Company' };

/** The FollowTheMoney Note that carries the attribution of data shipped with Vigil. */
export function attributionNote(): FtmEntity {
  return entity('vigil-attribution', 'Note', {
    name: ['Data shipped with Vigil under its own licence'],
    description: DATA_ATTRIBUTIONS.map((a) => `${a.data} (${a.licence}): ${a.text}`),
    publisher: ['Vigil'],
  });
}

/**
 * The FollowTheMoney entities for one Vigil record: the record itself (Person, Organization,
 * Address, Event for cases and acts, Article or Document for sources) and the links it holds
 * (Membership for units and parent units, Employment for employers, UnknownLink with the role
 * for case involvements and Family for the relative a relative is of, Documentation tying a
 * source to what it states). An act's victims are `involved`, its perpetrators `organizer`.
 * A group of people known by number is a LegalEntity marked `vigil:group` (FollowTheMoney has no
 * schema for a number of unnamed people), its members and its parent group UnknownLinks.
 * Fields FollowTheMoney has no place for (status history, appeals, contacts) are not exported.
 */
export function toFtm(collection: CollectionName, r: StoredRecord): FtmEntity[] {
  const id = ftmId(collection, r.id);
  switch (collection) {
    case 'persons': {
      const out = [
        entity(id, 'Person', {
          name: list(r.names),
          birthDate: [str(r.birthDate)],
          gender: [r.sex === 'male' || r.sex === 'female' ? r.sex : undefined],
          position: [str(r.rank)],
          address: [str(r.hometown)],
          addressEntity: [
            typeof r.hometownPlaceId === 'string' ? ftmId('places', r.hometownPlaceId) : undefined,
          ],
          notes: [str(r.notes)],
        }),
      ];
      if (typeof r.unitOrganizationId === 'string') {
        out.push(
          entity(ftmId('membership', `${r.id}-${r.unitOrganizationId}`), 'Membership', {
            member: [id],
            organization: [ftmId('organizations', r.unitOrganizationId)],
            role: [str(r.rank) ?? 'serviceman'],
          }),
        );
      }
      if (typeof r.employerOrganizationId === 'string') {
        out.push(
          entity(ftmId('employment', `${r.id}-${r.employerOrganizationId}`), 'Employment', {
            employee: [id],
            employer: [ftmId('organizations', r.employerOrganizationId)],
            role: [str(r.exemptionGrounds) ? `exemption: ${r.exemptionGrounds}` : undefined],
          }),
        );
      }
      return out;
    }
    case 'organizations': {
      const out = [
        entity(id, ORGANIZATION_SCHEMA[String(r.kind)] ?? 'Organization', {
          name: [str(r.name)],
          alias: list(r.otherNames),
          country: [lower(r.country)],
          classification: [str(r.kind)],
          description: [str(r.description)],
        }),
      ];
      if (typeof r.parentId === 'string') {
        out.push(
          entity(ftmId('membership', `${r.id}-${r.parentId}`), 'Membership', {
            member: [id],
            organization: [ftmId('organizations', r.parentId)],
            role: ['subunit'],
          }),
        );
      }
      return out;
    }
    case 'places':
      return [
        entity(id, 'Address', {
          name: [str(r.name)],
          full: [str(r.name)],
          alias: list(r.otherNames),
          region: [str(r.region)],
          country: [lower(r.country)],
          latitude: [r.lat as number | undefined],
          longitude: [r.lon as number | undefined],
          // FollowTheMoney has no place for a coordinate's precision nor for the place an Address
          // lies within: Vigil's import reads them back from these keywords.
          keywords: [
            `kind:${r.kind}`,
            r.gazetteerId ? `gazetteer:${r.gazetteerId}` : undefined,
            r.precision ? `precision:${r.precision}` : undefined,
            r.parentPlaceId ? `within:${r.parentPlaceId}` : undefined,
          ],
          description: [str(r.description)],
        }),
      ];
    case 'cases':
      return [
        entity(id, 'Event', {
          name: [str(r.title)],
          summary: [str(r.summary)],
          startDate: [str(r.periodStart)],
          endDate: [str(r.periodEnd)],
          keywords: ['vigil:case', `status:${r.status}`, `confidentiality:${r.confidentiality}`],
        }),
      ];
    case 'acts':
      return [
        entity(id, 'Event', {
          name: [String(r.type).replaceAll('_', ' ')],
          description: [str(r.description)],
          startDate: [str(r.dateFrom)],
          endDate: [str(r.dateTo)],
          involved: [
            ...list(r.victimIds).map((p) => ftmId('persons', p)),
            ...list(r.victimGroupIds).map((g) => ftmId('person_groups', g)),
          ],
          organizer: [
            ...list(r.perpetratorPersonIds).map((p) => ftmId('persons', p)),
            ...list(r.perpetratorOrganizationIds).map((o) => ftmId('organizations', o)),
          ],
          addressEntity: [typeof r.placeId === 'string' ? ftmId('places', r.placeId) : undefined],
          keywords: ['vigil:act', `type:${r.type}`, `status:${r.status}`, `case:${r.caseId}`],
        }),
      ];
    case 'sources':
      // A Document requires a file name: the file is the source's clean text as Vigil holds it.
      return [
        entity(id, r.kind === 'news_report' ? 'Article' : 'Document', {
          name: [str(r.title) ?? str(r.outlet) ?? String(r.kind).replaceAll('_', ' ')],
          fileName: [`vigil-source-${r.id}.txt`],
          mimeType: [typeof r.text === 'string' ? 'text/plain' : undefined],
          title: [str(r.title)],
          publisher: [str(r.outlet)],
          sourceUrl: [str(r.url)],
          publishedAt: [str(r.published)],
          language: [FTM_LANGUAGES[String(r.language)]],
          bodyText: [str(r.text)],
          keywords: [`kind:${r.kind}`, r.reliability ? `reliability:${r.reliability}` : undefined],
        }),
      ];
    case 'person_groups': {
      const out = [
        entity(id, 'LegalEntity', {
          name: [str(r.description)],
          addressEntity: [typeof r.placeId === 'string' ? ftmId('places', r.placeId) : undefined],
          notes: [str(r.notes)],
          keywords: [
            'vigil:group',
            typeof r.count === 'number' ? `count:${r.count}` : undefined,
            str(r.dateFrom) && `from:${r.dateFrom}`,
            str(r.dateTo) && `to:${r.dateTo}`,
          ],
        }),
      ];
      for (const member of list(r.memberPersonIds))
        out.push(
          entity(ftmId('group-member', `${r.id}-${member}`), 'UnknownLink', {
            subject: [ftmId('persons', member)],
            object: [id],
            role: [GROUP_MEMBER_ROLE],
          }),
        );
      if (typeof r.parentGroupId === 'string')
        out.push(
          entity(ftmId('sub-group', r.id), 'UnknownLink', {
            subject: [id],
            object: [ftmId('person_groups', r.parentGroupId)],
            role: [SUB_GROUP_ROLE],
          }),
        );
      return out;
    }
    case 'involvements': {
      const subject =
        typeof r.personId === 'string'
          ? ftmId('persons', r.personId)
          : typeof r.groupId === 'string'
            ? ftmId('person_groups', r.groupId)
            : ftmId('organizations', String(r.organizationId));
      const out = [
        entity(id, 'UnknownLink', {
          subject: [subject],
          object: [ftmId('cases', String(r.caseId))],
          role: [str(r.role)],
          description: [str(r.note)],
        }),
      ];
      if (typeof r.relatedGroupId === 'string')
        out.push(
          entity(ftmId('relative-of-group', r.id), 'UnknownLink', {
            subject: [subject],
            object: [ftmId('person_groups', r.relatedGroupId)],
            role: [RELATIVE_OF_GROUP_ROLE],
          }),
        );
      if (typeof r.relatedPersonId === 'string' && typeof r.personId === 'string') {
        out.push(
          entity(ftmId('family', r.id), 'Family', {
            person: [ftmId('persons', r.relatedPersonId)],
            relative: [subject],
            relationship: ['relative'],
          }),
        );
      }
      return out;
    }
    case 'claims': {
      // Appeals have no FollowTheMoney entity, so claims about them have nothing to document.
      const subjectCollection = SUBJECT_COLLECTIONS[String(r.subjectType)];
      if (!subjectCollection || subjectCollection === 'interventions') return [];
      return [
        entity(id, 'Documentation', {
          document: [ftmId('sources', String(r.sourceId))],
          entity: [ftmId(subjectCollection, String(r.subjectId))],
          role: [str(r.field)],
          summary: [str(r.quote)],
          status: [`credibility:${r.credibility}`],
        }),
      ];
    }
    default:
      return [];
  }
}
