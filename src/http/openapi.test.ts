import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describeEachEngine } from '../testing/engines.js';
import { buildServer, routeTableOf } from './server.js';

describeEachEngine('OpenAPI document', (db) => {
  test('is valid OpenAPI 3.1 and describes every route the server has', async () => {
    const server = await buildServer(db().app.ctx, { bodyLimit: 1024 * 1024, logger: false });
    await server.ready();
    const response = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = JSON.parse(response.body);
    assert.equal(doc.openapi, '3.1.0');

    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));

    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const routes = routeTableOf(server).filter((r) => !r.hidden);
    assert.ok(routes.length >= 8 * 5 + 2, 'the route table holds every collection route');
    const undocumented = routes.map((r) => `${r.method} ${r.url}`).filter((r) => !documented.has(r));
    assert.deepEqual(undocumented, []);
    await server.close();
  });
});
