import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { renderPublic, sitesGeoJson } from '../../app/public/public-dataset.js';
import { siteActTypes } from '../../app/public/site-act-types.js';
import { countSites } from '../../app/public/site-counter.js';
import { exportScoped } from '../../app/transfer/scoped-exporter.js';
import { DATA_ATTRIBUTIONS } from '../../domain/attribution.js';
import { scopeOf } from '../auth/authenticate.js';
import { ErrorBody } from '../errors.js';

const GeoJson = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) },
  { title: 'SiteFeatureCollection', additionalProperties: true },
);

/**
 * Map data and exports: /api/map/sites and /api/export for signed-in readers (their cases only),
 * /api/public/… for everyone (public cases only, redacted, small counts suppressed).
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
    handler: async (request) => {
      const scope = scopeOf(ctx, request);
      const allPeriods = (request.query as { periods: string }).periods === 'all';
      const sites = await countSites(ctx, { cases: { scope }, minCount: 0, allPeriods });
      const actTypes = await siteActTypes(
        ctx,
        scope,
        sites.map((s) => s.placeId),
        allPeriods,
      );
      const collection = sitesGeoJson({
        sites,
        attribution: DATA_ATTRIBUTIONS,
        minCount: 0,
        generatedAt: new Date().toISOString(),
      });
      return {
        ...collection,
        features: collection.features.map((f, i) => ({
          ...f,
          properties: {
            ...f.properties,
            caseIds: sites[i].caseIds,
            actTypes: actTypes.get(`${sites[i].placeId}\u0000${sites[i].period}`) ?? [],
          },
        })),
      };
    },
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
    handler: async (request, reply) => {
      const body = await exportScoped(ctx, scopeOf(ctx, request));
      return reply.header('content-disposition', 'attachment; filename="vigil-export.json"').send(body);
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
