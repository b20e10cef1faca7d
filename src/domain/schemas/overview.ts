import { type Static, Type } from '@sinclair/typebox';
import { Case } from './case.js';
import { oneOf } from './common.js';
import { Person, PersonStatusEntry } from './person.js';

// The shapes of the page reads (GET /api/cases/:id/overview, GET /api/persons/:id/overview):
// the route describes its responses with them, the readers in app/overviews build them, and the
// web application takes its types from them.

const Str = Type.String();
const Opt = Type.Optional(Type.String());

/** One fact a chronology entry states: a field of a record, with the value the source gives. */
export const ChronologyFact = Type.Object(
  {
    claimId: Str,
    subjectType: Str,
    subjectId: Str,
    subjectLabel: Str,
    field: Str,
    value: Type.Optional(Type.Unknown()),
    quote: Type.Optional(
      Type.String({
        description: 'the words of the sentence that state this fact, when the entry quotes a sentence',
      }),
    ),
  },
  { title: 'ChronologyFact' },
);
export type ChronologyFact = Static<typeof ChronologyFact>;

/**
 * One entry of a chronology: the words of a source (one span of it) and every fact they state,
 * with where to read them. A sentence giving a person's name, age and status is one entry with
 * three facts, not three entries repeating the quote.
 */
export const ChronologyEntry = Type.Object(
  {
    claimId: Type.String({ description: 'the first claim of the entry' }),
    date: Type.Union([Str, Type.Null()]),
    dateSource: oneOf(['claim', 'source', 'none'] as const),
    facts: Type.Array(ChronologyFact, { description: 'every fact the quoted words state' }),
    quote: Type.String({
      description: 'the sentence of the source that states the facts (else their words)',
    }),
    sourceId: Str,
    sourceTitle: Str,
    sourcePages: Type.Optional(
      Type.Integer({ description: 'pages of the source read by OCR, whose images the reader may see' }),
    ),
  },
  { title: 'ChronologyEntry', description: 'one span of a source and the facts it states' },
);
export type ChronologyEntry = Static<typeof ChronologyEntry>;

/** An appeal as a case or person page lists it: who, what, the shown status and the deadline. */
export const AppealSummary = Type.Object(
  {
    id: Str,
    version: Type.Integer({ description: 'send it with a status move' }),
    kind: Str,
    recipientName: Str,
    status: Str,
    shownStatus: Type.String({
      description:
        "the stored status, 'overdue' once the term is over, or 'no_reply' when awaited with no known term",
    }),
    nextStatuses: Type.Array(Str, { description: 'the statuses it may move to next' }),
    sentOn: Opt,
    deadlineRule: Opt,
    deadline: Opt,
    daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: '0 due today, negative overdue' }),
  },
  { title: 'AppealSummary' },
);
export type AppealSummary = Static<typeof AppealSummary>;

/** A source as a page lists it. */
export const SourceSummary = Type.Object(
  {
    id: Str,
    title: Str,
    kind: Str,
    outlet: Opt,
    published: Opt,
    url: Opt,
    pages: Type.Optional(
      Type.Integer({
        description: 'pages read by OCR, whose images the reader may see (…/pages/:page/image)',
      }),
    ),
  },
  { title: 'SourceSummary' },
);
export type SourceSummary = Static<typeof SourceSummary>;

/** Everything a case page shows in one read. */
export const CaseOverview = Type.Object(
  {
    case: Case,
    involvements: Type.Array(
      Type.Object({
        id: Str,
        role: Str,
        personId: Opt,
        groupId: Opt,
        organizationId: Opt,
        label: Str,
        note: Opt,
        relatedPersonId: Opt,
        relatedGroupId: Opt,
      }),
    ),
    chronology: Type.Array(ChronologyEntry),
    acts: Type.Array(
      Type.Object({
        id: Str,
        type: Str,
        status: Str,
        dateFrom: Opt,
        dateTo: Opt,
        placeId: Opt,
        placeName: Opt,
        victimCount: Type.Integer({
          description: 'people the act was done to: named victims and victim groups, nobody twice',
        }),
        corroboration: Type.Object({ sources: Type.Integer(), independentSources: Type.Integer() }),
      }),
    ),
    appeals: Type.Array(AppealSummary),
    sources: Type.Array(SourceSummary),
    canEdit: Type.Boolean({ description: 'may the reader change the case' }),
  },
  { title: 'CaseOverview' },
);
export type CaseOverview = Static<typeof CaseOverview>;

/** Everything a person page shows in one read. */
export const PersonOverview = Type.Object(
  {
    person: Person,
    statusHistory: Type.Array(
      Type.Object({ ...PersonStatusEntry.properties, sourceTitle: Opt }, { additionalProperties: false }),
    ),
    cases: Type.Array(Type.Object({ caseId: Str, title: Str, role: Str, status: Str })),
    appeals: Type.Array(AppealSummary),
    claims: Type.Array(ChronologyEntry),
    sources: Type.Array(SourceSummary, { description: 'the sources the person’s claims and statuses cite' }),
    canEdit: Type.Boolean(),
  },
  { title: 'PersonOverview' },
);
export type PersonOverview = Static<typeof PersonOverview>;
