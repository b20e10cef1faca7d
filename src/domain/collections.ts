import type { TObject } from '@sinclair/typebox';
import { COLLECTION_NAMES, type CollectionName } from './record-vocabularies.js';
import { Act, ActFields } from './schemas/act.js';
import { Case, CaseFields } from './schemas/case.js';
import { Claim, ClaimFields } from './schemas/claim.js';
import { Group, GroupFields } from './schemas/group.js';
import { Intervention, InterventionFields } from './schemas/intervention.js';
import { Involvement, InvolvementFields } from './schemas/involvement.js';
import { Organization, OrganizationFields } from './schemas/organization.js';
import { Person, PersonFields } from './schemas/person.js';
import { Place, PlaceFields } from './schemas/place.js';
import { Source, SourceFields } from './schemas/source.js';

// The names are a plain list (record-vocabularies) so that the web can take them; re-exported
// here because the registry is where the rest of the server looks for them.
export { COLLECTION_NAMES, type CollectionName };

/** A stored record as the store and the API see it: metadata plus the collection's fields. */
export interface StoredRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

/** How one collection is stored, validated, linked, filtered and searched. */
export interface CollectionSpec {
  name: CollectionName;
  /** Singular noun for messages ("person not found"). */
  noun: string;
  /** The fields a client writes (no metadata). */
  fields: TObject;
  /** The full stored shape, with metadata. */
  record: TObject;
  /** Fields holding ids of other records (scalar or array), with the collection they point to. */
  refs: Record<string, CollectionName>;
  /** References whose target collection depends on the record (a claim's subject). */
  dynamicRefs?: (
    record: Record<string, unknown>,
  ) => Array<{ field: string; collection: CollectionName; id: string }>;
  /**
   * Scalar fields copied to their own indexed column, usable as list filters (`?field=value`).
   * Each needs its column in a migration; src/store/schema-matches-registry.test.ts checks that.
   */
  filters: string[];
  /**
   * Names and titles, as dotted paths through arrays ("names.value"): stored without bidi
   * controls and zero-width characters, NFC-normalized (domain/text/labels.ts). Verbatim evidence
   * (a source's text, a claim's quote) is never listed: it must stay as the source has it.
   */
  labels?: string[];
  /**
   * Pairs of date fields [start, end] where the end cannot fall before the start, compared by
   * the earliest and latest day each partial date can mean (domain/partial-date.ts).
   */
  ranges?: Array<[start: string, end: string]>;
  /**
   * Fields only Vigil writes (provenance, computed values): a client may leave them out or send
   * back the stored value, never another, so no one can forge who or what set them.
   */
  serverFields?: string[];
  /** Fields that cannot change after creation (a source's content is what claims quote). */
  immutable?: string[];
  /**
   * Fields stored encrypted (in the table and in audit entries) because they could endanger
   * people. Never indexed for search: folded index terms would leak them.
   */
  encrypted?: (record: Record<string, unknown>) => string[];
  /**
   * Ids the record has in other systems (a hotline's list), kept in an index of their own so that
   * a lookup by system and value finds the record: the list's next version updates, not duplicates.
   */
  externalIds?: (record: Record<string, unknown>) => Array<{ system: string; value: string }>;
  /** Text for full-text search; absent when records of this collection are not searched. */
  searchText?: (record: StoredRecord) => { title: string; body: string };
}

function names(list: unknown): string[] {
  return Array.isArray(list)
    ? list.map((n) => (typeof n === 'string' ? n : String((n as { value?: unknown }).value ?? '')))
    : [];
}

