import type { FastifyInstance } from 'fastify';
import { DATA_ATTRIBUTIONS } from '../../domain/attribution.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The About page: what this server is, where its API is described, and the licences to credit. */
export function aboutPage(): string {
  const credits = DATA_ATTRIBUTIONS.map(
    (a) =>
      `<li><strong>${escapeHtml(a.data)}</strong> (${escapeHtml(a.licence)}): ${escapeHtml(a.text)}</li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vigil — About</title></head>
<body>
<main>
<h1>Vigil</h1>
<p>Sourced records of unlawful detentions of servicemen, mobilized men and conscientious objectors.</p>
<p>The REST API is under <code>/api</code> and described by <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2>Licences</h2>
<p>Vigil is free software under the GNU Affero General Public License, version 3 or later.</p>
<ul>
${credits}
</ul>
</main>
</body>
</html>
`;
}

/** GET / and GET /about until the web application is served in their place. */
export async function aboutRoutes(app: FastifyInstance) {
  for (const url of ['/', '/about']) {
    app.get(url, { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(aboutPage()),
    );
  }
}
