import type { CollectionName, StoredRecord } from '../../../domain/collections.js';
import { thesaurusLabel, UWAZI_TEMPLATES } from './uwazi-templates.js';

/** How one Uwazi property carries Vigil data; the templates file says its Uwazi type. */
export type FieldMap =
  | { kind: 'vigilId' }
  | { kind: 'text'; field: string }
  | { kind: 'otherNames' }
  | { kind: 'select'; field: string }
  | { kind: 'date'; field: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'geo' }
  | { kind: 'url'; field: string }
  /** A relationship stored in fields of the record, one field per collection it may point to. */
  | { kind: 'ref'; fields: Partial<Record<CollectionName, string>>; many: boolean }
  /** A case's persons, or its organizations, in one role (involvement records). */
  | { kind: 'involved'; role: string; collection: 'persons' | 'organizations' }
  /** How precise the dates of these fields are ("year", "month"; "" when to the day). */
  | { kind: 'precision'; fields: string[] }
  /** A case's related cases of one relation. */
  | { kind: 'related'; relation: string }
  | { kind: 'status' }
  | { kind: 'statusHistory' }
  | { kind: 'yesNo'; field: string };

const vigilId: FieldMap = { kind: 'vigilId' };
const otherNames: FieldMap = { kind: 'otherNames' };
const text = (field: string): FieldMap => ({ kind: 'text', field });
const select = (field: string): FieldMap => ({ kind: 'select', field });
const one = (collection: CollectionName, field: string): FieldMap => ({
  kind: 'ref',
  fields: { [collection]: field },
  many: false,
});
const involved = (role: string, collection: 'persons' | 'organizations'): FieldMap => ({
  kind: 'involved',
  role,
  collection,
});
const precision = (...fields: string[]): FieldMap => ({ kind: 'precision', fields });
const related = (relation: string): FieldMap => ({ kind: 'related', relation });

/** Every property of every shipped template, and the Vigil fields it carries. */
export const UWAZI_FIELDS: Record<string, Record<string, FieldMap>> = {
  Place: {
    vigil_id: vigilId,
    other_names: otherNames,
    kind: select('kind'),
    part_of: one('places', 'parentPlaceId'),
    region: text('region'),
    country: text('country'),
    location_geolocation: { kind: 'geo' },
    coordinate_precision: select('precision'),
    gazetteer_id: text('gazetteerId'),
    description: text('description'),
  },
  Organization: {
    vigil_id: vigilId,
    other_names: otherNames,
    kind: select('kind'),
    part_of: one('organizations', 'parentId'),
    country: text('country'),
    description: text('description'),
  },
  Source: {
    vigil_id: vigilId,
    kind: select('kind'),
    outlet: text('outlet'),
    url: { kind: 'url', field: 'url' },
    published: { kind: 'date', field: 'published' },
    published_precision: precision('published'),
    language: select('language'),
    reliability: select('reliability'),
    text: text('text'),
  },
  Person: {
    vigil_id: vigilId,
    other_names: otherNames,
    sex: select('sex'),
    birth_date: { kind: 'date', field: 'birthDate' },
    birth_date_precision: precision('birthDate'),
    hometown: one('places', 'hometownPlaceId'),
    hometown_as_reported: text('hometown'),
    unit: one('organizations', 'unitOrganizationId'),
    unit_as_reported: text('unit'),
    rank: text('rank'),
    employer: one('organizations', 'employerOrganizationId'),
    employer_as_reported: text('employer'),
    exemption_grounds: text('exemptionGrounds'),
    status: { kind: 'status' },
    status_history: { kind: 'statusHistory' },
    notes: text('notes'),
    name_may_be_published: { kind: 'yesNo', field: 'isPublic' },
  },
  Case: {
    vigil_id: vigilId,
    summary: text('summary'),
    status: select('status'),
    confidentiality: select('confidentiality'),
    period: { kind: 'range', from: 'periodStart', to: 'periodEnd' },
    period_precision: precision('periodStart', 'periodEnd'),
    victims: involved('victim', 'persons'),
    victim_organizations: involved('victim', 'organizations'),
    perpetrators: involved('perpetrator', 'persons'),
    perpetrator_organizations: involved('perpetrator', 'organizations'),
    witnesses: involved('witness', 'persons'),
    witness_organizations: involved('witness', 'organizations'),
    relatives: involved('relative_of', 'persons'),
    relative_organizations: involved('relative_of', 'organizations'),
    informants: involved('source', 'persons'),
    informant_organizations: involved('source', 'organizations'),
    legal_representatives: involved('legal_representative', 'persons'),
    legal_representative_organizations: involved('legal_representative', 'organizations'),
    same_site_as: related('same_site'),
    continuation_of: related('continuation'),
    similar_to: related('similar'),
  },
  Act: {
    vigil_id: vigilId,
    case: one('cases', 'caseId'),
    type: select('type'),
    status: select('status'),
    victims: { kind: 'ref', fields: { persons: 'victimIds' }, many: true },
    perpetrators: { kind: 'ref', fields: { persons: 'perpetratorPersonIds' }, many: true },
    perpetrator_organizations: {
      kind: 'ref',
      fields: { organizations: 'perpetratorOrganizationIds' },
      many: true,
    },
    place: one('places', 'placeId'),
    date: { kind: 'range', from: 'dateFrom', to: 'dateTo' },
    date_precision: precision('dateFrom', 'dateTo'),
    description: text('description'),
  },
};

// The templates file and this table must name the same properties, or a column would be lost.
for (const t of UWAZI_TEMPLATES) {
  const mapped = Object.keys(UWAZI_FIELDS[t.name] ?? {});
  const listed = t.properties.map((p) => p.name);
  if (JSON.stringify(mapped.sort()) !== JSON.stringify([...listed].sort()))
    throw new Error(
      `data/uwazi/templates.json: ${t.name} must have exactly the properties ${mapped.join(', ')}`,
    );
}

/** The collections a relationship property may point to. */
export function targetsOf(map: FieldMap): CollectionName[] {
  if (map.kind === 'ref') return Object.keys(map.fields) as CollectionName[];
  if (map.kind === 'involved') return [map.collection];
  if (map.kind === 'related') return ['cases'];
  return [];
}

const names = (r: StoredRecord) => (Array.isArray(r.names) ? (r.names as Array<{ value: string }>) : []);

/**
 * The title of a record in Uwazi, which is also what relationships point to: a person's first
 * name variant, the name of a place or an organization, a case's title; a source's title (else
 * its outlet or kind); an act's type and the title of its case.
 */
export function titleOf(collection: CollectionName, r: StoredRecord, caseTitle?: string): string {
  switch (collection) {
    case 'persons':
      return names(r)[0]?.value ?? '';
    case 'sources':
      return String(r.title ?? r.outlet ?? thesaurusLabel('Source kind', String(r.kind)));
    case 'cases':
      return String(r.title);
    case 'acts':
      return [thesaurusLabel('Act type', String(r.type)), caseTitle].filter(Boolean).join(' — ');
    default:
      return String(r.name);
  }
}
