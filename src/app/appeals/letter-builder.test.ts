import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { LETTER_TYPES, letterLanguage } from '../../domain/appeals/letter-context.js';
import { type SeededAppealCase, seedAppealCase } from '../../testing/appeal-case.js';
import { describeEachEngine } from '../../testing/engines.js';
import { pdfText, squash } from '../../testing/letter-readback.js';
import type { AppContext } from '../context.js';
import { formatDate } from '../letters/format.js';
import { createRecord } from '../records/record-creator.js';
import { buildLetter } from './letter-builder.js';
import { buildStoredLetterContext } from './letter-context-builder.js';

const actor = { id: 'test:letters' };
// The one seeded claim whose act has a full date of its own (the detention of 12 March).
const EVENT_DATED = new Set(['заперт в подвале']);

describeEachEngine('letters from a stored case', (db) => {
  let seeded: SeededAppealCase;
  let ctx: AppContext;
  before(async () => {
    // Letters are dated and earlier appeals judged as of 25 April 2024, Moscow time.
    ctx = { ...db().app.ctx, now: () => new Date('2024-04-25T09:00:00Z'), timeZone: 'Europe/Moscow' };
    seeded = await seedAppealCase(ctx, actor);
  });

  for (const type of LETTER_TYPES) {
    const lang = letterLanguage(type);
    test(`writes the ${type} letter from the stored record, with the names in Cyrillic and every fact with its date in the PDF`, async () => {
      const letter = await buildLetter({ ctx, interventionId: seeded.appeal.id, type, format: 'pdf' });
      assert.equal(letter.content.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = await pdfText(letter.content);
      for (const name of seeded.names) assert.ok(text.includes(name), `${name} in ${type}`);
      // A Russian letter quotes Russian statements only; a fact is dated only by its act's own
      // date, never by the date its source was published.
      const printed = seeded.facts.filter((f) => lang === 'en' || /[А-Яа-яЁё]/.test(f.text));
      for (const fact of seeded.facts.filter((f) => !printed.includes(f)))
        assert.ok(!text.includes(squash(fact.text)), `"${fact.text}" is not quoted in ${type}`);
      for (const fact of printed) {
        const dated = EVENT_DATED.has(fact.text);
        const line = squash(`${dated ? `${formatDate(fact.date, lang)} — ` : ''}${fact.text}`);
        assert.ok(text.includes(line), `fact "${fact.text}" in ${type}`);
        if (!dated) assert.ok(!text.includes(squash(`${formatDate(fact.date, lang)} — ${fact.text}`)));
      }
      assert.ok(!text.includes(seeded.identityFactLine), 'a claim about a name is not a fact');
      // The beating claim, dated neither by its act nor its source, is quoted without a date too.
      assert.ok(text.includes('Их били прикладами'));
      assert.equal(letter.undatedClaims, printed.filter((f) => !EVENT_DATED.has(f.text)).length + 1);
      assert.ok(!letter.filename.includes('Кашин') && letter.filename.endsWith('.pdf'));
    });
  }

  test('fills persons, the earlier appeal and its outcome, and the addressee from the directory', async () => {
    const { context } = await buildStoredLetterContext({
      ctx,
      interventionId: seeded.appeal.id,
      type: 'complaint_inaction',
    });
    const [kashin, yolkin] = context.persons;
    assert.equal(kashin.fullName, 'Кашин Алексей Викторович');
    assert.equal(kashin.fullNameLatin, 'Kashin Aleksey Viktorovich');
    assert.equal(kashin.birthDate, '1988-04-17');
    assert.equal(kashin.unit, 'в/ч 00000');
    assert.deepEqual(kashin.places, ['Примерное (Донецкая область)']);
    assert.equal(kashin.status, 'удерживается (с 12.03.2024)');
    assert.equal(kashin.service, 'мобилизован 23.09.2022');
    assert.equal(yolkin.birthYear, 1979);
    assert.equal(yolkin.fullNameLatin, 'Elkin Iurii Dmitrievich');
    assert.equal(context.recipient.addressee, 'Главному военному прокурору');
    assert.equal(context.sender.fullName, 'Кашина Мария Сергеевна');
    assert.equal(context.today, '2024-04-25');
    // The crime report of 18 March (received by 18 March at the latest) was due on 21 March.
    assert.deepEqual(context.earlierAppeals, [
      {
        recipient: 'Следственный комитет Российской Федерации',
        sentOn: '2024-03-18',
        outcome: 'ответ не дан в установленный срок (срок истёк 21.03.2024)',
        reference: 'через интернет-приёмную',
      },
    ]);
  });

  test('writes a Ukrainian crime report about the named persons to the State Bureau of Investigation, in Ukrainian grammar', async () => {
    const toDbr = await createRecord({
      ctx,
      actor,
      collection: 'interventions',
      input: {
        caseId: seeded.caseId,
        recipientId: 'dbr_ua',
        recipientName: 'Державне бюро розслідувань',
        senderName: 'Кашина Мария Сергеевна',
        senderKind: 'relatives',
        kind: 'crime_report',
        status: 'draft',
      },
    });
    const letter = await buildLetter({
      ctx,
      interventionId: toDbr.id,
      type: 'crime_report_uk',
      format: 'pdf',
    });
    const text = await pdfText(letter.content);
    assert.ok(text.startsWith(squash('Директору Державного бюро розслідувань')), text.slice(0, 60));
    for (const part of [
      'ЗАЯВА',
      'повідомляю про вчинення кримінального правопорушення щодо військовослужбовців, зазначених нижче.',
      'Потерпілі:',
      'Кашин Алексей Викторович (Kashin Aleksey Viktorovich), 17.04.1988 р. н.',
      'відоме становище: утримується (з 12.03.2024)',
      'місце роботи: АО «Примерный завод»',
      'з 12.03.2024 у населеному пункті Примерное (Донецька область) утримуються Кашин Алексей Викторович і Ёлкин Юрий Дмитриевич.',
      // The unanswered crime report of 18 March: the body in the genitive after "звернення до".
      '18.03.2024 — звернення до Слідчого комітету Російської Федерації (через інтернет-приймальню); результат: відповіді не надано у встановлений строк (строк сплив 21.03.2024)',
      'ст. 146 (незаконне позбавлення волі або викрадення людини)',
      'ч. 1 ст. 214 КПК України',
      'ст. 383 КК України',
    ])
      assert.ok(text.includes(squash(part)), part);
    for (const russian of ['Следственный комитет', 'удерживается', 'обращение в'])
      assert.ok(!text.includes(russian), russian);
  });

  test('renders the edited text instead of the template, as text and DOCX', async () => {
    const text = 'Главному военному прокурору\n\nЖАЛОБА\n\nПрошу освободить Ёлкина Ю. Д.\n';
    const plain = await buildLetter({
      ctx,
      interventionId: seeded.appeal.id,
      type: 'complaint_inaction',
      format: 'text',
      text,
    });
    assert.equal(plain.content.toString('utf8'), text);
    assert.match(plain.contentType, /^text\/plain/);
    const docx = await buildLetter({
      ctx,
      interventionId: seeded.appeal.id,
      type: 'complaint_inaction',
      format: 'docx',
      text,
    });
    assert.equal(docx.content.subarray(0, 2).toString('latin1'), 'PK');
  });
});

describeEachEngine('a letter about a group no one has named, from an English report', (db) => {
  let ctx: AppContext;
  let appealId: string;
  let ukAppealId: string;
  let personAppealId: string;
  before(async () => {
    ctx = { ...db().app.ctx, now: () => new Date('2022-11-20T09:00:00Z'), timeZone: 'Europe/Moscow' };
    const create = (collection: Parameters<typeof createRecord>[0]['collection'], input: object) =>
      createRecord({ ctx, actor, collection, input });
    const text =
      'Twenty-one mobilized men are held in a basement in Zavitne Bazhannia by the Fifth company. ' +
      'Their wives wrote to the Investigative Committee of Russia and have had no reply.';
    const source = await create('sources', {
      kind: 'news_report',
      title: 'Mobilized men held in a basement',
      outlet: 'Example News',
      published: '2022-11-07',
      language: 'en',
      text,
    });
    const kase = await create('cases', { title: 'Basement', status: 'open', confidentiality: 'restricted' });
    const place = await create('places', {
      name: 'Zavitne Bazhannia',
      kind: 'settlement',
      region: 'Donetsk Oblast',
      gazetteerId: 'geonames-postal:UA:85553',
    });
    const unit = await create('organizations', { name: 'Fifth company', kind: 'military_unit' });
    await create('involvements', { caseId: kase.id, organizationId: unit.id, role: 'perpetrator' });
    // A body the extractor names in English: the letters name it in their own language.
    const wagner = await create('organizations', { name: 'Wagner Group', kind: 'armed_group' });
    await create('involvements', { caseId: kase.id, organizationId: wagner.id, role: 'perpetrator' });
    await create('acts', {
      caseId: kase.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      placeId: place.id,
      dateFrom: '2022-10-02',
    });
    // An earlier act that is not a detention: the letter's "since" must not take its date.
    await create('acts', {
      caseId: kase.id,
      type: 'threat_of_execution',
      status: 'alleged',
      dateFrom: '2022-09-20',
    });
    const quote = (q: string) => ({
      span: { start: text.indexOf(q), end: text.indexOf(q) + q.length },
      quote: q,
    });
    await create('claims', {
      sourceId: source.id,
      subjectType: 'case',
      subjectId: kase.id,
      field: 'detainedCount',
      value: 21,
      ...quote('Twenty-one mobilized men are held'),
      credibility: 3,
    });
    await create('interventions', {
      caseId: kase.id,
      recipientName: 'Investigative Committee of Russia',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'sent',
    });
    // A Russian report and its reprint state the same sentence: one fact, citing both.
    const told = 'Их держат в подвале без пищи.';
    for (const title of ['Подвал в Завитном', 'Перепечатка: подвал в Завитном']) {
      const reprint = await create('sources', {
        kind: 'news_report',
        title,
        published: '2022-11-08',
        language: 'ru',
        text: `Заголовок.\n${told}`,
      });
      await create('claims', {
        sourceId: reprint.id,
        subjectType: 'case',
        subjectId: kase.id,
        field: 'conditions',
        value: 'no food',
        span: { start: 11, end: 11 + told.length },
        quote: told,
        credibility: 3,
      });
    }
    await create('interventions', {
      caseId: kase.id,
      recipientName: 'Russian military command',
      senderKind: 'relatives',
      kind: 'complaint',
      status: 'sent',
    });
    const appeal = await create('interventions', {
      caseId: kase.id,
      recipientId: 'gvp',
      recipientName: 'Главная военная прокуратура',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'draft',
    });
    appealId = appeal.id;
    const toOmbudsman = await create('interventions', {
      caseId: kase.id,
      recipientId: 'ombudsman_ua',
      recipientName: 'Уповноважений Верховної Ради України з прав людини',
      senderKind: 'relatives',
      kind: 'petition',
      status: 'draft',
    });
    ukAppealId = toOmbudsman.id;
    // A named man whose detention a later report told of: his status entry is dated by the report,
    // his detention act by the day it began.
    const petrenko = await create('persons', {
      names: [{ value: 'Петренко Иван Сергеевич', script: 'cyrillic' }],
      statusHistory: [{ status: 'detained', date: '2022-11-07', sourceId: source.id }],
    });
    await create('acts', {
      caseId: kase.id,
      type: 'arbitrary_detention',
      status: 'alleged',
      victimIds: [petrenko.id],
      placeId: place.id,
      dateFrom: '2022-10-02',
    });
    const aboutPetrenko = await create('interventions', {
      caseId: kase.id,
      recipientId: 'gvp',
      recipientName: 'Главная военная прокуратура',
      senderKind: 'relatives',
      kind: 'inquiry',
      status: 'draft',
      personIds: [petrenko.id],
    });
    personAppealId = aboutPetrenko.id;
  });

  test('says since when a named man is held from his detention act, not from the report that told of it', async () => {
    for (const [type, status] of [
      ['inquiry_whereabouts', 'удерживается (с 02.10.2022)'],
      ['crime_report_uk', 'утримується (з 02.10.2022)'],
    ] as const) {
      const { context } = await buildStoredLetterContext({ ctx, interventionId: personAppealId, type });
      assert.equal(context.persons[0].status, status);
    }
  });

  /** The Russian inquiry about the group, read back from its PDF. */
  const russianInquiry = async () =>
    pdfText(
      (await buildLetter({ ctx, interventionId: appealId, type: 'inquiry_whereabouts', format: 'pdf' }))
        .content,
    );

  test('names the site in Cyrillic, the number held and the unit, and the unanswered appeal, in Russian only', async () => {
    const text = await russianInquiry();
    assert.ok(text.startsWith('Главному военному прокурору'), text.slice(0, 60));
    for (const part of [
      'Сведения о военнослужащих:',
      'с 02.10.2022 в населённом пункте Завитне Бажання (Донецкая область) удерживаются военнослужащие в количестве 21 человека',
      '5-я рота (Fifth company); ЧВК «Вагнер»',
      'обращение в военное командование',
      'незаконное лишение свободы',
      'обращение в Следственный комитет Российской Федерации, дата не известна; результат: ответ не получен',
    ])
      assert.ok(text.includes(squash(part)), part);
    // No English quote and no publication date passed off as the date of an event.
    assert.ok(!text.includes('Twenty-one'));
    assert.ok(!text.includes('07.11.2022 —'));
    // Words of letters only: a record id like 01M9…XYZ is no word.
    const latin = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Script=Latin}+$/u.test(w));
    assert.ok(latin.length <= 4, latin.join(' '));
  });

  test('quotes a sentence stated by a report and its reprint once, citing both', async () => {
    const text = await russianInquiry();
    const told = squash('Их держат в подвале без пищи.');
    assert.equal(text.split(told).length - 1, 1, 'the sentence is quoted once');
    assert.ok(
      text.includes(
        squash(
          `Их держат в подвале без пищи. (источники: Подвал в Завитном, 08.11.2022; Перепечатка: подвал в Завитном, 08.11.2022)`,
        ),
      ),
    );
  });

  test('writes the Ukrainian letters about the group in Ukrainian: site by its Ukrainian name, number, unit, since when', async () => {
    for (const type of ['ombudsman_request_uk', 'crime_report_uk', 'prosecutor_statement_uk'] as const) {
      const letter = await buildLetter({ ctx, interventionId: ukAppealId, type, format: 'pdf' });
      const text = await pdfText(letter.content);
      assert.ok(
        text.startsWith(squash('Уповноваженому Верховної Ради України з прав людини')),
        text.slice(0, 60),
      );
      for (const part of [
        '1. 21 особа, імена яких мені не відомі',
        'з 02.10.2022 у населеному пункті Завітне Бажання (Донецька область) утримуються військовослужбовці у кількості 21 особи.',
        'до цього причетні: 5-та рота (Fifth company); ПВК «Вагнер».',
        'звернення до військового командування',
        'незаконне позбавлення волі; погрози розстрілом',
        'звернення до Слідчого комітету Російської Федерації, дата не відома; результат: відповіді не отримано',
      ])
        assert.ok(text.includes(squash(part)), `${part} in ${type}`);
      // A Ukrainian letter: no letter only Russian spelling has, no English sentence, no publication date as an event's.
      assert.ok(!/[ЫыЭэЪъЁё]/.test(text), type);
      assert.ok(!text.includes('Twenty-one') && !text.includes('07.11.2022 —'));
      const latin = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Script=Latin}+$/u.test(w));
      assert.ok(latin.length <= 4, latin.join(' '));
    }
  });
});