function text(...parts: unknown[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

/** The collection holding each kind of claim subject. */
export const SUBJECT_COLLECTIONS: Record<string, CollectionName> = {
  case: 'cases',
  person: 'persons',
  organization: 'organizations',
  place: 'places',
  act: 'acts',
  intervention: 'interventions',
  group: 'person_groups',
};

/** Every collection of the data model. */
export const COLLECTIONS: Record<CollectionName, CollectionSpec> = {
  cases: {
    name: 'cases',
    noun: 'case',
    fields: CaseFields,
    record: Case,
    refs: { 'relatedCases.caseId': 'cases' },
    filters: ['status', 'confidentiality'],
    labels: ['title'],
    ranges: [['periodStart', 'periodEnd']],
    searchText: (r) => ({ title: String(r.title), body: text(r.summary) }),
  },
  persons: {
    name: 'persons',
    noun: 'person',
    fields: PersonFields,
    record: Person,
    refs: {
      hometownPlaceId: 'places',
      employerOrganizationId: 'organizations',
      unitOrganizationId: 'organizations',
      'statusHistory.sourceId': 'sources',
      'statusHistory.placeId': 'places',
    },
    filters: ['unitOrganizationId', 'employerOrganizationId', 'hometownPlaceId', 'birthDate'],
    labels: ['names.value', 'hometown', 'employer', 'unit', 'rank'],
    encrypted: (r) => (r.contacts === undefined ? [] : ['contacts']),
    externalIds: (r) =>
      Array.isArray(r.externalIds) ? (r.externalIds as Array<{ system: string; value: string }>) : [],
    searchText: (r) => {
      const [primary, ...rest] = names(r.names);
      return { title: primary ?? '', body: text(rest.join('\n'), r.hometown, r.employer, r.unit, r.rank) };
    },
  },
  organizations: {
    name: 'organizations',
    noun: 'organization',
    fields: OrganizationFields,
    record: Organization,
    refs: { parentId: 'organizations' },
    filters: ['kind', 'parentId', 'country'],
    labels: ['name', 'otherNames'],
    searchText: (r) => ({ title: String(r.name), body: text(names(r.otherNames).join('\n'), r.description) }),
  },
  places: {
    name: 'places',
    noun: 'place',
    fields: PlaceFields,
    record: Place,
    refs: { parentPlaceId: 'places' },
    filters: ['kind', 'country', 'region', 'gazetteerId'],
    labels: ['name', 'otherNames', 'region'],
    searchText: (r) => ({
      title: String(r.name),
      body: text(names(r.otherNames).join('\n'), r.region, r.description),
    }),
  },
  sources: {
    name: 'sources',
    noun: 'source',
    fields: SourceFields,
    record: Source,
    refs: {},
    filters: ['kind', 'language', 'sha256', 'outlet', 'sensitive'],
    labels: ['title', 'outlet'],
    // Sensitivity is fixed at creation: text once stored in plain would stay in the audit history.
    immutable: ['text', 'sha256', 'sensitive', 'fileSha256', 'mediaType'],
    encrypted: (r) => (r.sensitive === true && r.text !== undefined ? ['text'] : []),
    searchText: (r) => ({
      title: text(r.title, r.outlet) || String(r.kind),
      body: r.sensitive === true ? '' : text(r.text),
    }),
  },
  claims: {
    name: 'claims',
    noun: 'claim',
    fields: ClaimFields,
    record: Claim,
    refs: { sourceId: 'sources' },
    dynamicRefs: (r) => {
      const collection = SUBJECT_COLLECTIONS[String(r.subjectType)];
      return collection && typeof r.subjectId === 'string'
        ? [{ field: 'subjectId', collection, id: r.subjectId }]
        : [];
    },
    filters: ['sourceId', 'subjectType', 'subjectId', 'field'],
    // A quote is a span of its source, which may be sensitive testimony: always sealed.
    encrypted: (r) => ['quote', 'value'].filter((f) => r[f] !== undefined),
  },
  acts: {
    name: 'acts',
    noun: 'act',
    fields: ActFields,
    record: Act,
    refs: {
      caseId: 'cases',
      victimIds: 'persons',
      victimGroupIds: 'person_groups',
      perpetratorPersonIds: 'persons',
      perpetratorOrganizationIds: 'organizations',
      placeId: 'places',
    },
    filters: ['caseId', 'type', 'status', 'placeId'],
    ranges: [['dateFrom', 'dateTo']],
    // Who set the status decides whether corroboration may move it (corroboration/act-status-updater).
    serverFields: ['statusSetBy'],
  },
  interventions: {
    name: 'interventions',
    noun: 'intervention',
    fields: InterventionFields,
    record: Intervention,
    refs: {
      caseId: 'cases',
      recipientOrganizationId: 'organizations',
      personIds: 'persons',
      groupIds: 'person_groups',
      replySourceId: 'sources',
    },
    filters: ['caseId', 'status', 'kind', 'deadline'],
    labels: ['recipientName', 'senderName'],
    ranges: [
      ['sentOn', 'receivedOn'],
      ['sentOn', 'registeredOn'],
      ['receivedOn', 'registeredOn'],
      ['sentOn', 'answeredOn'],
      ['registeredOn', 'answeredOn'],
    ],
    // Computed from the deadline rule and the dates, or stamped on a status change (appeals/intervention-rules).
    serverFields: ['deadline', 'deadlineEstimated', 'statusSetAt'],
  },
  involvements: {
    name: 'involvements',
    noun: 'involvement',
    fields: InvolvementFields,
    record: Involvement,
    refs: {
      caseId: 'cases',
      personId: 'persons',
      organizationId: 'organizations',
      groupId: 'person_groups',
      relatedPersonId: 'persons',
      relatedGroupId: 'person_groups',
    },
    filters: ['caseId', 'personId', 'organizationId', 'groupId', 'role'],
  },
  person_groups: {
    name: 'person_groups',
    noun: 'group',
    fields: GroupFields,
    record: Group,
    refs: {
      placeId: 'places',
      parentGroupId: 'person_groups',
      memberPersonIds: 'persons',
      sourceIds: 'sources',
    },
    filters: ['placeId', 'parentGroupId'],
    searchText: (r) => ({ title: String(r.description), body: text(r.notes) }),
  },
};

/** Collections listed in DESIGN.md as top-level API collections; involvements are reached through cases. */
export const API_COLLECTIONS: CollectionName[] = COLLECTION_NAMES.filter((n) => n !== 'involvements');

/** Every id a record points to, with the field path and the collection it belongs to. */
export function referencesOf(spec: CollectionSpec, record: Record<string, unknown>) {
  const out: Array<{ field: string; collection: CollectionName; id: string }> = [];
  for (const [path, collection] of Object.entries(spec.refs)) {
    for (const id of valuesAt(record, path.split('.'))) {
      if (typeof id === 'string') out.push({ field: path, collection, id });
    }
  }
  if (spec.dynamicRefs) out.push(...spec.dynamicRefs(record));
  return out;
}

/** Values at a dotted path, descending through arrays ("relatedCases.caseId"). */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path;
  return valuesAt((value as Record<string, unknown>)[head], rest);
}
