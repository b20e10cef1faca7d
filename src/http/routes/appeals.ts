import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type TransitionProps, transitionAppeal } from '../../app/appeals/appeal-transitioner.js';
import { type ConcernedProps, editConcerned } from '../../app/appeals/concerned-editor.js';
import { buildDeadlineCalendar } from '../../app/appeals/deadline-feed-builder.js';
import { listDueAppeals } from '../../app/appeals/due-appeals-lister.js';
import { buildLetter } from '../../app/appeals/letter-builder.js';
import { readNextSteps } from '../../app/appeals/next-steps-reader.js';
import { recipientDirectory } from '../../app/appeals/recipients.js';
import { appealCalculator } from '../../app/appeals/stored-appeal.js';
import type { AppContext } from '../../app/context.js';
import { parseWithin } from '../../domain/appeals/due-list.js';
import type { LetterFormat, LetterType } from '../../domain/appeals/letter-context.js';
import { Intervention } from '../../domain/schemas/intervention.js';
import { actorOf } from '../actor.js';
import { scopeOf } from '../auth/authenticate.js';
import {
  AppealAdvice,
  ConcernedBody,
  DeadlineRuleView,
  DueList,
  LetterBody,
  Recipient,
  TimeZoneQuery,
  TransitionBody,
} from './appeal-schemas.js';
import { documentOf, errors } from './responses.js';

const IdParam = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** A status move changes the appeal: the caller must see it and may edit what it is linked to. */
async function assertMayEdit(ctx: AppContext, request: FastifyRequest, id: string): Promise<void> {
  const scope = scopeOf(ctx, request);
  await scope.assertVisible('interventions', id);
  const stored = await ctx.store.get('interventions', id);
  if (stored) await scope.assertWritable('interventions', stored, id);
}

/** Appeals: the recipients directory, the legal terms, status moves, whom an appeal concerns, the due list, next steps, letters and the deadline calendar. */
export async function appealRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['appeals'];

  app.get('/api/recipients', {
    schema: {
      tags,
      summary: 'The recipients directory: bodies, addresses and online receptions',
      querystring: Type.Object(
        { kind: Type.Optional(Type.String({ maxLength: 100 })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Recipient) }, { title: 'RecipientList' }) },
    },
    handler: async (request) => {
      const { kind } = request.query as { kind?: string };
      return { items: recipientDirectory().filter((r) => !kind || r.kind === kind) };
    },
  });

  app.get('/api/deadline-rules', {
    schema: {
      tags,
      summary: 'The legal terms an appeal deadline can follow, with their citations',
      response: { 200: Type.Object({ items: Type.Array(DeadlineRuleView) }, { title: 'DeadlineRuleList' }) },
    },
    handler: async () => ({
      items: appealCalculator().rules.rules.map((r) => ({
        id: r.id,
        label: r.label,
        citation: r.citation,
        startEvent: r.startEvent,
        amount: r.amount,
        unit: r.unit,
      })),
    }),
  });

  app.post('/api/interventions/:id/transitions', {
    schema: {
      tags,
      summary: 'Move an appeal to its next status, with the date, a reply or an extension',
      params: IdParam,
      body: TransitionBody,
      response: { 200: Intervention, ...errors(400, 404, 409, 413) },
    },
    handler: async (request) => {
      const body = request.body as Omit<TransitionProps, 'ctx' | 'actor' | 'id'>;
      const { id } = request.params as { id: string };
      await assertMayEdit(ctx, request, id);
      return transitionAppeal({ ctx, actor: actorOf(request), id, ...body });
    },
  });

  for (const [method, mode] of [
    ['POST', 'add'],
    ['DELETE', 'remove'],
  ] as const) {
    app.route({
      method,
      url: '/api/interventions/:id/concerned',
      schema: {
        tags,
        summary:
          mode === 'add'
            ? 'Add persons or groups of unnamed people to an appeal'
            : 'Remove persons or groups from an appeal',
        params: IdParam,
        body: ConcernedBody,
        response: { 200: Intervention, ...errors(400, 403, 404, 409) },
      },
      handler: async (request) => {
        const body = request.body as Pick<ConcernedProps, 'version' | 'personIds' | 'groupIds'>;
        const { id } = request.params as { id: string };
        await assertMayEdit(ctx, request, id);
        const scope = scopeOf(ctx, request);
        return editConcerned({ ctx, actor: actorOf(request), id, scope, ...body }, mode);
      },
    });
  }

  app.get('/api/interventions/due', {
    schema: {
      tags,
      summary: 'Appeals overdue or due soon, with suggested next steps',
      querystring: Type.Object(
        { within: Type.Optional(Type.String({ maxLength: 10, default: '7d' })), tz: TimeZoneQuery },
        { additionalProperties: false },
      ),
      response: { 200: DueList, ...errors(400) },
    },
    handler: async (request) => {
      const { within, tz } = request.query as { within: string; tz?: string };
      return listDueAppeals({
        ctx,
        withinDays: parseWithin(within),
        timeZone: tz,
        scope: scopeOf(ctx, request),
      });
    },
  });

  app.get('/api/interventions/:id/next-steps', {
    schema: {
      tags,
      summary: "An appeal's shown status, its deadline explained, and what the law allows next",
      params: IdParam,
      querystring: Type.Object({ tz: TimeZoneQuery }, { additionalProperties: false }),
      response: { 200: AppealAdvice, ...errors(400, 404) },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      await scopeOf(ctx, request).assertVisible('interventions', id);
      return readNextSteps({ ctx, id, timeZone: (request.query as { tz?: string }).tz });
    },
  });

  app.post('/api/interventions/:id/letter', {
    schema: {
      tags,
      summary: 'Write a letter for an appeal from its case, or render the edited text',
      description:
        'Returns the document as an attachment; the file name holds the letter type and appeal id only.',
      params: IdParam,
      body: LetterBody,
      response: {
        200: documentOf('the letter', [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/plain',
        ]),
        ...errors(400, 404, 413),
      },
    },
    handler: async (request, reply) => {
      const body = request.body as { type: LetterType; format: LetterFormat; text?: string };
      const { id } = request.params as { id: string };
      await scopeOf(ctx, request).assertVisible('interventions', id);
      const letter = await buildLetter({ ctx, interventionId: id, ...body });
      return reply
        .header('content-type', letter.contentType)
        .header('content-disposition', `attachment; filename="${letter.filename}"`)
        .header('vigil-undated-claims', String(letter.undatedClaims))
        .send(letter.content);
    },
  });

  app.get('/api/deadlines.ics', {
    schema: {
      tags,
      summary: 'iCalendar feed of every awaited appeal deadline (no personal data)',
      querystring: Type.Object({ tz: TimeZoneQuery }, { additionalProperties: false }),
      response: { 200: documentOf('an RFC 5545 calendar', ['text/calendar']), ...errors(400) },
    },
    handler: async (request, reply) => {
      const feed = await buildDeadlineCalendar({
        ctx,
        timeZone: (request.query as { tz?: string }).tz,
        scope: scopeOf(ctx, request),
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="vigil-deadlines.ics"')
        .send(feed);
    },
  });
}
