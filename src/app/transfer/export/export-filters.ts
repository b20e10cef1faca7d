import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../../domain/collections.js';
import { Id, oneOf, PartialDate } from '../../../domain/schemas/common.js';
import { STATUS_FACET_VALUES } from '../../../domain/search-facets.js';
import { ACT_TYPES, EXPORT_FORMATS } from '../../../domain/vocabularies.js';

/** Collections a search query reaches, as in GET /api/search. */
export const SEARCHED: CollectionName[] = ['cases', 'persons', 'organizations', 'places', 'sources'];

function whereSchema() {
  const perCollection: Record<string, TSchema> = {};
  for (const name of COLLECTION_NAMES) {
    const fields = Object.fromEntries(
      COLLECTIONS[name].filters.map((f) => [f, Type.Optional(Type.String({ minLength: 1, maxLength: 300 }))]),
    );
    perCollection[name] = Type.Optional(Type.Object(fields, { additionalProperties: false }));
  }
  return Type.Object(perCollection, {
    additionalProperties: false,
    description: "equality filters per collection, the same as the collections' list filters",
  });
}

const facet = <T extends TSchema>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { minItems: 1, maxItems: 50, uniqueItems: true, description }));

/**
 * What to export; every filter narrows (they combine with AND), none means everything the reader
 * may see. `q` keeps only records the search finds (searched collections only); `region`, `act`
 * and `status` are the search's facets, with its meaning (any value of one, every one given; only
 * records that carry facets); `caseId` keeps the records linked to that case; `from`/`to` keep
 * records of the dated collections whose dates (as the search reads them: `datesOf`) overlap the
 * range, and leave the undated collections (places, organizations, claims, links) alone.
 */
export const ExportFilters = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'a search query' })),
    types: Type.Optional(
      Type.Array(oneOf(COLLECTION_NAMES), {
        minItems: 1,
        uniqueItems: true,
        description: 'record types to export (default all)',
      }),
    ),
    region: facet(
      Type.String({ minLength: 1, maxLength: 500 }),
      'as the search facet: places in the region, acts there, their cases and victims, persons from there',
    ),
    act: facet(oneOf(ACT_TYPES), 'as the search facet: acts of a type, their cases, victims and places'),
    status: facet(
      oneOf(STATUS_FACET_VALUES),
      "as the search facet: type:status, e.g. persons:detained (a person's latest status)",
    ),
    caseId: Type.Optional({ ...Id, description: 'only records linked to this case' }),
    where: Type.Optional(whereSchema()),
    from: Type.Optional({ ...PartialDate, description: 'dated records on or after this date' }),
    to: Type.Optional({ ...PartialDate, description: 'dated records on or before this date' }),
  },
  { additionalProperties: false, title: 'ExportFilters' },
);
export type ExportFilters = Static<typeof ExportFilters> & {
  types?: CollectionName[];
  where?: Partial<Record<CollectionName, Record<string, string>>>;
};

/** A request for one export: a format and the filters. */
export const ExportRequest = Type.Object(
  { format: oneOf(EXPORT_FORMATS), filters: Type.Optional(ExportFilters) },
  { additionalProperties: false, title: 'ExportRequest' },
);
