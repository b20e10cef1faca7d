import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { createApiToken } from '../app/accounts/api-token-creator.js';
import { setCaseGrant } from '../app/accounts/case-granter.js';
import { createGroup, setGroupMember } from '../app/accounts/group-creator.js';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { storeScanText } from '../app/ingest/scan-reader.js';
import { ingestSource } from '../app/ingest/source-ingester.js';
import { submitIntake } from '../app/intake/intake-submitter.js';
import { ROLE_ABILITIES } from '../app/policies/role-abilities.js';
import { createRecord } from '../app/records/record-creator.js';
import { ImportJobRunner } from '../app/table-import/import-job-runner.js';
import { createMapping } from '../app/table-import/saved-mappings.js';
import { API_COLLECTIONS, type CollectionName } from '../domain/collections.js';
import type { Role } from '../domain/roles.js';
import { apiCaller, seedAccount, type TestAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildCase, buildOrganization, buildPerson, buildPlace, buildSource } from '../testing/factories.js';
import { type Expect, LEVELS, type Level, PRINCIPALS } from '../testing/principals.js';
import { multipartBody } from '../testing/report-files.js';
import { buildCsv } from '../testing/table-files.js';
import { telegramZip } from '../testing/telegram-exports.js';
import { buildServer, routeTableOf } from './server.js';

type Json = Record<string, unknown>;
const system = { id: 'test:matrix' };
const ADMINISTERS: Role[] = ['admin'];
const REVIEWS_INTAKE: Role[] = ['admin', 'editor', 'intake_reviewer'];
const WRITES: Role[] = ['admin', 'editor'];

/** The only routes anyone may call without signing in. */
const PUBLIC_ROUTES = [
  'GET /*',
  'GET /assets/*',
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/session',
  'POST /api/intake',
  'GET /api/public/sites',
  'GET /api/public/sites.csv',
  'GET /api/public/dataset',
];

const PATCHES: Record<string, Json> = {
  cases: { summary: 'changed' },
  persons: { rank: 'private' },
  organizations: { country: 'RU' },
  places: { lat: 48.5, lon: 38.0, precision: 'settlement' },
  sources: { outlet: 'Meduza' },
  claims: { credibility: 3 },
  acts: { status: 'corroborated' },
  interventions: { status: 'sent', sentOn: '2024-03-01' },
  person_groups: { count: 12 },
};

/** A word that appears only in the records of one level, for search probes. */
const WORD: Record<Level, string> = {
  public: 'kestrelpub',
  restricted: 'kestrelres',
  confidential: 'kestrelconf',
};

