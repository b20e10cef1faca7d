import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { setCaseGrant } from '../app/accounts/case-granter.js';
import { createGroup, setGroupMember } from '../app/accounts/group-creator.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { createRecord } from '../app/records/record-creator.js';
import { updateRecord } from '../app/records/record-updater.js';
import type { CollectionName } from '../domain/collections.js';
import { newId } from '../domain/ids.js';
import { apiCaller, seedAccount, type TestAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildOrganization, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { type Expect, PRINCIPALS } from '../testing/principals.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
const system = { id: 'test:shared-records' };
/** A word only the confidential testimony's title holds, for search probes. */
const WORD = 'wrenwitness';

const seesConfidential = (p: Expect) => p.sees.includes('confidential');
const editsConfidential = (p: Expect) => p.edits.includes('confidential');

/**
 * Records linked to a public and a confidential case at once (issue 13, findings 1, 2 and 7): a
 * person in both cases, a testimony of the confidential case cited about him, a unit and a place
 * named by acts of both. Every principal of the authorization matrix is probed; the expectation
 * is written from the principal's table, not computed by the policy under test.
 */
describeEachEngine('records shared between a public and a confidential case', (db) => {
  let server: FastifyInstance;
  const accounts: Record<string, TestAccount> = {};
  const id: Record<string, string> = {};
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx: db().app.ctx, actor: system, collection, input })).id;
  const call = (name: string) => apiCaller(server, accounts[name].token);

  /** A person in the public case and in the confidential one, with a note on the confidential link. */
  async function sharedPerson(): Promise<{ person: string; confidentialLink: string }> {
    const person = await create('persons', buildPerson({ names: [{ value: 'Иван Общий' }] }));
    await create('involvements', { caseId: id.publicCase, personId: person, role: 'victim' });
    const confidentialLink = await create('involvements', {
      caseId: id.confidentialCase,
      personId: person,
      role: 'victim',
      note: 'held with the witness',
    });
    return { person, confidentialLink };
  }

  async function publicPerson(): Promise<string> {
    const person = await create('persons', buildPerson({ names: [{ value: 'Пётр Открытый' }] }));
    await create('involvements', { caseId: id.publicCase, personId: person, role: 'victim' });
    return person;
  }

  /** A claim quoting the source's first word ("Testimony", or "A" of the held report). */
  const claimFrom = (sourceId: string, subjectType: string, subjectId: string, quote = 'Testimony') => ({
    sourceId,
    subjectType,
    subjectId,
    field: 'status',
    span: { start: 0, end: quote.length },
    quote,
    credibility: 2,
  });

  before(async () => {
    const { ctx } = db().app;
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    await server.ready();
    id.publicCase = await create('cases', buildCase({ confidentiality: 'public', title: 'Open case' }));
    id.confidentialCase = await create(
      'cases',
      buildCase({ confidentiality: 'confidential', title: 'Closed' }),
    );
    const group = await createGroup({ ctx, actor: system, name: `shared-${db().engine}` });
    for (const [name, expect] of Object.entries(PRINCIPALS)) {
      accounts[name] = await seedAccount(ctx, expect.role);
      if (!expect.grant) continue;
      const userId = accounts[name].user.id;
      if (expect.grant.via === 'group')
        await setGroupMember({ ctx, actor: system, groupId: group.id, userId, member: true });
      await setCaseGrant({
        ctx,
        actor: system,
        caseId: id[`${expect.grant.level}Case`],
        subject: expect.grant.via === 'user' ? { kind: 'user', id: userId } : { kind: 'group', id: group.id },
        access: expect.grant.access,
      });
    }

    const shared = await sharedPerson();
    id.shared = shared.person;
    id.witness = await create('persons', buildPerson({ names: [{ value: 'Свидетель Скрытый' }] }));
    await create('involvements', { caseId: id.confidentialCase, personId: id.witness, role: 'witness' });
    id.testimony = await create(
      'sources',
      buildSource({
        kind: 'letter',
        title: `Letter ${WORD}`,
        text: 'Testimony of a relative: the men are beaten in the basement at night.',
        sensitive: true,
      }),
    );
    await create('claims', claimFrom(id.testimony, 'person', id.witness));
    // The repro of finding 1: a granted editor cites the testimony about the shared person.
    const posted = await call('editor+edit-grant')(
      'POST',
      '/api/claims',
      claimFrom(id.testimony, 'person', id.shared),
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    id.sharedClaim = String(posted.body.id);
    const person = await ctx.store.get('persons', id.shared);
    await updateRecord({
      ctx,
      actor: system,
      collection: 'persons',
      id: id.shared,
      patch: {
        version: Number(person?.version),
        statusHistory: [{ status: 'detained', date: '2023-01-05', sourceId: id.testimony }],
      },
    });
    id.publicAct = await create('acts', {
      caseId: id.publicCase,
      type: 'arbitrary_detention',
      status: 'alleged',
      victimIds: [id.shared],
    });
    await create('claims', claimFrom(id.testimony, 'act', id.publicAct));

    id.unit = await create('organizations', buildOrganization({ name: 'Unit 00001', kind: 'military_unit' }));
    id.place = await create('places', buildPlace({ name: 'Shared village', otherNames: [] }));
    for (const caseId of [id.publicCase, id.confidentialCase])
      await create('acts', {
        caseId,
        type: 'arbitrary_detention',
        status: 'alleged',
        perpetratorOrganizationIds: [id.unit],
        placeId: id.place,
      });
    // A report first ingested into the confidential case, for the existence probe.
    const held = await ingestSource({
      ctx,
      actor: system,
      bytes: Buffer.from('A report held in the confidential case only; nothing else is known yet.'),
    });
    id.heldReport = held.source.id;
    await create('claims', claimFrom(id.heldReport, 'person', id.witness, 'A'));
  });

  for (const [name, p] of Object.entries(PRINCIPALS)) {
    const seen = seesConfidential(p) ? 'sees it' : 'gets nothing of it';
    test(`${name}: testimony cited about a shared person ${seen}`, async () => {
      const get = (url: string) => call(name)('GET', url);
      const problems: string[] = [];
      const expect = (label: string, actual: unknown, expected: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          problems.push(`${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      };
      const sees = seesConfidential(p);
      expect('source', (await get(`/api/sources/${id.testimony}`)).status, sees ? 200 : 404);
      expect('claim', (await get(`/api/claims/${id.sharedClaim}`)).status, sees ? 200 : 404);
      const sources = await get('/api/sources?limit=500');
      expect(
        'source list',
        (sources.body.items as Json[]).some((s) => s.id === id.testimony),
        sees,
      );
      const claims = await get(`/api/claims?subjectId=${id.shared}&limit=500`);
      expect(
        'claim list',
        (claims.body.items as Json[]).some((c) => c.id === id.sharedClaim),
        sees,
      );

      const person = await get(`/api/persons/${id.shared}`);
      expect('person', person.status, 200);
      const history = (person.body.statusHistory as Json[] | undefined) ?? [];
      expect(
        'status entry citing it',
        history.some((e) => e.sourceId === id.testimony),
        sees,
      );

      const overview = await get(`/api/persons/${id.shared}/overview`);
      expect('person overview', overview.status, 200);
      const text = JSON.stringify(overview.body);
      expect('person overview names it', text.includes(id.testimony) || text.includes(WORD), sees);

      const caseOverview = await get(`/api/cases/${id.publicCase}/overview`);
      const caseText = JSON.stringify(caseOverview.body);
      expect(
        'public case overview names it',
        caseText.includes(id.testimony) || caseText.includes(WORD),
        sees,
      );
      const act = await get(`/api/acts/${id.publicAct}`);
      expect('corroboration of the public act', (act.body.corroboration as Json).sources, sees ? 1 : 0);

      const search = await get(`/api/search?q=${WORD}`);
      expect(
        'search',
        (search.body.items as Json[]).some((h) => h.id === id.testimony),
        sees,
      );
      const exported = await server.inject({
        method: 'GET',
        url: '/api/export',
        headers: { authorization: `Bearer ${accounts[name].token}` },
      });
      expect('export', exported.statusCode, 200);
      expect('export holds it', exported.body.includes(id.testimony), sees);
      assert.deepEqual(problems, []);
    });

    const writes = editsConfidential(p) ? 'may' : 'may not';
    test(`${name} ${writes} merge, change or delete a person, unit or place of a confidential case`, async () => {
      const ok = editsConfidential(p);
      const shared = await sharedPerson();
      const other = await publicPerson();
      const caller = call(name);
      const version = async (collection: CollectionName, recordId: string) =>
        Number((await db().app.ctx.store.get(collection, recordId))?.version);

      const patches: Array<[CollectionName, string, Json]> = [
        ['persons', shared.person, { rank: 'private' }],
        ['organizations', id.unit, { country: 'RU' }],
        ['places', id.place, { lat: 48.5, lon: 38, precision: 'settlement' }],
      ];
      for (const [collection, recordId, patch] of patches) {
        const res = await caller('PATCH', `/api/${collection}/${recordId}`, {
          version: await version(collection, recordId),
          ...patch,
        });
        assert.equal(res.status, ok ? 200 : 403, `PATCH ${collection}: ${JSON.stringify(res.body)}`);
      }
      const split = await caller('POST', `/api/persons/${shared.person}/split`, {
        claimIds: [],
        names: ['Другой'],
      });
      if (ok) assert.equal(split.status, 201, JSON.stringify(split.body));
      else assert.equal(split.status, 403);

      const merged = await caller('POST', `/api/persons/${other}/merge`, { otherId: shared.person });
      assert.equal(merged.status, ok ? 200 : 403, JSON.stringify(merged.body));
      const link = await db().app.ctx.store.get('involvements', shared.confidentialLink);
      assert.equal(
        link?.personId,
        ok ? other : shared.person,
        'the confidential involvement moved only if allowed',
      );
      const doomed = await sharedPerson();
      const removed = await caller('DELETE', `/api/persons/${doomed.person}`);
      if (ok) assert.notEqual(removed.status, 403);
      else assert.equal(removed.status, 403);
    });

    test(`${name}: the audit of a merge names only what ${name} may see`, async () => {
      const shared = await sharedPerson();
      const other = await publicPerson();
      const merged = await call('admin')('POST', `/api/persons/${other}/merge`, { otherId: shared.person });
      assert.equal(merged.status, 200);
      const res = await call(name)('GET', `/api/audit?collection=persons&recordId=${other}`);
      assert.equal(res.status, 200);
      const entry = (res.body.items as Json[]).find((e) => e.action === 'merge' && (e.after as Json).moved);
      assert.ok(entry, 'the merge entry of a visible person is listed');
      const moved = ((entry.after as Json).moved as Json[]).map((m) => m.id);
      assert.equal(moved.includes(shared.confidentialLink), seesConfidential(p));
      assert.equal(
        JSON.stringify(entry).includes('held with the witness'),
        false,
        'notes never travel in it',
      );
    });

    test(`${name}: a hidden record and a missing one answer alike`, async () => {
      const caller = call(name);
      const other = await publicPerson();
      const missing = newId();
      const hidden = id.witness;
      const mergeWith = async (otherId: string) =>
        (await caller('POST', `/api/persons/${other}/merge`, { otherId })).status;
      const mergeInto = async (keepId: string) =>
        (await caller('POST', `/api/persons/${keepId}/merge`, { otherId: other })).status;
      if (seesConfidential(p)) {
        // Merging would change the shared world of the other probes: seeing it is enough here.
        assert.equal((await caller('GET', `/api/persons/${hidden}`)).status, 200);
      } else {
        assert.equal(await mergeWith(hidden), await mergeWith(missing));
        assert.equal(await mergeInto(hidden), await mergeInto(missing));
      }

      const ingest = (text: string) => caller('POST', '/api/sources', { text });
      const fresh = await ingest(`A report nobody has sent before, ${name}, ${db().engine}.`);
      const again = await ingest('A report held in the confidential case only; nothing else is known yet.');
      if (seesConfidential(p) && p.edits.length > 0) {
        assert.equal(again.status, 200);
        assert.equal(again.body.id, id.heldReport);
      } else {
        assert.equal(again.status, fresh.status, 'the held report answers as a new one does');
        assert.notEqual(again.body.id, id.heldReport);
      }
    });
  }
});
