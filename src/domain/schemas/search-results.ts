import { type Static, Type } from '@sinclair/typebox';
import { BROWSED } from '../search-facets.js';
import { oneOf } from './common.js';

// The answer of GET /api/search: the route describes its response with these, the searchers in
// app/search build them, and the web application takes its types from them.

/** One record found, with a plain-text excerpt and where the words matched in it. */
export const SearchHit = Type.Object(
  {
    type: oneOf(BROWSED),
    id: Type.String(),
    title: Type.String({ description: "for an act, its type's code; for an appeal, its recipient" }),
    snippet: Type.String(),
    highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
      description: '[start, end) offsets into snippet',
    }),
    score: Type.Number({ description: '0 when browsing by filters alone' }),
    caseId: Type.Optional(Type.String({ description: 'for an act or an appeal, the case it belongs to' })),
  },
  { title: 'SearchHit' },
);
export type SearchHit = Static<typeof SearchHit>;

const FacetCounts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer({ minimum: 0 }) }), {
  description: 'most frequent first; chosen values are always listed',
});
/** How many matches have one value of a facet. */
export type FacetCount = Static<typeof FacetCounts>[number];

/** Hits, and with facets or filters the counts of every match the reader may see. */
export const SearchResults = Type.Object(
  {
    items: Type.Array(SearchHit),
    total: Type.Optional(
      Type.Integer({
        description: 'with facets or filters: matches you may see (of the first 5000)',
      }),
    ),
    complete: Type.Optional(
      Type.Boolean({ description: 'false when counts come from only the first 5000 matches' }),
    ),
    facets: Type.Optional(
      Type.Object({ type: FacetCounts, region: FacetCounts, act: FacetCounts, status: FacetCounts }),
    ),
  },
  { title: 'SearchResults' },
);
export type SearchResults = Static<typeof SearchResults>;
