import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound, VigilError } from '../domain/errors.js';
import { handleNotFound } from './errors.js';

/** Where `vite build` writes the web application (dist/web beside dist/http). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

export interface WebAppOptions {
  /** The built web application; DEFAULT_WEB_ROOT when absent. */
  root?: string;
  /** A slippy-map tile URL template ({z}/{x}/{y}) for deployments with a tile server. */
  tileUrl?: string;
  /** Credit line the tile server asks for. */
  tileAttribution?: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
/** Vite's hashed file names: letters, digits, dot, dash, underscore; nothing that climbs out. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** index.html with the deployment's map settings in meta tags (no inline script: the CSP forbids it). */
function shellOf(root: string, options: WebAppOptions): string | undefined {
  const file = join(root, 'index.html');
  if (!existsSync(file)) return undefined;
  const meta = [
    options.tileUrl ? `<meta name="vigil-tile-url" content="${escapeAttribute(options.tileUrl)}">` : '',
    options.tileAttribution
      ? `<meta name="vigil-tile-attribution" content="${escapeAttribute(options.tileAttribution)}">`
      : '',
  ].join('');
  return readFileSync(file, 'utf8').replace('</head>', `${meta}</head>`);
}

/**
 * Serves the web application on the API's port: hashed assets with a year-long cache, and the
 * application shell for every other GET outside /api (client routes), which the browser must
 * always revalidate. Unknown /api paths and unknown asset files stay 404s.
 */
export async function webAppRoutes(app: FastifyInstance, options: WebAppOptions = {}): Promise<ShellSender> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const shell = shellOf(root, options);
  const sendShell: ShellSender = (reply) => {
    if (!shell) throw new VigilError('internal', 'the web application is not built; run `npm run build`');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
  };
  const hidden = { schema: { hide: true }, config: { access: 'public' as const } };

  app.get('/assets/*', hidden, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (!ASSET_NAME.test(name) || !TYPES[extname(name)]) throw notFound('file');
    let body: Buffer;
    try {
      body = await readFile(join(root, 'assets', name));
    } catch {
      throw notFound('file');
    }
    return reply
      .type(TYPES[extname(name)])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(body);
  });

  app.get('/*', hidden, async (request, reply) => {
    if (isApiPath(request.url)) return handleNotFound(request, reply);
    return sendShell(reply);
  });
  return sendShell;
}

/** Answers with the application shell (client routes, and addresses the router cannot parse). */
export type ShellSender = (reply: FastifyReply) => FastifyReply;

/** Whether an address (path and query) is the API's. */
export function isApiPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/api' || path.startsWith('/api/');
}
