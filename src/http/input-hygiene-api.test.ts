import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildPerson } from '../testing/factories.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
type Caller = ReturnType<typeof apiCaller>;

/** The field paths a 400 names, in order. */
function problemPaths(res: { status: number; body: Json }): string[] {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  const error = res.body.error as { code: string; details?: { problems?: Array<{ path: string }> } };
  assert.equal(error.code, 'invalid_input');
  return (error.details?.problems ?? []).map((p) => p.path);
}

/** Input hygiene (docs/security.md): dates, server-owned fields, names and URLs, through the API. */
describeEachEngine('input hygiene through the API', (db) => {
  let server: FastifyInstance;
  let call: Caller;
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 256 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(db().app.ctx, 'editor')).token);
  });
  after(async () => {
    await server.close();
  });
  const count = async (collection: 'persons' | 'cases' | 'acts' | 'interventions' | 'sources') =>
    (await db().app.ctx.store.list(collection, { limit: 500 })).length;
  const newCase = async (fields: Json = {}) => {
    const res = await call('POST', '/api/cases', buildCase(fields));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as Json & { id: string };
  };

  test('refuses days the calendar lacks in every date field, naming the field, and stores nothing', async () => {
    const persons = await count('persons');
    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ birthDate: '2023-02-30' }))),
      ['/birthDate'],
    );
    assert.deepEqual(
      problemPaths(
        await call(
          'POST',
          '/api/persons',
          buildPerson({ statusHistory: [{ status: 'detained', date: '2023-02-29' }] }),
        ),
      ),
      ['/statusHistory/0/date'],
    );
    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ lastContact: '2023-13' }))),
      ['/lastContact'],
    );
    assert.equal(await count('persons'), persons);

    const cases = await count('cases');
    assert.deepEqual(
      problemPaths(
        await call('POST', '/api/cases', buildCase({ periodStart: '2023-02-31', periodEnd: '2023-04-31' })),
      ),
      ['/periodStart', '/periodEnd'],
    );
    assert.equal(await count('cases'), cases);

    const kase = await newCase();
    const act = await call('POST', '/api/acts', {
      caseId: kase.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      dateFrom: '2022-11-31',
    });
    assert.deepEqual(problemPaths(act), ['/dateFrom']);
    assert.deepEqual(
      problemPaths(await call('PATCH', `/api/cases/${kase.id}`, { version: 1, periodStart: '2022-06-31' })),
      ['/periodStart'],
    );
    assert.equal((await call('GET', `/api/cases/${kase.id}`)).body.version, 1, 'the case is unchanged');

    const leap = await call('POST', '/api/persons', buildPerson({ birthDate: '1996-02-29' }));
    assert.equal(leap.status, 201, 'a real leap day is a date');
  });

  test("an appeal's impossible date is reported at its own field, not at the deadline's start", async () => {
    const kase = await newCase();
    const appeal = (sentOn: string) => ({
      caseId: kase.id,
      recipientName: 'Military Prosecutor',
      senderKind: 'relatives',
      kind: 'complaint',
      status: 'sent',
      sentOn,
      deadlineRule: 'fz59_answer',
    });
    const before = await count('interventions');
    assert.deepEqual(problemPaths(await call('POST', '/api/interventions', appeal('2023-02-30'))), [
      '/sentOn',
    ]);
    const ok = await call('POST', '/api/interventions', appeal('2023-02-28'));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const id = ok.body.id as string;
    assert.deepEqual(
      problemPaths(
        await call('PATCH', `/api/interventions/${id}`, { version: 1, registeredOn: '2023-04-31' }),
      ),
      ['/registeredOn'],
    );
    assert.deepEqual(
      problemPaths(
        await call('POST', `/api/interventions/${id}/transitions`, {
          version: 1,
          to: 'registered',
          on: '2023-02-30',
        }),
      ),
      ['/on'],
    );
    assert.equal(await count('interventions'), before + 1);
  });

  test('refuses a birth date in the future or before 1900, and accepts this year', async () => {
    assert.deepEqual(problemPaths(await call('POST', '/api/persons', buildPerson({ birthDate: '2999' }))), [
      '/birthDate',
    ]);
    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ birthDate: '1850-05-01' }))),
      ['/birthDate'],
    );
    const thisYear = String(new Date().getUTCFullYear());
    assert.equal((await call('POST', '/api/persons', buildPerson({ birthDate: thisYear }))).status, 201);
    const person = await call('POST', '/api/persons', buildPerson({ birthDate: '1990' }));
    assert.deepEqual(
      problemPaths(
        await call('PATCH', `/api/persons/${person.body.id}`, { version: 1, birthDate: '2999-01-01' }),
      ),
      ['/birthDate'],
    );
    const intake = await call('POST', '/api/intake', {
      personName: 'Ivan Example',
      birthDate: '2999',
      whatHappened: 'He was taken to a basement.',
      contact: { phone: '+70000000000' },
      consent: true,
    });
    assert.deepEqual(problemPaths(intake), ['/birthDate']);
  });

  test('a period that ends before it starts is refused on create and on PATCH against the stored start', async () => {
    assert.deepEqual(
      problemPaths(
        await call('POST', '/api/cases', buildCase({ periodStart: '2023-05', periodEnd: '2023-04-30' })),
      ),
      ['/periodEnd'],
    );
    const kase = await newCase({ periodStart: '2023-05', periodEnd: '2023' });
    assert.equal(kase.periodEnd, '2023', 'a year ending the period may cover the month it started in');
    assert.deepEqual(
      problemPaths(await call('PATCH', `/api/cases/${kase.id}`, { version: 1, periodEnd: '2023-04' })),
      ['/periodEnd'],
    );
    const act = await call('POST', '/api/acts', {
      caseId: kase.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      dateFrom: '2023-05-10',
    });
    assert.equal(act.status, 201);
    assert.deepEqual(
      problemPaths(await call('PATCH', `/api/acts/${act.body.id}`, { version: 1, dateTo: '2023-05-09' })),
      ['/dateTo'],
    );
    const stored = await call('GET', `/api/cases/${kase.id}`);
    assert.deepEqual([stored.body.periodEnd, stored.body.version], ['2023', 1]);
  });

  test('search and exports refuse a date the calendar lacks', async () => {
    assert.deepEqual(problemPaths(await call('GET', '/api/search?from=2023-02-30')), ['/querystring/from']);
    assert.deepEqual(problemPaths(await call('GET', '/api/search?to=2023-00')), ['/querystring/to']);
    const exported = await call('POST', '/api/exports', { format: 'json', filters: { from: '2023-02-29' } });
    assert.deepEqual(problemPaths(exported), ['/filters/from']);
    assert.equal((await call('GET', '/api/search?from=2024-02-29&to=2024')).status, 200);
  });

  test('an editor cannot forge who set an act status; the status is stamped with the editor', async () => {
    const kase = await newCase();
    const acts = await count('acts');
    const forged = await call('POST', '/api/acts', {
      caseId: kase.id,
      type: 'threat_of_execution',
      status: 'confirmed',
      statusSetBy: 'system:corroboration',
    });
    assert.deepEqual(problemPaths(forged), ['/statusSetBy']);
    assert.equal(await count('acts'), acts, 'nothing stored');

    const own = await call('POST', '/api/acts', {
      caseId: kase.id,
      type: 'threat_of_execution',
      status: 'confirmed',
    });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const setBy = own.body.statusSetBy as string;
    assert.match(setBy, /^token:/, 'the status is the editor’s own');
    for (const statusSetBy of ['system:corroboration', null]) {
      assert.deepEqual(
        problemPaths(await call('PATCH', `/api/acts/${own.body.id}`, { version: 1, statusSetBy })),
        ['/statusSetBy'],
      );
    }
    const sentBack = await call('PATCH', `/api/acts/${own.body.id}`, {
      version: 1,
      description: 'witnessed by two men',
      statusSetBy: setBy,
    });
    assert.equal(sentBack.status, 200, 'the stored value may be sent back unchanged');
    assert.equal(sentBack.body.statusSetBy, setBy);

    const alleged = await call('POST', '/api/acts', { caseId: kase.id, type: 'beating', status: 'alleged' });
    assert.equal(alleged.body.statusSetBy, undefined, 'an alleged act is left for corroboration to move');
  });

  test('names and titles lose bidi controls and zero-width characters, are NFC, and search finds them', async () => {
    const person = await call(
      'POST',
      '/api/persons',
      buildPerson({
        names: [{ value: '\u202EКашин\u200B Пётр\u202C' }, { value: 'Jose\u0301 Kas\u2066hin\u2069' }],
      }),
    );
    assert.equal(person.status, 201, JSON.stringify(person.body));
    assert.deepEqual(
      (person.body.names as Json[]).map((n) => n.value),
      ['Кашин Пётр', 'Jos\u00E9 Kashin'],
    );
    const kase = await newCase({ title: 'Basement\u200D in\uFEFF Svatove' });
    assert.equal(kase.title, 'Basement in Svatove');
    const patched = await call('PATCH', `/api/cases/${kase.id}`, {
      version: 1,
      title: '\u2067Pit\u2069 near Svatove',
    });
    assert.equal(patched.body.title, 'Pit near Svatove');

    const found = await call('GET', `/api/search?q=${encodeURIComponent('Ка\u200Cшин')}&types=persons`);
    assert.equal(found.status, 200);
    assert.ok(
      (found.body.items as Json[]).some((h) => h.id === person.body.id),
      'a hidden character hides no name',
    );

    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ names: [{ value: '\u200B\u202E' }] }))),
      ['/names/0/value'],
      'a name of invisible characters only is empty',
    );
  });

  test('NUL and lone surrogates are refused in any text field, evidence included', async () => {
    const persons = await count('persons');
    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ notes: 'seen\u0000 there' }))),
      ['/notes'],
    );
    assert.deepEqual(
      problemPaths(await call('POST', '/api/persons', buildPerson({ names: [{ value: 'Ivan \uD800' }] }))),
      ['/names/0/value'],
    );
    assert.equal(await count('persons'), persons);
    assert.deepEqual(problemPaths(await call('POST', '/api/cases', buildCase({ summary: 'a \uDC00 b' }))), [
      '/summary',
    ]);
    const sources = await count('sources');
    const titled = await call('POST', '/api/sources', { text: 'He was held in a pit.', title: 'Pit \uD83D' });
    assert.deepEqual(problemPaths(titled), ['/title']);
    const binary = await call('POST', '/api/sources', { text: 'He was held \u0000 in a pit.' });
    assert.equal(binary.status, 415, 'a report with NUL is read as a binary file, not as text');
    assert.equal(await count('sources'), sources);
  });

  test('verbatim evidence keeps its invisible characters so a quote matches its source exactly', async () => {
    const text = 'Witness: \u202Bthe commander\u202C said they would be shot.\u200B';
    const source = await call('POST', '/api/sources', { text, title: '\u200BLetter\u202E of a wife' });
    assert.equal(source.status, 201, JSON.stringify(source.body));
    assert.equal(source.body.text, text, 'the text is stored as given');
    assert.equal(source.body.title, 'Letter of a wife', 'the title is a label');
    const kase = await newCase();
    const start = text.indexOf('\u202B');
    const end = text.indexOf('shot.') + 5;
    const claim = await call('POST', '/api/claims', {
      sourceId: source.body.id,
      subjectType: 'case',
      subjectId: kase.id,
      field: 'summary',
      span: { start, end },
      quote: text.slice(start, end),
      credibility: 3,
    });
    assert.equal(claim.status, 201, JSON.stringify(claim.body));
    assert.equal(claim.body.quote, text.slice(start, end));
  });

  test('a source URL must be http or https, from a hint or from the page itself', async () => {
    const sources = await count('sources');
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://example.org/a',
    ]) {
      assert.deepEqual(
        problemPaths(await call('POST', '/api/sources', { text: `A report about ${url}.`, url })),
        ['/url'],
        url,
      );
    }
    assert.equal(await count('sources'), sources);
    const page =
      '<html><head><title>Held in a pit</title><meta property="og:url" content="javascript:alert(1)"></head>' +
      '<body><article><p>Eight men were held in a pit near the village for refusing to fight.</p></article></body></html>';
    const ingested = await call('POST', '/api/sources', { text: page });
    assert.equal(ingested.status, 201, JSON.stringify(ingested.body));
    assert.equal(ingested.body.url, undefined, 'the page’s own javascript: address is not kept');
    const web = await call('POST', '/api/sources', {
      text: 'Another report about the pit.',
      url: 'https://example.org/news/1',
    });
    assert.equal(web.status, 201);
    assert.equal(web.body.url, 'https://example.org/news/1');
  });
});
