import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { verifyAudit } from '../store/audit-log.js';
import { ingestRows } from '../store/ingest-rows.js';
import { seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;
type Item = {
  id: string;
  kind: string;
  proposed: Json;
  decision: string;
  candidates: Array<{ id: string; score: number; reasons: Array<{ code: string }> }>;
  suggestion: { matchId?: string; createNew?: boolean };
};

const STORY_BODY =
  'Relatives say that 21 mobilized men who refused to fight are held in a basement in the village of Zaitseve in Luhansk region. ' +
  'Alexei Kashin, 34, is among them. The men get no food. According to the relatives, the men were taken from their unit after ' +
  'they filed reports refusing to take part in the assault. They were told they would stay in the basement until they agreed to ' +
  "go back to the front. Kashin's wife Elena Kashina wrote to the Investigative Committee and has had no reply.";
const REPRINT_1 = `Mobilized men held in a basement in Zaitseve\n\n${STORY_BODY}\n`;
const REPRINT_2 = `Refusers locked in a basement in Zaitseve, relatives say\n\n${STORY_BODY.replace('no food.', 'no food at all.').replace('go back to', 'return to')}\n`;
const INDEPENDENT =
  'Отказников держат в подвале в Зайцеве\n\nМобилизованный Алексей Кашин, 34 года, рассказал нашему корреспонденту, что его и ещё ' +
  '20 человек удерживают в подвале в селе Зайцево Луганской области. Командир угрожал им расстрелом.\n';

describeEachEngine('ingest, review and apply end to end', (db) => {
  let server: FastifyInstance;
  let auth: Record<string, string> = {};
  before(async () => {
    server = await buildServer(db().app.ctx, { bodyLimit: 1024 * 1024, logger: false });
    auth = { authorization: `Bearer ${(await seedAccount(db().app.ctx, 'admin')).token}` };
  });
  after(async () => {
    await server.close();
  });

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
    const response = await server.inject({
      method,
      url,
      headers: auth,
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
    return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Json) : {} };
  }

  async function ingest(text: string, hints: Json) {
    const response = await call('POST', '/api/sources', { text, ...hints });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body;
  }

  async function draftOf(sourceId: string) {
    const list = await call('GET', `/api/drafts?sourceId=${sourceId}`);
    const [draft] = list.body.items as Json[];
    assert.ok(draft, 'the extraction job left a draft');
    const view = await call('GET', `/api/drafts/${draft.id}`);
    assert.equal(view.status, 200);
    return view.body as Json & { id: string; items: Item[] };
  }

  test('two reprints and an independent report become one story, one case, one person, counted right', async () => {
    const { ctx } = db().app;
    const first = await ingest(REPRINT_1, { outlet: 'Outlet One', published: '2024-03-01', language: 'en' });
    const second = await ingest(REPRINT_2, { outlet: 'Outlet Two', published: '2024-03-02', language: 'en' });
    const third = await ingest(INDEPENDENT, { outlet: 'Outlet Three', published: '2024-03-03' });
    const again = await call('POST', '/api/sources', { text: REPRINT_1 });
    assert.equal(again.status, 200, 're-ingesting the same bytes returns the existing source');
    assert.equal(again.body.id, first.id);
    assert.equal(third.language, 'ru');

    const stories = await ingestRows.storiesOf(ctx.store.handle.db, [
      String(first.id),
      String(second.id),
      String(third.id),
    ]);
    assert.equal(stories.get(String(first.id)), stories.get(String(second.id)), 'the reprints are one story');
    assert.notEqual(stories.get(String(first.id)), stories.get(String(third.id)));

    assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 3);
    assert.equal(await ctx.jobs.drain(draftJobHandler(ctx)), 0, 'each job ran once');

    // First report: nothing known yet, so the reviewer creates everything.
    const d1 = await draftOf(String(first.id));
    assert.ok(d1.items.every((i) => i.candidates.length === 0));
    const kashinItem = d1.items.find((i) => i.kind === 'person' && i.proposed.name === 'Alexei Kashin');
    assert.ok(kashinItem);
    for (const item of d1.items) {
      const decision = ['case', 'place', 'person', 'organization'].includes(item.kind)
        ? { decision: 'accept', createNew: true }
        : { decision: 'accept' };
      const patched = await call('PATCH', `/api/drafts/${d1.id}/items/${item.id}`, decision);
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
    }
    const applied1 = await call('POST', `/api/drafts/${d1.id}/apply`, {});
    assert.equal(applied1.status, 200, JSON.stringify(applied1.body));
    const caseId = (applied1.body.result as { caseId: string }).caseId;
    assert.ok(caseId);
    assert.equal((await call('POST', `/api/drafts/${d1.id}/apply`, {})).status, 409, 'a draft applies once');

    // The reprint: Vigil suggests the same case (same story) and the same persons.
    const d2 = await draftOf(String(second.id));
    const case2 = d2.items.find((i) => i.kind === 'case');
    assert.equal(case2?.suggestion.matchId, caseId);
    assert.ok(case2?.candidates[0]?.reasons.some((r) => r.code === 'same_story'));
    const kashin2 = d2.items.find((i) => i.kind === 'person' && i.proposed.name === 'Alexei Kashin');
    const kashinId = kashin2?.suggestion.matchId;
    assert.ok(kashinId, 'the same man is suggested');
    assert.equal(
      (await call('POST', `/api/drafts/${d2.id}/apply`, {})).status,
      409,
      'undecided items block the apply',
    );
    const applied2 = await call('POST', `/api/drafts/${d2.id}/apply`, { acceptPending: true });
    assert.equal(applied2.status, 200, JSON.stringify(applied2.body));

    // The independent report in Russian: the same man across scripts, the same site, the same case.
    const d3 = await draftOf(String(third.id));
    const kashin3 = d3.items.find((i) => i.kind === 'person');
    assert.equal(kashin3?.proposed.name, 'Алексей Кашин');
    assert.equal(kashin3?.candidates[0]?.id, kashinId);
    assert.ok((kashin3?.candidates[0]?.score ?? 0) >= 0.7);
    const codes = kashin3?.candidates[0]?.reasons.map((r) => r.code) ?? [];
    assert.ok(codes.includes('name') && codes.includes('birth_year'), codes.join(','));
    assert.equal(d3.items.find((i) => i.kind === 'case')?.suggestion.matchId, caseId);
    const applied3 = await call('POST', `/api/drafts/${d3.id}/apply`, { acceptPending: true });
    assert.equal(applied3.status, 200, JSON.stringify(applied3.body));

    const cases = await call('GET', '/api/cases?limit=500');
    assert.equal((cases.body.items as Json[]).length, 1);
    const persons = (await call('GET', '/api/persons?limit=500')).body.items as Array<
      Json & { names: Array<{ value: string }> }
    >;
    assert.equal(persons.length, 2, 'Alexei Kashin and his wife');
    const kashin = persons.find((p) => p.id === kashinId);
    assert.deepEqual(kashin?.names.map((n) => n.value).sort(), ['Alexei Kashin', 'Алексей Кашин']);

    const acts = (await call('GET', `/api/acts?caseId=${caseId}`)).body.items as Array<
      Json & { corroboration: Json }
    >;
    const detention = acts.find((a) => a.type === 'arbitrary_detention');
    assert.deepEqual(detention?.corroboration, { sources: 3, independentSources: 2 });
    assert.equal(detention?.status, 'corroborated');
    const food = acts.find((a) => a.type === 'denial_of_food');
    assert.deepEqual(food?.corroboration, { sources: 2, independentSources: 1 }, 'two reprints count once');
    assert.equal(food?.status, 'alleged');
    const threat = acts.find((a) => a.type === 'threat_of_execution');
    assert.deepEqual(threat?.corroboration, { sources: 1, independentSources: 1 });

    const claims = (await call('GET', '/api/claims?limit=500')).body.items as Array<
      Json & { span: { start: number; end: number } }
    >;
    assert.ok(claims.length >= 15);
    const texts = new Map<string, string>();
    for (const s of [first, second, third]) texts.set(String(s.id), String(s.text));
    for (const claim of claims)
      assert.equal(texts.get(String(claim.sourceId))?.slice(claim.span.start, claim.span.end), claim.quote);
    assert.equal((await verifyAudit(ctx.store.handle.db, ctx.store.auditKey)).ok, true);
  });
});
