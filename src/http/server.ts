import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../app/ingest/source-ingester.js';
import { telegramLimitsFrom } from '../config.js';
import { vigilAjvFormats } from '../domain/validate.js';
import type { TelegramLimits } from '../ingest/formats/telegram-archive.js';
import { installAuthentication } from './auth/authenticate.js';
import { handleError, handleNotFound } from './errors.js';
import { appealRoutes } from './routes/appeals.js';
import { auditRoutes } from './routes/audit.js';
import { collectionRoutes } from './routes/collections.js';
import { dataRoutes } from './routes/data.js';
import { draftRoutes } from './routes/drafts.js';
import { ftmImportRoutes } from './routes/ftm-imports.js';
import { healthRoutes } from './routes/health.js';
import { intakeRoutes } from './routes/intake.js';
import { involvementRoutes } from './routes/involvements.js';
import { overviewRoutes } from './routes/overviews.js';
import { personRoutes } from './routes/persons.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { sourceRoutes } from './routes/sources.js';
import { tableImportJobRoutes } from './routes/table-import-jobs.js';
import { tableImportRoutes } from './routes/table-imports.js';
import { tableMappingRoutes } from './routes/table-mappings.js';
import { telegramImportRoutes } from './routes/telegram-imports.js';
import { userRoutes } from './routes/users.js';
import { installSecurityHeaders, securityHeaders } from './security-headers.js';
import { validatorCompiler } from './validation.js';
import { isApiPath, type ShellSender, type WebAppOptions, webAppRoutes } from './web-app.js';

export interface ServerOptions {
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Log requests (method, path, status, time; never query strings or bodies). */
  logger: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-Proto/For (HTTPS detection, client addresses). */
  trustProxy?: boolean;
  /** Largest report file accepted by POST /api/sources, bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Limits on Telegram exports (default: those of an empty environment). */
  telegram?: TelegramLimits;
  /** The web application: where it is built, and the optional map tile server. */
  web?: WebAppOptions;
}

/** The origin of a tile URL template, for the CSP (the template's braces are not a valid URL). */
function originOf(template: string): string {
  return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
}

/** Log only the path: query strings carry search terms such as names. */
const requestSerializer = (request: { method: string; url: string; id: string }) => ({
  method: request.method,
  path: request.url.split('?')[0],
  id: request.id,
});

export interface RouteEntry {
  method: string;
  url: string;
  /** Who may call it: "public" or "authenticated" (the default). */
  access: 'public' | 'authenticated';
  /** Hidden routes (the OpenAPI document itself) are not described in it. */
  hidden: boolean;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route the server registered: the source for tests that must cover all routes. */
export function routeTableOf(app: FastifyInstance): RouteEntry[] {
  return routeTables.get(app) ?? [];
}

/** Builds the HTTP server: the REST API under /api, described by /api/openapi.json. */
export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<FastifyInstance> {
  const secure = securityHeaders(options.web?.tileUrl ? [originOf(options.web.tileUrl)] : []);
  const app = Fastify({
    bodyLimit: options.bodyLimit,
    logger: options.logger ? { level: 'info', serializers: { req: requestSerializer } } : false,
    ajv: { customOptions: { removeAdditional: false } },
    // The response serializer resolves unions with an Ajv of its own: it must know Vigil's formats.
    serializerOpts: { ajv: { formats: vigilAjvFormats() } },
    trustProxy: options.trustProxy ?? false,
    // A malformed escape in the address ('/cases/%E0%A4%A'): outside /api the browser gets the
    // application, whose router shows "not found"; the API answers 400 without echoing the address.
    frameworkErrors: (error, request, reply) => {
      secure(request, reply);
      if (error.code === 'FST_ERR_BAD_URL' && !isApiPath(request.url) && sendShell) return sendShell(reply);
      return handleError(error, request, reply);
    },
  });
  let sendShell: ShellSender | undefined;
  const routeTable: RouteEntry[] = [];
  routeTables.set(app, routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        access: (route.config as { access?: 'public' } | undefined)?.access ?? 'authenticated',
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  installSecurityHeaders(app, secure);
  installAuthentication(app, ctx);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: '1',
        description:
          'Sourced records of unlawful detentions: cases, persons, places, organizations, sources, claims, acts and appeals.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
    },
  });

  await sessionRoutes(app, ctx);
  await userRoutes(app, ctx);
  await collectionRoutes(app, ctx);
  await sourceRoutes(app, ctx, { maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES });
  await tableImportRoutes(app, ctx, { maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES });
  await tableImportJobRoutes(app, ctx);
  await telegramImportRoutes(app, ctx, options.telegram ?? telegramLimitsFrom({}));
  await ftmImportRoutes(app, ctx, { maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES });
  await tableMappingRoutes(app, ctx);
  await draftRoutes(app, ctx);
  await personRoutes(app, ctx);
  await involvementRoutes(app, ctx);
  await overviewRoutes(app, ctx);
  await appealRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await dataRoutes(app, ctx);
  await intakeRoutes(app, ctx);
  await healthRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
  sendShell = await webAppRoutes(app, options.web);
  return app;
}