describeEachEngine('authorization matrix', (db) => {
  let server: FastifyInstance;
  const accounts: Record<string, TestAccount> = {};
  const seeded: Record<Level | 'unlinked', Record<string, string>> = {
    public: {},
    restricted: {},
    confidential: {},
    unlinked: {},
  };
  let intakeId = '';
  /** An appeal sent long ago, so overdue, per level: what the due list and calendar show. */
  const sentAppeals: Record<string, string> = {};
  /** Who holds each principal's grant, so throwaway cases can be granted the same way. */
  const grantees = new Map<Expect, { kind: 'user' | 'group'; id: string }>();

  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx: db().app.ctx, actor: system, collection, input })).id;

  /** A full set of records linked to one case of the level. */
  async function seedLevel(level: Level) {
    const ids = seeded[level];
    const word = WORD[level];
    ids.cases = await create('cases', buildCase({ confidentiality: level, title: `Case ${word}` }));
    ids.persons = await create('persons', buildPerson({ names: [{ value: `Ivan ${word}` }] }));
    ids.places = await create(
      'places',
      buildPlace({ name: `Village ${word}`, otherNames: [], lat: 48, lon: 38 }),
    );
    ids.organizations = await create('organizations', buildOrganization({ name: `Unit ${word}` }));
    ids.sources = await create('sources', buildSource({ text: `Held in a basement, says ${word}.` }));
    ids.person_groups = await create('person_groups', {
      description: `Men held with ${word}`,
      count: 9,
      placeId: ids.places,
    });
    ids.involvements = await create('involvements', {
      caseId: ids.cases,
      personId: ids.persons,
      role: 'victim',
    });
    ids.acts = await create('acts', {
      caseId: ids.cases,
      type: 'arbitrary_detention',
      status: 'alleged',
      victimIds: [ids.persons],
      victimGroupIds: [ids.person_groups],
      perpetratorOrganizationIds: [ids.organizations],
      placeId: ids.places,
      dateFrom: '2022-10',
    });
    ids.interventions = await create('interventions', {
      caseId: ids.cases,
      recipientName: 'Military Prosecutor',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'draft',
      personIds: [ids.persons],
    });
    ids.claims = await create('claims', {
      sourceId: ids.sources,
      subjectType: 'person',
      subjectId: ids.persons,
      field: 'status',
      span: { start: 0, end: 4 },
      quote: 'Held',
      credibility: 2,
    });
  }

  before(async () => {
    const { ctx } = db().app;
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    await server.ready();
    for (const level of LEVELS) await seedLevel(level);
    for (const level of LEVELS) {
      sentAppeals[level] = await create('interventions', {
        ...newInput('interventions', level),
        status: 'sent',
        sentOn: '2020-02-03',
        deadlineRule: 'fz59_answer',
      });
    }
    seeded.unlinked.persons = await create('persons', buildPerson({ names: [{ value: 'Unlinked Person' }] }));
    seeded.unlinked.places = await create('places', buildPlace({ name: 'Unlinked place', otherNames: [] }));
    seeded.unlinked.organizations = await create(
      'organizations',
      buildOrganization({ name: 'Unlinked unit' }),
    );
    seeded.unlinked.sources = await create('sources', buildSource());
    seeded.unlinked.person_groups = await create('person_groups', { description: 'Unlinked group' });
    const group = await createGroup({ ctx, actor: system, name: `grantees-${db().engine}` });
    for (const [name, expect] of Object.entries(PRINCIPALS)) {
      const account = await seedAccount(ctx, expect.role);
      accounts[name] = account;
      if (!expect.grant) continue;
      const caseId = seeded[expect.grant.level].cases;
      if (expect.grant.via === 'group') {
        await setGroupMember({
          ctx,
          actor: system,
          groupId: group.id,
          userId: account.user.id,
          member: true,
        });
      }
      const subject =
        expect.grant.via === 'user'
          ? { kind: 'user' as const, id: account.user.id }
          : { kind: 'group' as const, id: group.id };
      await setCaseGrant({ ctx, actor: system, caseId, subject, access: expect.grant.access });
      grantees.set(expect, subject);
    }
    for (const level of [...LEVELS, 'unlinked' as const]) drafts[level] = await draftFor(level);
    for (const level of [...LEVELS, 'unlinked' as const]) scans[level] = await scanFor(level);
    const receipt = await apiCaller(server)('POST', '/api/intake', {
      personName: 'Someone',
      whatHappened: 'Taken away',
      contact: {},
      consent: true,
    });
    intakeId = String(receipt.body.id);
  });

  let serial = 0;
  /** A draft per level, of a source cited by a claim about that level's person (or by none). */
  const drafts: Record<string, string> = {};

  /** A sensitive photo per level, as OCR leaves it (its text and one page of word boxes). */
  const scans: Record<string, string> = {};
  async function scanFor(level: Level | 'unlinked'): Promise<string> {
    const { ctx } = db().app;
    const width = 300 + ++serial;
    const photo = await sharp({ create: { width, height: 200, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const { source } = await ingestSource({ ctx, actor: system, bytes: photo, hints: { sensitive: true } });
    const words = [
      { start: 0, end: 4, box: [10, 10, 80, 30] as [number, number, number, number], confidence: 90 },
    ];
    const page = { page: 1, width, height: 200, rotation: 0 as const, confidence: 90, words };
    await ctx.store.write(system.id, (writer) =>
      storeScanText(writer, source, { text: 'Held', pages: [page] }),
    );
    if (level !== 'unlinked') await create('claims', { ...newInput('claims', level), sourceId: source.id });
    return source.id;
  }

  /** Ingests a fresh report, runs its extraction and links the source to the level's case. */
  async function draftFor(level: Level | 'unlinked'): Promise<string> {
    const { ctx } = db().app;
    const { source } = await ingestSource({
      ctx,
      actor: system,
      bytes: Buffer.from(`Held, says report ${++serial}; nothing further is known at this time.`),
    });
    await ctx.jobs.drain(draftJobHandler(ctx));
    if (level !== 'unlinked') await create('claims', { ...newInput('claims', level), sourceId: source.id });
    const row = await ctx.store.handle.db
      .selectFrom('drafts')
      .select('id')
      .where('source_id', '=', source.id)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The draft and one of its items, for decision probes. */
  async function readDraft(id: string): Promise<{ id: string; itemId: string }> {
    const row = await db()
      .app.ctx.store.handle.db.selectFrom('drafts')
      .select('doc')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const items = (JSON.parse(row.doc) as { items: Array<{ id: string }> }).items;
    return { id, itemId: items[0]?.id ?? 'none' };
  }

  /** A fresh person involved in the level's case. */
  async function personOf(level: Level): Promise<string> {
    const person = await create('persons', buildPerson());
    await create('involvements', { caseId: seeded[level].cases, personId: person, role: 'witness' });
    return person;
  }

  const version = async (collection: CollectionName, id: string) =>
    Number((await db().app.ctx.store.get(collection, id))?.version);

  /** What a principal may do to a record linked to a level: 'ok', 403, or 404 (may not see it). */
  function writeOutcome(p: Expect, level: Level | 'unlinked'): 'ok' | 403 | 404 {
    const sees = level === 'unlinked' ? p.unlinked : p.sees.includes(level);
    if (!sees) return 404;
    const edits = level === 'unlinked' ? WRITES.includes(p.role) : p.edits.includes(level);
    return edits ? 'ok' : 403;
  }

  type Probe = (p: Expect, call: ReturnType<typeof apiCaller>) => Promise<string[]>;

  function check(problems: string[], label: string, actual: unknown, expected: unknown) {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(`${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }

  const status = (outcome: 'ok' | 403 | 404, ok: number) => (outcome === 'ok' ? ok : outcome);
  const adminOnly = (role: Role, ok: number) => (ADMINISTERS.includes(role) ? ok : 403);

  /** One probe per route of the route table: what each principal gets, for every case level. */
  function probes(): Record<string, Probe> {
    const out: Record<string, Probe> = {};
    for (const c of API_COLLECTIONS) {
      const levelsOf = (): Array<Level | 'unlinked'> => [
        ...LEVELS,
        ...(seeded.unlinked[c] ? ['unlinked' as const] : []),
      ];
      out[`GET /api/${c}`] = async (p, call) => {
        const problems: string[] = [];
        const res = await call('GET', `/api/${c}?limit=500`);
        const ids = new Set((res.body.items as Json[]).map((r) => r.id));
        for (const level of levelsOf())
          check(problems, `${level}`, ids.has(seeded[level][c]), writeOutcome(p, level) !== 404);
        return problems;
      };
      out[`GET /api/${c}/:id`] = async (p, call) => {
        const problems: string[] = [];
        for (const level of levelsOf()) {
          const res = await call('GET', `/api/${c}/${seeded[level][c]}`);
          check(problems, level, res.status, writeOutcome(p, level) === 404 ? 404 : 200);
        }
        return problems;
      };
      out[`PATCH /api/${c}/:id`] = async (p, call) => {
        const problems: string[] = [];
        for (const level of levelsOf()) {
          const id = seeded[level][c];
          const res = await call('PATCH', `/api/${c}/${id}`, {
            version: await version(c, id),
            ...PATCHES[c],
          });
          check(problems, level, res.status, status(writeOutcome(p, level), 200));
        }
        return problems;
      };
      out[`DELETE /api/${c}/:id`] = async (p, call) => {
        const problems: string[] = [];
        for (const level of levelsOf()) {
          // Leaves and a fresh case can go (204); records others point to are kept (409) once allowed.
          const fresh = await throwaway(c, level, p);
          const res = await call('DELETE', `/api/${c}/${fresh ?? seeded[level][c]}`);
          check(problems, level, res.status, status(writeOutcome(p, level), fresh ? 204 : 409));
        }
        return problems;
      };
      out[`POST /api/${c}`] = async (p, call) => {
        const problems: string[] = [];
        for (const level of LEVELS) {
          const res = await call('POST', `/api/${c}`, newInput(c, level));
          check(problems, level, res.status, createStatus(p, c, level));
        }
        return problems;
      };
    }
    out['GET /api/cases/:id/involvements'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('GET', `/api/cases/${seeded[level].cases}/involvements`);
        check(problems, level, res.status, writeOutcome(p, level) === 404 ? 404 : 200);
      }
      return problems;
    };
    out['POST /api/cases/:id/involvements'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const org = await create('organizations', buildOrganization());
        const res = await call('POST', `/api/cases/${seeded[level].cases}/involvements`, {
          organizationId: org,
          role: 'perpetrator',
        });
        // An unlinked organization is not visible to roles that do not read unlinked records.
        const expected =
          writeOutcome(p, level) === 'ok' && !p.unlinked ? 400 : status(writeOutcome(p, level), 201);
        check(problems, level, res.status, expected);
        // A person recorded and linked in one step needs only the right to edit the case.
        const added = await call('POST', `/api/cases/${seeded[level].cases}/involvements`, {
          person: buildPerson({ names: [{ value: 'Newly Recorded' }] }),
          role: 'witness',
        });
        check(problems, `${level} new person`, added.status, status(writeOutcome(p, level), 201));
      }
      return problems;
    };
    out['DELETE /api/cases/:id/involvements/:involvementId'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const link = await throwaway('involvements', level, p);
        const res = await call('DELETE', `/api/cases/${seeded[level].cases}/involvements/${link}`);
        check(problems, level, res.status, status(writeOutcome(p, level), 204));
      }
      return problems;
    };
    out['GET /api/search'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('GET', `/api/search?q=${WORD[level]}&limit=100`);
        const ids = new Set((res.body.items as Json[]).map((h) => h.id));
        const expected = p.sees.includes(level);
        for (const c of ['cases', 'persons', 'places', 'organizations', 'sources'])
          check(problems, `${level} ${c}`, ids.has(seeded[level][c]), expected);
        if (!expected) check(problems, `${level} hits`, res.body.items, []);
        // Counts come only from what the reader may see: the case, person and place of the act.
        const faceted = await call('GET', `/api/search?q=${WORD[level]}&facets=true`);
        const facets = faceted.body.facets as Record<string, Array<{ value: string; count: number }>>;
        const detentions = facets.act.find((c) => c.value === 'arbitrary_detention')?.count ?? 0;
        check(problems, `${level} act counts`, detentions, expected ? 3 : 0);
        if (!expected) check(problems, `${level} any counts`, Object.values(facets).flat(), []);
        check(problems, `${level} total`, faceted.body.total, expected ? 5 : 0);
        const browsed = await call(
          'GET',
          '/api/search?types=acts&act=arbitrary_detention&region=Luhansk%20Oblast&limit=100',
        );
        const found = new Set((browsed.body.items as Json[]).map((h) => h.id));
        check(problems, `${level} browsed act`, found.has(seeded[level].acts), expected);
      }
      return problems;
    };
    out['GET /api/export'] = async (p, call) => {
      const problems: string[] = [];
      const res = await call('GET', '/api/export');
      const collections = res.body.collections as Record<string, Json[]>;
      for (const level of LEVELS)
        for (const c of API_COLLECTIONS) {
          const ids = new Set(collections[c].map((r) => r.id));
          check(problems, `${level} ${c}`, ids.has(seeded[level][c]), p.sees.includes(level));
        }
      return problems;
    };
    out['POST /api/exports'] = async (p, call) => {
      const problems: string[] = [];
      const all = await call('POST', '/api/exports', { format: 'json' });
      const collections = all.body.collections as Record<string, Json[]>;
      for (const level of LEVELS) {
        for (const c of API_COLLECTIONS) {
          const ids = new Set(collections[c].map((r) => r.id));
          check(problems, `json ${level} ${c}`, ids.has(seeded[level][c]), p.sees.includes(level));
        }
        // A search export finds only what the reader may see, in every format that carries records.
        const found = await call('POST', '/api/exports', { format: 'json', filters: { q: WORD[level] } });
        const persons = new Set((found.body.collections as Record<string, Json[]>).persons.map((r) => r.id));
        check(problems, `search ${level}`, persons.has(seeded[level].persons), p.sees.includes(level));
        const csv = await call('POST', '/api/exports', {
          format: 'csv',
          filters: { q: WORD[level], types: ['places'] },
        });
        check(
          problems,
          `csv ${level}`,
          String(csv.body.text).includes(seeded[level].places),
          p.sees.includes(level),
        );
        // A case one may not see is not found, as it is everywhere else.
        const ofCase = await call('POST', '/api/exports', {
          format: 'ftm',
          filters: { caseId: seeded[level].cases },
        });
        check(problems, `case ${level}`, ofCase.status, p.sees.includes(level) ? 200 : 404);
        if (ofCase.status === 200)
          check(problems, `ftm ${level}`, String(ofCase.body.text).includes(seeded[level].persons), true);
      }
      return problems;
    };
    out['GET /api/map/sites'] = async (p, call) => {
      const problems: string[] = [];
      const res = await call('GET', '/api/map/sites');
      const features = res.body.features as Array<{ properties: { placeId: string; caseIds: string[] } }>;
      for (const level of LEVELS) {
        const shown = features.some((f) => f.properties.placeId === seeded[level].places);
        check(problems, level, shown, p.sees.includes(level));
      }
      return problems;
    };
    out['GET /api/audit'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('GET', `/api/audit?collection=cases&recordId=${seeded[level].cases}`);
        check(problems, level, (res.body.items as Json[]).length > 0, p.sees.includes(level));
      }
      const accounts = await call('GET', '/api/audit?collection=users');
      check(problems, 'user entries', (accounts.body.items as Json[]).length > 0, p.role === 'admin');
      return problems;
    };
    out['GET /api/recipients'] = async (_p, call) => expectStatus(await call('GET', '/api/recipients'), 200);
    out['GET /api/deadline-rules'] = async (_p, call) =>
      expectStatus(await call('GET', '/api/deadline-rules'), 200);
    out['GET /api/interventions/due'] = async (p, call) => {
      const problems: string[] = [];
      const res = await call('GET', '/api/interventions/due?within=30d');
      const ids = new Set((res.body.items as Json[]).map((i) => i.id));
      for (const level of LEVELS) check(problems, level, ids.has(sentAppeals[level]), p.sees.includes(level));
      return problems;
    };
    out['GET /api/deadlines.ics'] = async (p, call) => {
      const problems: string[] = [];
      const res = await call('GET', '/api/deadlines.ics');
      for (const level of LEVELS) {
        check(
          problems,
          level,
          String(res.body.text).includes(String(seeded[level].cases)),
          p.sees.includes(level),
        );
      }
      return problems;
    };
    out['GET /api/interventions/:id/next-steps'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('GET', `/api/interventions/${sentAppeals[level]}/next-steps`);
        check(problems, level, res.status, p.sees.includes(level) ? 200 : 404);
      }
      return problems;
    };
    out['POST /api/interventions/:id/letter'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('POST', `/api/interventions/${seeded[level].interventions}/letter`, {
          type: 'inquiry_whereabouts',
          format: 'text',
        });
        check(problems, level, res.status, p.sees.includes(level) ? 200 : 404);
      }
      return problems;
    };
    out['POST /api/interventions/:id/transitions'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const id = await create('interventions', newInput('interventions', level));
        const res = await call('POST', `/api/interventions/${id}/transitions`, {
          version: 1,
          to: 'sent',
          on: '2024-03-01',
        });
        check(problems, level, res.status, status(writeOutcome(p, level), 200));
      }
      return problems;
    };
    for (const [method, verb] of [
      ['POST', 'add'],
      ['DELETE', 'remove'],
    ] as const) {
      out[`${method} /api/interventions/:id/concerned`] = async (p, call) => {
        const problems: string[] = [];
        for (const level of LEVELS) {
          const id = await create('interventions', newInput('interventions', level));
          const res = await call(method, `/api/interventions/${id}/concerned`, {
            version: 1,
            personIds: [seeded[level].persons],
          });
          check(problems, `${verb} ${level}`, res.status, status(writeOutcome(p, level), 200));
        }
        return problems;
      };
    }
    out['GET /api/session'] = async (p, call) => {
      const res = await call('GET', '/api/session');
      return res.body.user && (res.body.user as Json).role === p.role ? [] : [`session: ${res.status}`];
    };
    out['POST /api/session'] = async (p) => {
      const name = Object.entries(PRINCIPALS).find(([, e]) => e === p)?.[0] ?? '';
      const { user, password } = accounts[name];
      const res = await apiCaller(server)('POST', '/api/session', { username: user.username, password });
      return res.status === 200 ? [] : [`sign-in: ${res.status}`];
    };
    out['DELETE /api/session'] = async (_p, call) => {
      const res = await call('DELETE', '/api/session');
      return res.status === 204 ? [] : [`sign-out: ${res.status}`];
    };
    out['POST /api/tokens'] = async (_p, call) => {
      const res = await call('POST', '/api/tokens', { name: 'script' });
      return res.status === 201 ? [] : [`token: ${res.status}`];
    };
    out['GET /api/tokens'] = async (_p, call) => {
      const res = await call('GET', '/api/tokens');
      return res.status === 200 && Array.isArray(res.body.items) ? [] : [`tokens: ${res.status}`];
    };
    out['DELETE /api/tokens/:id'] = async (p, call) => {
      const name = Object.entries(PRINCIPALS).find(([, e]) => e === p)?.[0] ?? '';
      const own = await createApiToken({
        ctx: db().app.ctx,
        actor: system,
        userId: accounts[name].user.id,
        name: 'spare',
      });
      const stranger = await seedAccount(db().app.ctx, 'viewer');
      const strangers = await createApiToken({
        ctx: db().app.ctx,
        actor: system,
        userId: stranger.user.id,
        name: 'x',
      });
      return [
        ...expectStatus(await call('DELETE', `/api/tokens/${own.id}`), 200),
        ...expectStatus(
          await call('DELETE', `/api/tokens/${strangers.id}`),
          ADMINISTERS.includes(p.role) ? 200 : 404,
        ),
      ];
    };
    out['GET /api/users/:id/tokens'] = async (p, call) => {
      const owner = await seedAccount(db().app.ctx, 'viewer');
      return expectStatus(await call('GET', `/api/users/${owner.user.id}/tokens`), adminOnly(p.role, 200));
    };
    out['GET /api/users'] = async (p, call) =>
      expectStatus(await call('GET', '/api/users'), adminOnly(p.role, 200));
    out['POST /api/users'] = async (p, call) =>
      expectStatus(
        await call('POST', '/api/users', {
          username: `u${Math.random().toString(36).slice(2, 10)}`,
          role: 'viewer',
          password: 'Correct-Horse-Battery-9',
        }),
        adminOnly(p.role, 201),
      );
    out['PATCH /api/users/:id'] = async (p, call) => {
      const victim = await seedAccount(db().app.ctx, 'viewer');
      return expectStatus(
        await call('PATCH', `/api/users/${victim.user.id}`, { role: 'analyst' }),
        adminOnly(p.role, 200),
      );
    };
    out['POST /api/groups'] = async (p, call) =>
      expectStatus(
        await call('POST', '/api/groups', { name: `g ${Math.random().toString(36).slice(2, 10)}` }),
        adminOnly(p.role, 201),
      );
    for (const method of ['PUT', 'DELETE'] as const) {
      out[`${method} /api/groups/:id/members/:userId`] = async (p, call) => {
        const group = await createGroup({
          ctx: db().app.ctx,
          actor: system,
          name: `m ${Math.random().toString(36).slice(2, 10)}`,
        });
        const member = await seedAccount(db().app.ctx, 'viewer');
        return expectStatus(
          await call(method, `/api/groups/${group.id}/members/${member.user.id}`),
          adminOnly(p.role, 204),
        );
      };
    }
    out['PUT /api/cases/:id/grants'] = async (p, call) => {
      const grantee = await seedAccount(db().app.ctx, 'viewer');
      const res = await call('PUT', `/api/cases/${seeded.restricted.cases}/grants`, {
        subjectKind: 'user',
        subjectId: grantee.user.id,
        access: 'read',
      });
      return expectStatus(res, adminOnly(p.role, 204));
    };
    const reviewer = (role: Role, ok: number) => (REVIEWS_INTAKE.includes(role) ? ok : 403);
    out['GET /api/intake'] = async (p, call) =>
      expectStatus(await call('GET', '/api/intake'), reviewer(p.role, 200));
    out['GET /api/intake/:id'] = async (p, call) =>
      expectStatus(await call('GET', `/api/intake/${intakeId}`), reviewer(p.role, 200));
    out['PATCH /api/intake/:id'] = async (p, call) => {
      const row = await db()
        .app.ctx.store.handle.db.selectFrom('intake_submissions')
        .select('version')
        .where('id', '=', intakeId)
        .executeTakeFirstOrThrow();
      return expectStatus(
        await call('PATCH', `/api/intake/${intakeId}`, { status: 'handled', version: Number(row.version) }),
        reviewer(p.role, 200),
      );
    };
    out['POST /api/intake/:id/draft'] = async (p, call) => {
      const fresh = await submitIntake({
        ctx: db().app.ctx,
        input: {
          personName: 'Ivan Example',
          whatHappened: 'He is held in a basement.',
          contact: {},
          consent: true,
        },
      });
      const res = await call('POST', `/api/intake/${fresh.id}/draft`, { version: 1 });
      return expectStatus(res, WRITES.includes(p.role) ? 201 : 403);
    };
    out['POST /api/intake'] = async (_p, call) =>
      expectStatus(
        await call('POST', '/api/intake', { personName: 'A', whatHappened: 'B', contact: {}, consent: true }),
        202,
      );
    const publicOnly: Probe = async (_p, call) => {
      const problems: string[] = [];
      const sites = await call('GET', '/api/public/sites');
      const placeIds = (sites.body.features as Array<{ properties: { placeId: string } }>).map(
        (f) => f.properties.placeId,
      );
      const dataset = await call('GET', '/api/public/dataset');
      const caseIds = (dataset.body.cases as Json[]).map((c) => c.id);
      for (const level of LEVELS) {
        check(problems, `site ${level}`, placeIds.includes(seeded[level].places), level === 'public');
        check(problems, `case ${level}`, caseIds.includes(seeded[level].cases), level === 'public');
      }
      return problems;
    };
    // Ingest (issue 4): a source and its draft are seen and reviewed as the cases citing it allow.
    out['POST /api/sources'] = async (p, call) => {
      const res = await call('POST', '/api/sources', { text: `A new report number ${++serial}.` });
      return expectStatus(res, WRITES.includes(p.role) ? 201 : 403);
    };
    out['GET /api/drafts'] = async (p, call) => {
      const problems: string[] = [];
      const res = await call('GET', '/api/drafts?limit=500');
      const ids = new Set((res.body.items as Json[]).map((d) => d.id));
      for (const level of [...LEVELS, 'unlinked' as const])
        check(problems, level, ids.has(drafts[level]), writeOutcome(p, level) !== 404);
      return problems;
    };
    out['GET /api/drafts/:id'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const res = await call('GET', `/api/drafts/${drafts[level]}`);
        check(problems, level, res.status, writeOutcome(p, level) === 404 ? 404 : 200);
      }
      return problems;
    };
    out['PATCH /api/drafts/:id/items/:itemId'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const draft = await readDraft(drafts[level]);
        const res = await call('PATCH', `/api/drafts/${draft.id}/items/${draft.itemId}`, {
          decision: 'reject',
        });
        check(problems, level, res.status, status(writeOutcome(p, level), 200));
      }
      return problems;
    };
    out['POST /api/drafts/:id/apply'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const draft = await draftFor(level);
        const res = await call('POST', `/api/drafts/${draft}/apply`, { acceptPending: true });
        check(problems, level, res.status, status(writeOutcome(p, level), 200));
      }
      return problems;
    };
    out['POST /api/persons/:id/merge'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const [kept, other] = [await personOf(level), await personOf(level)];
        const res = await call('POST', `/api/persons/${kept}/merge`, { otherId: other });
        check(problems, level, res.status, status(writeOutcome(p, level), 200));
      }
      // Both sides must be writable: merging a visible person with a hidden one is refused.
      const hidden = await call('POST', `/api/persons/${await personOf('public')}/merge`, {
        otherId: await personOf('confidential'),
      });
      // The kept person is checked first: a role that writes nothing gets 403 there.
      const first = writeOutcome(p, 'public');
      const both = first === 'ok' ? writeOutcome(p, 'confidential') : first;
      check(problems, 'public+confidential', hidden.status, status(both, 200));
      return problems;
    };
    out['POST /api/persons/:id/split'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const person = await personOf(level);
        const claim = await create('claims', { ...newInput('claims', level), subjectId: person });
        const res = await call('POST', `/api/persons/${person}/split`, {
          claimIds: [claim],
          names: ['Split off'],
        });
        check(problems, level, res.status, status(writeOutcome(p, level), 201));
      }
      return problems;
    };
    out['GET /api/cases/:id/overview'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of LEVELS) {
        const res = await call('GET', `/api/cases/${seeded[level].cases}/overview`);
        check(problems, level, res.status, p.sees.includes(level) ? 200 : 404);
        if (res.status === 200) {
          check(problems, `${level} canEdit`, res.body.canEdit, p.edits.includes(level));
          const people = (res.body.involvements as Json[]).map((i) => i.personId);
          check(problems, `${level} person`, people.includes(seeded[level].persons), true);
        }
      }
      return problems;
    };
    out['GET /api/persons/:id/overview'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const res = await call('GET', `/api/persons/${seeded[level].persons}/overview`);
        const outcome = writeOutcome(p, level);
        check(problems, level, res.status, outcome === 404 ? 404 : 200);
        if (res.status === 200 && level !== 'unlinked') {
          const cases = (res.body.cases as Json[]).map((c) => c.caseId);
          check(problems, `${level} case`, cases.includes(seeded[level].cases), true);
        }
      }
      return problems;
    };
    out['GET /api/sources/:id/extraction'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const res = await call('GET', `/api/sources/${seeded[level].sources}/extraction`);
        check(problems, level, res.status, writeOutcome(p, level) === 404 ? 404 : 200);
      }
      return problems;
    };
    // OCR pages (issue 19): as the source itself; a sensitive scan's pages only to who reads sensitive text.
    const scanOutcome = (p: Expect, level: Level | 'unlinked') =>
      writeOutcome(p, level) === 404 ? 404 : ROLE_ABILITIES[p.role].readsSensitive ? 200 : 403;
    out['GET /api/sources/:id/pages'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const text = await call('GET', `/api/sources/${seeded[level].sources}/pages`);
        check(problems, `${level} text`, text.status, writeOutcome(p, level) === 404 ? 404 : 200);
        const scan = await call('GET', `/api/sources/${scans[level]}/pages`);
        check(problems, `${level} scan`, scan.status, scanOutcome(p, level));
        if (scan.status === 200) check(problems, `${level} pages`, (scan.body.items as Json[]).length, 1);
      }
      return problems;
    };
    out['GET /api/sources/:id/pages/:page/image'] = async (p, call) => {
      const problems: string[] = [];
      for (const level of [...LEVELS, 'unlinked' as const]) {
        const res = await call('GET', `/api/sources/${scans[level]}/pages/1/image`);
        check(problems, level, res.status, scanOutcome(p, level));
        if (res.status === 200) check(problems, `${level} type`, res.headers['content-type'], 'image/jpeg');
        const missing = await call('GET', `/api/sources/${scans[level]}/pages/2/image`);
        check(
          problems,
          `${level} page 2`,
          missing.status,
          scanOutcome(p, level) === 200 ? 404 : scanOutcome(p, level),
        );
      }
      return problems;
    };
    // Table import (issue 8): editors and admins only; a dry run offers only persons one may see.
    const importer = (role: Role, ok: number) => (WRITES.includes(role) ? ok : 403);
    const tokenOf = (p: Expect) =>
      accounts[Object.entries(PRINCIPALS).find(([, e]) => e === p)?.[0] ?? ''].token;
    const uploadTable = async (p: Expect, rows: string[][]) => {
      const { payload, headers } = multipartBody(buildCsv(rows), {}, 'list.csv');
      const res = await server.inject({
        method: 'POST',
        url: '/api/table-imports/uploads',
        payload,
        headers: { ...headers, authorization: `Bearer ${tokenOf(p)}` },
      });
      return {
        status: res.statusCode,
        sha256: String(JSON.parse(res.body).file?.sha256 ?? 'a'.repeat(64)),
      };
    };
    // Telegram import (issue 20): a zipped chat export, by those who write sources.
    out['POST /api/telegram-imports'] = async (p) => {
      const chat = { name: 'Matrix', type: 'public_channel' as const, id: 70_000 + ++serial, messages: [] };
      const { payload, headers } = multipartBody(telegramZip(chat), {}, 'export.zip');
      const res = await server.inject({
        method: 'POST',
        url: '/api/telegram-imports',
        payload,
        headers: { ...headers, authorization: `Bearer ${tokenOf(p)}` },
      });
      return expectStatus({ status: res.statusCode }, importer(p.role, 201));
    };
    // FollowTheMoney import (issue 17): by those who write records; a dry run keeps nothing.
    out['POST /api/ftm-imports'] = async (p) => {
      const entity = { id: `matrix-${++serial}`, schema: 'Person', properties: { name: ['Matrix Person'] } };
      const { payload, headers } = multipartBody(
        Buffer.from(JSON.stringify(entity)),
        { dryRun: 'true' },
        'e.ftm',
      );
      const res = await server.inject({
        method: 'POST',
        url: '/api/ftm-imports',
        payload,
        headers: { ...headers, authorization: `Bearer ${tokenOf(p)}` },
      });
      return expectStatus({ status: res.statusCode }, importer(p.role, 200));
    };
    const nameMapping = { system: 'matrix', columns: { fullName: 'Name' } };
    out['POST /api/table-imports/uploads'] = async (p) =>
      expectStatus(await uploadTable(p, [['Name'], [`Upload ${++serial}`]]), importer(p.role, 201));
    out['GET /api/table-imports/uploads/:sha256'] = async (p, call) => {
      const { sha256 } = await uploadTable(p, [['Name'], [`Preview ${++serial}`]]);
      return expectStatus(await call('GET', `/api/table-imports/uploads/${sha256}`), importer(p.role, 200));
    };
    out['DELETE /api/table-imports/uploads/:sha256'] = async (p, call) => {
      const { sha256 } = await uploadTable(p, [['Name'], [`Discard ${++serial}`]]);
      return expectStatus(
        await call('DELETE', `/api/table-imports/uploads/${sha256}`),
        importer(p.role, 204),
      );
    };
    out['POST /api/table-imports/dry-run'] = async (p, call) => {
      const { sha256 } = await uploadTable(p, [['Name'], ...LEVELS.map((level) => [`Ivan ${WORD[level]}`])]);
      const res = await call('POST', '/api/table-imports/dry-run', { upload: sha256, mapping: nameMapping });
      if (!WRITES.includes(p.role)) return expectStatus(res, 403);
      const problems: string[] = [];
      LEVELS.forEach((level, i) => {
        const row = (res.body.rows as Json[])[i];
        const offered = ((row?.candidates as Json[] | undefined) ?? []).map((c) => c.id);
        check(problems, level, offered.includes(seeded[level].persons), p.sees.includes(level));
      });
      return problems;
    };
    out['POST /api/table-imports'] = async (p, call) => {
      // Two words found nowhere else: the row is a new man for everyone.
      const unique = () => Math.random().toString(36).slice(2, 10).replace(/\d/g, 'x');
      const { sha256 } = await uploadTable(p, [['Name'], [`${unique()} ${unique()}`]]);
      return expectStatus(
        await call('POST', '/api/table-imports', { upload: sha256, mapping: nameMapping }),
        importer(p.role, 201),
      );
    };
    out['GET /api/table-imports'] = async (p, call) =>
      expectStatus(await call('GET', '/api/table-imports'), importer(p.role, 200));
    // Table import jobs (issue 16): the same roles; a job is its owner's (and admins').
    const importJobOf = async (p: Expect, call: Parameters<Probe>[1]) => {
      const { sha256 } = await uploadTable(p, [['Name'], [`Job ${++serial}`]]);
      const res = await call('POST', '/api/table-imports/jobs', {
        kind: 'dry_run',
        upload: sha256,
        mapping: nameMapping,
      });
      return { status: res.status, id: String(res.body.id ?? '01HZZZZZZZZZZZZZZZZZZZZZZZ') };
    };
    out['POST /api/table-imports/jobs'] = async (p, call) =>
      expectStatus(await importJobOf(p, call), importer(p.role, 202));
    out['GET /api/table-imports/jobs/:id'] = async (p, call) => {
      const { id } = await importJobOf(p, call);
      return expectStatus(await call('GET', `/api/table-imports/jobs/${id}`), importer(p.role, 200));
    };
    out['GET /api/table-imports/jobs/:id/report'] = async (p, call) => {
      const { id } = await importJobOf(p, call);
      await new ImportJobRunner(db().app.ctx).drain();
      return expectStatus(await call('GET', `/api/table-imports/jobs/${id}/report`), importer(p.role, 200));
    };
    out['POST /api/table-imports/jobs/:id/cancel'] = async (p, call) => {
      const { id } = await importJobOf(p, call);
      return expectStatus(await call('POST', `/api/table-imports/jobs/${id}/cancel`), importer(p.role, 200));
    };
    const savedMapping = async () =>
      (
        await createMapping({
          ctx: db().app.ctx,
          actor: system,
          name: `matrix ${++serial}`,
          mapping: nameMapping,
        })
      ).id;
    out['GET /api/table-mappings'] = async (p, call) =>
      expectStatus(await call('GET', '/api/table-mappings'), importer(p.role, 200));
    out['GET /api/table-mappings/:id'] = async (p, call) =>
      expectStatus(await call('GET', `/api/table-mappings/${await savedMapping()}`), importer(p.role, 200));
    out['POST /api/table-mappings'] = async (p, call) =>
      expectStatus(
        await call('POST', '/api/table-mappings', { name: `new ${++serial}`, mapping: nameMapping }),
        importer(p.role, 201),
      );
    out['PATCH /api/table-mappings/:id'] = async (p, call) =>
      expectStatus(
        await call('PATCH', `/api/table-mappings/${await savedMapping()}`, {
          version: 1,
          name: `renamed ${++serial}`,
        }),
        importer(p.role, 200),
      );
    out['DELETE /api/table-mappings/:id'] = async (p, call) =>
      expectStatus(
        await call('DELETE', `/api/table-mappings/${await savedMapping()}`),
        importer(p.role, 204),
      );
    out['GET /api/public/sites'] = publicOnly;
    out['GET /api/public/dataset'] = publicOnly;
    out['GET /api/public/sites.csv'] = async (_p, call) => {
      const problems: string[] = [];
      const csv = String((await call('GET', '/api/public/sites.csv')).body.text);
      for (const level of LEVELS)
        check(problems, `site ${level}`, csv.includes(seeded[level].places), level === 'public');
      return problems;
    };
    for (const url of ['/api/health', '/api/openapi.json'])
      out[`GET ${url}`] = async (_p, call) => expectStatus(await call('GET', url), 200);
    // The web application's shell and assets are public; unknown API paths under the catch-all stay 404.
    out['GET /*'] = async (_p, call) => [
      ...expectStatus(await call('GET', '/cases/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 200),
      ...expectStatus(await call('GET', '/api/no-such-thing'), 404),
    ];
    out['GET /assets/*'] = async (_p, call) =>
      expectStatus(await call('GET', '/assets/no-such-file.js'), 404);
    return out;
  }

  function expectStatus(res: { status: number }, expected: number): string[] {
    return res.status === expected ? [] : [`status ${res.status}, expected ${expected}`];
  }

  /** A new record linked to a level's case, for create probes. */
  function newInput(c: CollectionName, level: Level): Json {
    const ids = seeded[level];
    switch (c) {
      case 'cases':
        return buildCase({ confidentiality: level });
      case 'acts':
        return { caseId: ids.cases, type: 'beating', status: 'alleged' };
      case 'interventions':
        return {
          caseId: ids.cases,
          recipientName: 'Ombudsman',
          senderKind: 'relatives',
          kind: 'inquiry',
          status: 'draft',
        };
      case 'claims':
        return {
          sourceId: ids.sources,
          subjectType: 'person',
          subjectId: ids.persons,
          field: 'status',
          span: { start: 0, end: 4 },
          quote: 'Held',
          credibility: 3,
        };
      case 'persons':
        return buildPerson();
      case 'organizations':
        return buildOrganization();
      case 'places':
        return buildPlace();
      case 'person_groups':
        return { description: 'men held in a basement', count: 3 };
      default:
        return buildSource();
    }
  }

  /** Expected status of a create linked to a level's case. */
  function createStatus(p: Expect, c: CollectionName, level: Level): number {
    if (!WRITES.includes(p.role)) return 403;
    if (c === 'cases') return p.role === 'admin' || level !== 'confidential' ? 201 : 403;
    if (!['acts', 'interventions', 'claims'].includes(c)) return 201;
    if (!p.sees.includes(level)) return 400; // the case it names does not exist for this reader
    return p.edits.includes(level) ? 201 : 403;
  }

  /** A fresh record linked to a level that can be deleted, or undefined where none can be. */
  async function throwaway(
    c: CollectionName | 'involvements',
    level: Level | 'unlinked',
    p: Expect,
  ): Promise<string | undefined> {
    if (level === 'unlinked') return c === 'involvements' ? undefined : create(c, newInput(c, 'public'));
    const ids = seeded[level];
    if (c === 'cases') {
      const id = await create('cases', buildCase({ confidentiality: level }));
      const subject = grantees.get(p);
      if (p.grant?.level === level && subject) {
        await setCaseGrant({ ctx: db().app.ctx, actor: system, caseId: id, subject, access: p.grant.access });
      }
      return id;
    }
    if (c === 'acts') return create('acts', { caseId: ids.cases, type: 'torture', status: 'alleged' });
    if (c === 'interventions') return create('interventions', newInput('interventions', level));
    if (c === 'claims') return create('claims', newInput('claims', level));
    if (c === 'involvements') {
      const org = await create('organizations', buildOrganization());
      return create('involvements', { caseId: ids.cases, organizationId: org, role: 'perpetrator' });
    }
    return undefined;
  }

  test('every route is either public by the list above or answers 401 without a session or token', async () => {
    const routes = routeTableOf(server);
    const publicRoutes = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(publicRoutes.sort(), [...PUBLIC_ROUTES].sort());
    const anonymous = apiCaller(server);
    const open: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const url = route.url.replace(/:(\w+)/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
      const res = await anonymous(route.method as 'GET', url, route.method === 'GET' ? undefined : {});
      if (res.status !== 401) open.push(`${route.method} ${route.url} → ${res.status}`);
    }
    assert.deepEqual(open, []);
  });

  test('every route answers every role, grant and confidentiality level as the matrix says', async () => {
    const table = probes();
    const routes = routeTableOf(server).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(
      routes.filter((r) => !table[r]),
      [],
      'a route without a probe: add it to the authorization matrix',
    );
    const problems: string[] = [];
    for (const [name, expect] of Object.entries(PRINCIPALS)) {
      const call = apiCaller(server, accounts[name].token);
      for (const route of routes) {
        for (const problem of await table[route](expect, call)) problems.push(`${name} ${route}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
