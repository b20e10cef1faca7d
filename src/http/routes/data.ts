import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { renderPublic } from '../../app/public/public-dataset.js';
import { ExportRequest } from '../../app/transfer/export/export-filters.js';
import { type PreparedExport, prepareExport } from '../../app/transfer/export/export-runner.js';
import { Selection } from '../../app/transfer/export/export-selection.js';
import { internalSitesGeoJson } from '../../app/transfer/export/geojson-presenter.js';
import type { ExportFormat } from '../../domain/vocabularies.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';
import { documentOf } from './responses.js';

const GeoJson = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) },
  { title: 'SiteFeatureCollection', additionalProperties: true },
);

const EXPORT_TYPES = [
  'application/json',
  'text/csv',
  'application/zip',
  'application/geo+json',
  'application/x-ndjson',
];

/** Streams a prepared export as an attachment; a failure midway cuts the download short. */
function sendExport(reply: FastifyReply, prepared: PreparedExport) {
  const out = new PassThrough();
  prepared.run(out).then(
    () => out.end(),
    () => out.destroy(new Error('the export failed')),
  );
  return reply
    .header('content-type', prepared.contentType)
    .header('content-disposition', `attachment; filename="${prepared.filename}"`)
    .header('cache-control', 'no-store')
    .send(out);
}

/**
 * Map data and exports: /api/map/sites and /api/export(s) for signed-in readers (their cases
 * only), /api/public/… for everyone (public cases only, redacted, small counts suppressed).
 */
export async function dataRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/map/sites', {
    schema: {
      tags: ['map'],
      summary: 'Detention sites with persons held per period, from the cases you may see',
      description:
        'Each feature is one site in one period (month, year or "unknown"), with the types of act recorded there then; `periods=all` gives one feature per site counting distinct persons over all periods.',
      querystring: Type.Object(
        { periods: Type.Optional(Type.String({ enum: ['each', 'all'], default: 'each' })) },
        { additionalProperties: false },
      ),
      response: { 200: GeoJson, 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (request) =>
      internalSitesGeoJson(ctx, await Selection.of(ctx, scopeOf(ctx, request), {}), new Date(), {
        allPeriods: (request.query as { periods: string }).periods === 'all',
      }),
  });

  app.get('/api/export', {
    schema: {
      tags: ['export'],
      summary: 'Every record you may see, as JSON',
      response: {
        200: Type.Object({}, { additionalProperties: true, title: 'ScopedExport' }),
        401: ErrorBody,
      },
    },
    handler: async (request, reply) =>
      sendExport(
        reply,
        await prepareExport({ ctx, scope: scopeOf(ctx, request), format: 'json', into: 'stream' }),
      ),
  });

  app.post('/api/exports', {
    schema: {
      tags: ['export'],
      summary:
        'Export what you may see, filtered, as JSON, CSV, a zip of CSVs, GeoJSON, FollowTheMoney or Uwazi CSV',
      description:
        'The filters travel in the body, never in the URL, because a search query may hold a name. ' +
        'csv holds one record type (give one in filters.types); zip and uwazi are zip archives. ' +
        'Contacts and the text of sensitive sources appear only for roles that read them, and never in ftm or uwazi.',
      body: ExportRequest,
      response: { 200: documentOf('the export file', EXPORT_TYPES), 400: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const { format, filters } = request.body as { format: ExportFormat; filters?: unknown };
      const scope = scopeOf(ctx, request);
      return sendExport(reply, await prepareExport({ ctx, scope, format, filters, into: 'stream' }));
    },
  });

  app.get('/api/public/sites', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary: 'Public GeoJSON of detention sites: persons held per site and period, from public cases only',
      response: { 200: GeoJson },
    },
    handler: async (_request, reply) =>
      reply.type('application/geo+json').send(await renderPublic(ctx, 'public-geojson')),
  });

  app.get('/api/public/sites.csv', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary: 'The public detention sites as CSV, with the attribution of shipped data in comment lines',
      response: { 200: documentOf('the CSV file', ['text/csv']) },
    },
    handler: async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="vigil-public-sites.csv"')
        .send(await renderPublic(ctx, 'public-csv')),
  });

  app.get('/api/public/dataset', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary:
        'The redacted public dataset as JSON (public cases, site counts, names only of public persons)',
      response: { 200: Type.Object({}, { additionalProperties: true, title: 'PublicDataset' }) },
    },
    handler: async (_request, reply) =>
      reply.type('application/json').send(await renderPublic(ctx, 'public-json')),
  });
}
