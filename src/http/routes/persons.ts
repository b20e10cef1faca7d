import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { mergePersons } from '../../app/persons/person-merger.js';
import { splitPerson } from '../../app/persons/person-splitter.js';
import { type AccessScope, forbidden } from '../../app/policies/access-scope.js';
import { presentRecords } from '../../app/presenters/record-presenter.js';
import { invalid } from '../../domain/errors.js';
import { Id, ShortText } from '../../domain/schemas/common.js';
import { Person } from '../../domain/schemas/person.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import { errors } from './responses.js';

const PersonParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** Merging two persons found to be one, and splitting one found to be two. */
export async function personRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/persons/:id/merge', {
    schema: {
      tags: ['persons'],
      summary: 'Merge another person into this one (claims and links move; the other is removed)',
      params: PersonParam,
      body: Type.Object({ otherId: Id }, { additionalProperties: false, title: 'PersonMerge' }),
      response: { 200: Person, ...errors(400, 404, 409) },
    },
    handler: async (request) => {
      const personId = (request.params as { id: string }).id;
      const { otherId } = request.body as { otherId: string };
      const scope = scopeOf(ctx, request);
      await assertPersonWritable(ctx, scope, personId);
      await assertPersonWritable(ctx, scope, otherId);
      const merged = await mergePersons({ ctx, actor: actorOf(request), personId, otherId });
      return (await presentRecords(ctx, scope, 'persons', [merged]))[0];
    },
  });

  app.post('/api/persons/:id/split', {
    schema: {
      tags: ['persons'],
      summary: 'Split off a new person with these names and claims',
      params: PersonParam,
      body: Type.Object(
        {
          claimIds: Type.Array(Id, { maxItems: 1000 }),
          names: Type.Array(ShortText, { minItems: 1, maxItems: 50 }),
        },
        { additionalProperties: false, title: 'PersonSplit' },
      ),
      response: {
        201: Type.Object({ original: Person, created: Person }, { title: 'PersonSplitResult' }),
        ...errors(400, 404, 409),
      },
    },
    handler: async (request, reply) => {
      const { claimIds, names } = request.body as { claimIds: string[]; names: string[] };
      const personId = (request.params as { id: string }).id;
      const scope = scopeOf(ctx, request);
      await assertPersonWritable(ctx, scope, personId);
      await assertClaimsMovable(scope, claimIds);
      const result = await splitPerson({ ctx, actor: actorOf(request), personId, claimIds, names });
      const [original, created] = await presentRecords(ctx, scope, 'persons', [
        result.original,
        result.created,
      ]);
      return reply.status(201).send({ original, created });
    },
  });
}

/** Both sides of a merge, and the person split, must be visible (else 404) and editable (else 403). */
async function assertPersonWritable(ctx: AppContext, scope: AccessScope, id: string): Promise<void> {
  await scope.assertVisible('persons', id);
  const stored = await ctx.store.get('persons', id);
  await scope.assertWritable('persons', stored ?? {}, id);
}

/** The claims a split moves must be ones the writer sees (hidden ones answer as missing ones do) and may change. */
async function assertClaimsMovable(scope: AccessScope, claimIds: string[]): Promise<void> {
  const access = await scope.accessTo('claims', claimIds);
  if (claimIds.some((id) => !access.get(id)?.visible))
    throw invalid('every claim must be a claim about this person', [
      { path: '/claimIds', message: 'holds another claim' },
    ]);
  if (claimIds.some((id) => !access.get(id)?.editable)) throw forbidden();
}
