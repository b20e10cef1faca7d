import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { draftJobHandler } from '../app/drafts/draft-creator.js';
import { countPeople } from '../domain/people-count.js';
import { apiCaller, seedAccount } from '../testing/auth.js';
import { describeEachEngine } from '../testing/engines.js';
import { buildServer } from './server.js';

type Json = Record<string, unknown>;

// An invented report: a group with no named person, and an appeal dated by the text.
const REPORT =
  'Mobilized men held in a basement in Zaitseve\n\n' +
  'Relatives say that 21 mobilized men who refused to fight are held in a basement in the village of Zaitseve in Luhansk region. ' +
  'The men get no food. On 2 October their wives wrote to the Investigative Committee, but have had no reply.\n';

describeEachEngine('an appeal found in a report, whom it concerns, and its letter', (db) => {
  let server: FastifyInstance;
  let call: ReturnType<typeof apiCaller>;
  let caseId = '';
  let appeal: Json = {};
  before(async () => {
    const { ctx } = db().app;
    server = await buildServer(ctx, { bodyLimit: 1024 * 1024, logger: false });
    call = apiCaller(server, (await seedAccount(ctx, 'admin')).token);
    const source = await call('POST', '/api/sources', {
      text: REPORT,
      outlet: 'Outlet One',
      published: '2024-11-07',
      language: 'en',
    });
    assert.equal(source.status, 201, JSON.stringify(source.body));
    await ctx.jobs.drain(draftJobHandler(ctx));
    const [draft] = (await call('GET', `/api/drafts?sourceId=${source.body.id}`)).body.items as Json[];
    const applied = await call('POST', `/api/drafts/${draft.id}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    caseId = String((applied.body.result as Json).caseId);
    const appeals = (await call('GET', `/api/interventions?caseId=${caseId}`)).body.items as Json[];
    assert.equal(appeals.length, 1, JSON.stringify(appeals));
    appeal = appeals[0];
  });
  after(async () => {
    await server.close();
  });

  test('the appeal has its sender, the directory recipient, the date the text gives and a no-reply status', async () => {
    assert.equal(appeal.senderKind, 'relatives');
    assert.equal(appeal.recipientId, 'skr');
    assert.equal(appeal.sentOn, '2024-10-02');
    assert.equal(appeal.sentOnEstimated, undefined);
    assert.equal(appeal.status, 'sent');
    assert.ok((appeal.groupIds as string[]).length === 1, 'the group of 21 is whom it concerns');
    const overview = await call('GET', `/api/cases/${caseId}/overview`);
    const [shown] = overview.body.appeals as Json[];
    assert.ok(['overdue', 'no_reply'].includes(String(shown.shownStatus)), String(shown.shownStatus));
  });

  test('the case counts the group and a named member of it once', async () => {
    const [groupId] = appeal.groupIds as string[];
    const group = (await call('GET', `/api/person_groups/${groupId}`)).body;
    assert.equal(group.count, 21);
    const person = await call('POST', '/api/persons', {
      names: [{ value: 'Ivan Examplov', script: 'latin' }],
    });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const named = String(person.body.id);
    const member = { id: groupId, count: 21, memberPersonIds: [named] };
    assert.equal(countPeople([named], [member]), 21, 'a named member is one of the 21');
    assert.equal(
      countPeople([named, 'someone-else'], [member]),
      22,
      'a named person outside the group adds one',
    );
  });

  test('persons and groups are added to and removed from an existing appeal', async () => {
    const person = await call('POST', '/api/persons', {
      names: [{ value: 'Petr Examplov', script: 'latin' }],
    });
    const personId = String(person.body.id);
    const added = await call('POST', `/api/interventions/${appeal.id}/concerned`, {
      version: appeal.version,
      personIds: [personId],
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.personIds, [personId]);
    assert.deepEqual(added.body.groupIds, appeal.groupIds);

    const stale = await call('DELETE', `/api/interventions/${appeal.id}/concerned`, {
      version: appeal.version,
      personIds: [personId],
    });
    assert.equal(stale.status, 409);
    const unknown = await call('POST', `/api/interventions/${appeal.id}/concerned`, {
      version: added.body.version,
      personIds: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'],
    });
    assert.equal(unknown.status, 400, 'a missing person is bad input');
    const unchanged = await call('GET', `/api/interventions/${appeal.id}`);
    assert.equal(unchanged.body.version, added.body.version);

    const removed = await call('DELETE', `/api/interventions/${appeal.id}/concerned`, {
      version: added.body.version,
      personIds: [personId],
      groupIds: appeal.groupIds,
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(removed.body.personIds, undefined);
    assert.equal(removed.body.groupIds, undefined);
    const back = await call('POST', `/api/interventions/${appeal.id}/concerned`, {
      version: removed.body.version,
      groupIds: appeal.groupIds,
    });
    assert.equal(back.status, 200, JSON.stringify(back.body));
  });

  test('a Russian letter about the group alone names the count and the site in Cyrillic, in Russian', async () => {
    const letter = await call('POST', `/api/interventions/${appeal.id}/letter`, {
      type: 'inquiry_whereabouts',
      format: 'text',
    });
    assert.equal(letter.status, 200, JSON.stringify(letter.body));
    const text = String(letter.body.text);
    assert.match(text, /(?<!\d)21(?!\d)/);
    assert.match(text, /Зайцев/);
    // Words, not record ids: runs of letters and digits without a digit.
    const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{L}+$/u.test(w));
    const latin = words.filter((w) => /^\p{Script=Latin}+$/u.test(w));
    assert.ok(latin.length / words.length < 0.02, `Latin words: ${latin.join(' ')}`);
    // Only a name (the outlet's) may stay in Latin script, never a sentence.
    assert.doesNotMatch(text, /\p{Script=Latin}+[ ,]+\p{Script=Latin}+[ ,]+\p{Script=Latin}+/u);
  });

  test('a letter about a group with no named person counts it and describes it in the letter language', async () => {
    const group = await call('POST', '/api/person_groups', {
      description: 'мобилизованные, отказавшиеся возвращаться на фронт',
      count: 5,
    });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const made = await call('POST', '/api/interventions', {
      recipientName: 'Главная военная прокуратура',
      recipientId: 'gvp',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'draft',
      groupIds: [group.body.id],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const letter = await call('POST', `/api/interventions/${made.body.id}/letter`, {
      type: 'inquiry_whereabouts',
      format: 'text',
    });
    assert.equal(letter.status, 200, JSON.stringify(letter.body));
    const text = String(letter.body.text);
    assert.match(text, /5 человек, имена которых мне не известны \(мобилизованные, отказавшиеся/);
    assert.match(text, /Главному военному прокурору|Главную военную прокуратуру|Главной военной прокуратуры/);
  });

  test('an appeal a report does not date is dated by the publication, marked estimated with its deadline', async () => {
    const { ctx } = db().app;
    const source = await call('POST', '/api/sources', {
      text:
        // Another site than the first report's: the Zaitseve already recorded would make it the same case.
        'Soldiers held at a base in Svatove\n\nTwelve soldiers are held at a base in the town of Svatove. ' +
        'Their mothers have written to the Main Military Prosecutor’s Office and have had no reply.\n',
      outlet: 'Outlet Two',
      published: '2024-05-20',
      language: 'en',
    });
    assert.equal(source.status, 201, JSON.stringify(source.body));
    await ctx.jobs.drain(draftJobHandler(ctx));
    const [draft] = (await call('GET', `/api/drafts?sourceId=${source.body.id}`)).body.items as Json[];
    const applied = await call('POST', `/api/drafts/${draft.id}/apply`, { acceptPending: true });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const made = (applied.body.result as Json).caseId;
    const [undated] = (await call('GET', `/api/interventions?caseId=${made}`)).body.items as Json[];
    assert.equal(undated.sentOn, '2024-05-20');
    assert.equal(undated.sentOnEstimated, true);
    assert.equal(undated.deadlineEstimated, true);
    const [shown] = (await call('GET', `/api/cases/${made}/overview`)).body.appeals as Json[];
    assert.equal(shown.shownStatus, 'overdue', 'a term long over: no reply');
  });
});
