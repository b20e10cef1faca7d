import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { readCaseOverview } from '../../app/overviews/case-overview-reader.js';
import { readPersonOverview } from '../../app/overviews/person-overview-reader.js';
import { Case } from '../../domain/schemas/case.js';
import { Person, PersonStatusEntry } from '../../domain/schemas/person.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';

const IdParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const Str = Type.String();
const Opt = Type.Optional(Type.String());

const ChronologyFact = Type.Object(
  {
    claimId: Str,
    subjectType: Str,
    subjectId: Str,
    subjectLabel: Str,
    field: Str,
    value: Type.Optional(Type.Unknown()),
  },
  { title: 'ChronologyFact' },
);
const ChronologyEntry = Type.Object(
  {
    claimId: Type.String({ description: 'the first claim of the entry' }),
    date: Type.Union([Str, Type.Null()]),
    dateSource: Type.String({ enum: ['claim', 'source', 'none'] }),
    facts: Type.Array(ChronologyFact, { description: 'every fact the quoted words state' }),
    quote: Str,
    sourceId: Str,
    sourceTitle: Str,
  },
  { title: 'ChronologyEntry', description: 'one span of a source and the facts it states' },
);
const AppealSummary = Type.Object(
  {
    id: Str,
    version: Type.Integer({ description: 'send it with a status move' }),
    kind: Str,
    recipientName: Str,
    status: Str,
    shownStatus: Type.String({ description: "the stored status, or 'overdue' once the term is over" }),
    nextStatuses: Type.Array(Str, { description: 'the statuses it may move to next' }),
    sentOn: Opt,
    deadlineRule: Opt,
    deadline: Opt,
    daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: '0 due today, negative overdue' }),
  },
  { title: 'AppealSummary' },
);
const SourceSummary = Type.Object(
  { id: Str, title: Str, kind: Str, outlet: Opt, published: Opt, url: Opt },
  { title: 'SourceSummary' },
);

const CaseOverview = Type.Object(
  {
    case: Case,
    involvements: Type.Array(
      Type.Object({ id: Str, role: Str, personId: Opt, organizationId: Opt, label: Str, note: Opt }),
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
        victimCount: Type.Integer(),
        corroboration: Type.Object({ sources: Type.Integer(), independentSources: Type.Integer() }),
      }),
    ),
    appeals: Type.Array(AppealSummary),
    sources: Type.Array(SourceSummary),
    canEdit: Type.Boolean({ description: 'may the reader change the case' }),
  },
  { title: 'CaseOverview' },
);

const PersonOverview = Type.Object(
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

/** One read per page: GET /api/cases/:id/overview and GET /api/persons/:id/overview. */
export async function overviewRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/cases/:id/overview', {
    schema: {
      tags: ['cases'],
      summary: 'A case with its persons and roles, chronology from claims, acts, appeals and sources',
      params: IdParam,
      response: { 200: CaseOverview, 404: ErrorBody },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('cases', id);
      return readCaseOverview(ctx, scope, id);
    },
  });

  app.get('/api/persons/:id/overview', {
    schema: {
      tags: ['persons'],
      summary: 'A person with status history and sources, cases and roles, appeals concerning them',
      params: IdParam,
      response: { 200: PersonOverview, 404: ErrorBody },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const scope = scopeOf(ctx, request);
      await scope.assertVisible('persons', id);
      return readPersonOverview(ctx, scope, id);
    },
  });
}
