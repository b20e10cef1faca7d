import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../testing/engines.js';
import { buildServer } from './server.js';
import { DEFAULT_WEB_ROOT } from './web-app.js';

const CATALOGUES = fileURLToPath(new URL('../../web/src/i18n/', import.meta.url));

test('every message key exists in every language catalogue, and none is empty', () => {
  const files = readdirSync(CATALOGUES).filter((f) => f.endsWith('.json'));
  assert.deepEqual(files.sort(), ['en.json', 'ru.json', 'uk.json']);
  const catalogues = Object.fromEntries(
    files.map((f) => [f, JSON.parse(readFileSync(join(CATALOGUES, f), 'utf8')) as Record<string, string>]),
  );
  const all = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));
  for (const [file, catalogue] of Object.entries(catalogues)) {
    assert.deepEqual(
      [...all].filter((k) => !(k in catalogue)),
      [],
      `${file} lacks keys`,
    );
    assert.deepEqual(
      Object.keys(catalogue).filter((k) => !catalogue[k].trim()),
      [],
      `${file} has empty messages`,
    );
  }
});

test('every plural message names only its language\'s plural forms, and has "other"', () => {
  const locales: Record<string, string> = { 'en.json': 'en-GB', 'ru.json': 'ru-RU', 'uk.json': 'uk-UA' };
  for (const [file, locale] of Object.entries(locales)) {
    const catalogue = JSON.parse(readFileSync(join(CATALOGUES, file), 'utf8')) as Record<string, string>;
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, text] of Object.entries(catalogue)) {
      for (const plural of text.matchAll(/\{\w+, plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g)) {
        const used = [...plural[1].matchAll(/(=?\w+)\s*\{/g)].map((m) => m[1]);
        assert.ok(used.includes('other'), `${file} ${key} has no "other" form`);
        for (const form of used)
          assert.ok(
            form.startsWith('=') || categories.includes(form),
            `${file} ${key}: ${form} is not a plural form of ${locale}`,
          );
      }
      // Anything left unparsed would reach the screen as braces.
      const rest = text.replace(/\{\w+, plural,(?:\s*=?\w+\s*\{[^{}]*\})+\s*\}/g, '').replace(/\{\w+\}/g, '');
      assert.ok(!/[{}]/.test(rest), `${file} ${key} has a brace that is neither a placeholder nor a plural`);
    }
  }
});

describeEachEngine('the web application is served on the API port', (db) => {
  let server: FastifyInstance;
  before(async () => {
    server = await buildServer(db().app.ctx, {
      bodyLimit: 1024 * 1024,
      logger: false,
      web: { tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© Example tiles' },
    });
  });
  after(async () => {
    await server.close();
  });

  test('client routes get the shell, revalidated; hashed assets are cached for a year', async () => {
    for (const url of ['/', '/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/report']) {
      const page = await server.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      assert.match(page.body, /<div id="root">/);
      assert.doesNotMatch(page.body, /<script>|<style>| style="/, 'no inline script or style');
    }
    const shell = (await server.inject({ method: 'GET', url: '/' })).body;
    const asset = /\/assets\/[\w.-]+\.js/.exec(shell)?.[0];
    assert.ok(asset, 'the shell loads a hashed script');
    const script = await server.inject({ method: 'GET', url: asset });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(script.body, readFileSync(join(DEFAULT_WEB_ROOT, asset), 'utf8'));
  });

  test('unknown API paths and unknown or climbing asset names are 404s in the error shape', async () => {
    for (const url of [
      '/api/no-such-thing',
      '/api',
      '/assets/nothing-here.js',
      '/assets/..%2Fpackage.json',
      '/assets/x.exe',
    ]) {
      const res = await server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(JSON.parse(res.body).error.code, 'not_found', url);
    }
  });

  test('an address with a malformed escape gets the application (with its headers), or a 400 under /api', async () => {
    for (const url of ['/cases/%E0%A4%A', '/%', '/persons/%zz?x=1']) {
      const page = await server.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
      assert.match(page.body, /<div id="root">/);
    }
    const api = await server.inject({ method: 'GET', url: '/api/persons/%E0%A4%A' });
    assert.equal(api.statusCode, 400);
    assert.equal((JSON.parse(api.body) as { error: { code: string } }).error.code, 'invalid_input');
    assert.doesNotMatch(api.body, /E0|persons/, 'the answer does not echo the address');
    assert.equal(api.headers['cache-control'], 'no-store');
  });

  test('a configured tile server is named in the page and allowed by the CSP for images only', async () => {
    const page = await server.inject({ method: 'GET', url: '/map' });
    assert.match(
      page.body,
      /<meta name="vigil-tile-url" content="https:\/\/tiles.example.org\/\{z\}\/\{x\}\/\{y\}.png">/,
    );
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /img-src 'self' data: https:\/\/tiles.example.org;/);
    assert.match(csp, /script-src 'self';/);
    const plain = await buildServer(db().app.ctx, { bodyLimit: 1024, logger: false });
    const res = await plain.inject({ method: 'GET', url: '/map' });
    assert.doesNotMatch(res.body, /vigil-tile-url/);
    assert.match(String(res.headers['content-security-policy']), /img-src 'self' data:;/);
    await plain.close();
  });
});
