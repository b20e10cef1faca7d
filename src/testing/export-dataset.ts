import type { AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import type { CollectionName } from '../domain/collections.js';
import { buildCase, buildOrganization, buildPerson, buildPlace, buildSource } from './factories.js';

const actor = { id: 'test:export-dataset' };

/** Text a spreadsheet would run as a formula: exported data comes from hostile sources. */
export const FORMULA = '=HYPERLINK("http://evil.example/","open, please")';

/**
 * A small dataset with every kind of record and link the exports carry: a restricted case with
 * its persons (one with contacts), places, units, an employer, acts, a sensitive testimony and
 * claims; a group of unnamed detainees with a sub-group and a named member; a public case; a
 * confidential case with a person and a place no one else links to.
 */
export async function seedExportDataset(ctx: AppContext) {
  const create = async (collection: CollectionName, input: unknown) =>
    (await createRecord({ ctx, actor, collection, input })).id;
  const village = await create('places', buildPlace({ lat: 48.5257, lon: 38.0715, precision: 'settlement' }));
  const basement = await create(
    'places',
    buildPlace({
      name: 'Basement of the school',
      otherNames: ['Подвал школы'],
      kind: 'detention_facility',
      parentPlaceId: village,
      lat: 48.5261,
      lon: 38.0702,
      precision: 'exact',
    }),
  );
  const regiment = await create(
    'organizations',
    buildOrganization({ name: '1st Motor Rifle Regiment', kind: 'military_unit', country: 'RU' }),
  );
  const company = await create(
    'organizations',
    buildOrganization({ name: 'Fifth company', kind: 'military_unit', parentId: regiment }),
  );
  const plant = await create('organizations', buildOrganization({ name: 'Dalpolymetal', kind: 'company' }));
  const committee = await create('organizations', buildOrganization());
  const husband = await create(
    'persons',
    buildPerson({
      names: [{ value: 'Алексей Кашин' }, { value: 'Alexei Kashin' }],
      birthDate: '1989',
      sex: 'male',
      rank: 'private',
      unitOrganizationId: company,
      employerOrganizationId: plant,
      exemptionGrounds: 'works at a defence plant',
      hometownPlaceId: village,
      contacts: [{ kind: 'phone', value: '+7 900 555-01-01' }],
      statusHistory: [
        { status: 'mobilized', date: '2022-09' },
        { status: 'detained', date: '2022-10-05' },
      ],
    }),
  );
  const wife = await create(
    'persons',
    buildPerson({
      names: [{ value: 'Елена Кашина' }],
      sex: 'female',
      contacts: [{ kind: 'email', value: 'elena@example.org' }],
    }),
  );
  const officer = await create('persons', buildPerson({ names: [{ value: 'Major Petrov' }], rank: FORMULA }));
  const kase = await create(
    'cases',
    buildCase({
      title: 'Refusers held in the school basement',
      periodStart: '2022-10',
      periodEnd: '2022-11',
    }),
  );
  const publicCase = await create(
    'cases',
    buildCase({ title: 'Public case of Zaitseve', confidentiality: 'public', periodStart: '2023-02' }),
  );
  await create('involvements', { caseId: kase, personId: husband, role: 'victim' });
  await create('involvements', {
    caseId: kase,
    personId: wife,
    role: 'relative_of',
    relatedPersonId: husband,
  });
  await create('involvements', { caseId: kase, personId: officer, role: 'perpetrator' });
  await create('involvements', { caseId: kase, organizationId: company, role: 'perpetrator' });
  await create('involvements', { caseId: publicCase, personId: husband, role: 'victim' });
  const detainees = await create('person_groups', {
    description: 'mobilized men held in the school basement',
    count: 21,
    placeId: basement,
    dateFrom: '2022-10',
    memberPersonIds: [husband],
  });
  const exempt = await create('person_groups', {
    description: 'exempt Dalpolymetal workers',
    count: 8,
    parentGroupId: detainees,
  });
  await create('involvements', { caseId: kase, groupId: detainees, role: 'victim' });
  const detention = await create('acts', {
    caseId: kase,
    type: 'arbitrary_detention',
    status: 'alleged',
    victimIds: [husband],
    perpetratorPersonIds: [officer],
    perpetratorOrganizationIds: [company],
    placeId: basement,
    dateFrom: '2022-10-05',
  });
  await create('acts', {
    caseId: kase,
    type: 'threat_of_execution',
    status: 'alleged',
    victimIds: [husband],
    victimGroupIds: [detainees],
    dateFrom: '2022-11',
  });
  await create('acts', {
    caseId: publicCase,
    type: 'arbitrary_detention',
    status: 'alleged',
    victimIds: [husband],
    placeId: village,
    dateFrom: '2023-02',
  });
  const text = 'Мужа Елены Кашиной держат в подвале школы в Зайцеве.';
  const report = await create(
    'sources',
    buildSource({ text, language: 'ru', published: '2022-11-07', outlet: 'Meduza' }),
  );
  const testimony = 'Елена: меня просили молчать. Звоните мне ночью.';
  const secret = await create(
    'sources',
    buildSource({
      kind: 'testimony',
      title: 'Call with the wife',
      text: testimony,
      sensitive: true,
      language: 'ru',
    }),
  );
  const quote = (t: string, q: string) => ({
    span: { start: t.indexOf(q), end: t.indexOf(q) + q.length },
    quote: q,
  });
  await create('claims', {
    sourceId: report,
    subjectType: 'person',
    subjectId: husband,
    field: 'status',
    value: 'detained',
    ...quote(text, 'держат'),
    credibility: 3,
  });
  await create('claims', {
    sourceId: report,
    subjectType: 'act',
    subjectId: detention,
    field: 'place',
    ...quote(text, 'в подвале школы'),
    credibility: 2,
  });
  await create('claims', {
    sourceId: secret,
    subjectType: 'person',
    subjectId: wife,
    field: 'contact',
    ...quote(testimony, 'Звоните мне ночью'),
    credibility: 2,
  });
  await create('interventions', {
    caseId: kase,
    recipientName: 'Investigative Committee of Russia',
    recipientOrganizationId: committee,
    senderKind: 'relatives',
    kind: 'inquiry',
    status: 'draft',
    personIds: [husband],
  });
  const hidden = await create(
    'cases',
    buildCase({ title: 'Secret camp case', confidentiality: 'confidential', periodStart: '2022-10' }),
  );
  const secretPerson = await create('persons', buildPerson({ names: [{ value: 'Hidden Detainee' }] }));
  const camp = await create(
    'places',
    buildPlace({ name: 'Secret camp', otherNames: [], lat: 47.1, lon: 37.5 }),
  );
  await create('involvements', { caseId: hidden, personId: secretPerson, role: 'victim' });
  await create('acts', {
    caseId: hidden,
    type: 'arbitrary_detention',
    status: 'alleged',
    victimIds: [secretPerson],
    placeId: camp,
    dateFrom: '2022-10-20',
  });
  return {
    village,
    basement,
    regiment,
    company,
    plant,
    committee,
    husband,
    wife,
    detainees,
    exempt,
    officer,
    kase,
    publicCase,
    report,
    secret,
    hidden,
    secretPerson,
    camp,
  };
}
