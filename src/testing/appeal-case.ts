import { randomBytes } from 'node:crypto';
import type { Actor, AppContext } from '../app/context.js';
import { createRecord } from '../app/records/record-creator.js';
import type { StoredRecord } from '../domain/collections.js';

/** A fact the seeded case must show in every letter: its date and the words of its source. */
export interface ExpectedFact {
  date: string;
  text: string;
}

export interface SeededAppealCase {
  caseId: string;
  personIds: string[];
  /** Primary (Cyrillic) names of the persons concerned. */
  names: string[];
  facts: ExpectedFact[];
  /** How a claim about a person's name would read as a fact: identity claims are never printed as facts. */
  identityFactLine: string;
  /** A crime report sent on 18 March 2024 and left unanswered. */
  earlier: StoredRecord;
  /** A draft complaint to the Main Military Prosecutor, the appeal letters are written for. */
  appeal: StoredRecord;
}

/**
 * Stores a case the way case workers record one: two detained men (Cyrillic names, a full and a
 * year-only birth date, a unit, a place), sources with publication dates, acts, claims quoting the
 * sources, an earlier unanswered crime report and a draft complaint. Texts carry a random tag so
 * seeding twice in one database never collides on content hashes.
 */
export async function seedAppealCase(ctx: AppContext, actor: Actor): Promise<SeededAppealCase> {
  const tag = randomBytes(4).toString('hex');
  const create = (collection: Parameters<typeof createRecord>[0]['collection'], input: object) =>
    createRecord({ ctx, actor, collection, input });
  const news = `Двадцать один мобилизованный, отказавшийся идти в штурм, заперт в подвале. Замполит роты пригрозил им расстрелом. (${tag})`;
  const letter = `Задержанных не кормят. Восемь из них имели бронь. Кашин Алексей среди них. (${tag})`;
  const english = `The men are held in a basement near Donetsk. (${tag})`;
  const s1 = await create('sources', {
    kind: 'news_report',
    title: 'Мобилизованных держат в подвале',
    outlet: 'Пример-Медиа',
    url: 'https://example.org/news/basement',
    published: '2024-03-15',
    language: 'ru',
    text: news,
  });
  const s2 = await create('sources', {
    kind: 'letter',
    title: 'Письмо жён задержанных',
    published: '2024-03-20',
    language: 'ru',
    text: letter,
  });
  const s3 = await create('sources', {
    kind: 'news_report',
    outlet: 'Example News',
    published: '2024-03-16',
    language: 'en',
    text: english,
  });
  const s4 = await create('sources', {
    kind: 'testimony',
    language: 'ru',
    text: `Их били прикладами. (${tag})`,
  });
  const unit = await create('organizations', { name: 'в/ч 00000', kind: 'military_unit' });
  const place = await create('places', {
    name: 'Примерное',
    kind: 'settlement',
    region: 'Донецкая область',
    country: 'UA',
  });
  const kashin = await create('persons', {
    names: [
      { value: 'Кашин Алексей Викторович', script: 'cyrillic', lang: 'ru' },
      { value: 'Kashin Aleksey Viktorovich', script: 'latin' },
    ],
    birthDate: '1988-04-17',
    rank: 'рядовой',
    unitOrganizationId: unit.id,
    employer: 'АО «Примерный завод»',
    exemptionGrounds: 'отсрочка от мобилизации как работник оборонного предприятия',
    statusHistory: [
      { status: 'mobilized', date: '2022-09-23' },
      { status: 'detained', date: '2024-03-12', sourceId: s1.id },
    ],
  });
  const yolkin = await create('persons', {
    names: [{ value: 'Ёлкин Юрий Дмитриевич' }],
    birthDate: '1979',
    unit: 'в/ч 00000',
  });
  const kase = await create('cases', { title: 'Подвал', status: 'open', confidentiality: 'confidential' });
  for (const person of [kashin, yolkin]) {
    await create('involvements', { caseId: kase.id, personId: person.id, role: 'victim' });
  }
  const detention = await create('acts', {
    caseId: kase.id,
    type: 'arbitrary_detention',
    status: 'alleged',
    victimIds: [kashin.id, yolkin.id],
    placeId: place.id,
    dateFrom: '2024-03-12',
  });
  const threat = await create('acts', {
    caseId: kase.id,
    type: 'threat_of_execution',
    status: 'alleged',
    dateFrom: '2024-03',
  });
  const beating = await create('acts', { caseId: kase.id, type: 'beating', status: 'alleged' });
  const claim = async (
    source: StoredRecord,
    subjectType: string,
    subjectId: string,
    field: string,
    quote: string,
  ) => {
    const text = String(source.text);
    const start = text.indexOf(quote);
    await create('claims', {
      sourceId: source.id,
      subjectType,
      subjectId,
      field,
      span: { start, end: start + quote.length },
      quote,
      credibility: 3,
    });
  };
  await claim(s1, 'act', detention.id, 'type', 'заперт в подвале');
  await claim(s1, 'act', threat.id, 'type', 'Замполит роты пригрозил им расстрелом');
  await claim(s2, 'person', kashin.id, 'status', 'Задержанных не кормят');
  await claim(s2, 'person', kashin.id, 'names', 'Кашин Алексей');
  await claim(s3, 'case', kase.id, 'summary', 'The men are held in a basement near Donetsk');
  // Neither the act nor the source is dated: this one cannot be a dated fact.
  await claim(s4, 'act', beating.id, 'type', 'Их били прикладами');
  const earlier = await create('interventions', {
    caseId: kase.id,
    recipientId: 'skr',
    recipientName: 'Следственный комитет Российской Федерации',
    senderKind: 'relatives',
    kind: 'crime_report',
    channel: 'online_reception',
    status: 'sent',
    sentOn: '2024-03-18',
    deadlineRule: 'upk144_crime_report',
    personIds: [kashin.id, yolkin.id],
  });
  const appeal = await create('interventions', {
    caseId: kase.id,
    recipientId: 'gvp',
    recipientName: 'Главная военная прокуратура',
    senderName: 'Кашина Мария Сергеевна',
    senderKind: 'relatives',
    kind: 'complaint',
    status: 'draft',
    deadlineRule: 'upk124_prosecutor_complaint',
  });
  return {
    caseId: kase.id,
    personIds: [kashin.id, yolkin.id],
    names: ['Кашин Алексей Викторович', 'Ёлкин Юрий Дмитриевич'],
    facts: [
      { date: '2024-03-12', text: 'заперт в подвале' },
      { date: '2024-03-15', text: 'Замполит роты пригрозил им расстрелом' },
      { date: '2024-03-16', text: 'The men are held in a basement near Donetsk' },
      { date: '2024-03-20', text: 'Задержанных не кормят' },
    ],
    identityFactLine: '20.03.2024 — Кашин Алексей (',
    earlier,
    appeal,
  };
}
