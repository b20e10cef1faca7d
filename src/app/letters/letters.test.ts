import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LETTER_TYPES, letterLanguage } from '../../domain/appeals/letter-context.js';
import { docxText, pdfText, squash } from '../../testing/letter-readback.js';
import { buildLetterContext } from './build-letter-context.js';
import { formatDate } from './format.js';
import { parseLetterText } from './letter-blocks.js';
import { renderLetterDocx } from './render-letter-docx.js';
import { renderLetterPdf } from './render-letter-pdf.js';
import { renderLetterText } from './render-letter-text.js';

describe('letters for a sample case', () => {
  const ctx = buildLetterContext();

  for (const type of LETTER_TYPES) {
    const lang = letterLanguage(type);

    test(`writes the ${type} letter and reads the names in Cyrillic and every dated fact back from its PDF and DOCX`, async () => {
      const text = renderLetterText(type, ctx);
      const pdf = await renderLetterPdf(text, { lang });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const fromPdf = await pdfText(pdf);
      const fromDocx = docxText(await renderLetterDocx(text));
      for (const extracted of [fromPdf, fromDocx]) {
        for (const person of ctx.persons)
          assert.ok(extracted.includes(person.fullName), `${person.fullName} in ${type}`);
        for (const fact of ctx.facts.filter((f) => lang === 'en' || /[А-Яа-яЁё]/.test(f.text))) {
          const line = `${fact.date ? `${formatDate(fact.date, lang)} — ` : ''}${lang === 'en' && fact.textEn ? fact.textEn : fact.text}`;
          assert.ok(extracted.includes(squash(line)), `fact of ${fact.date} in ${type}`);
        }
        assert.ok(extracted.includes(ctx.caseReference));
      }
    });
  }

  test('embeds the Cyrillic font in the PDF instead of relying on the reader', async () => {
    const pdf = (await renderLetterPdf(renderLetterText('crime_report', ctx))).toString('latin1');
    assert.match(pdf, /\/FontFile2/);
    assert.match(pdf, /PTSerif/);
  });

  test('renders the PDF and DOCX from the edited text, not from the template', async () => {
    const edited = renderLetterText('complaint_inaction', ctx, {
      requests: 'Прошу немедленно освободить Ёлкина Ю. Д. и Кашина А. В.',
      attachments: '',
    });
    assert.ok(!edited.includes('Приложения:'));
    const free = `${edited}\nДополнение: ответ прошу направить также адвокату.\n`;
    const fromPdf = await pdfText(await renderLetterPdf(free));
    assert.ok(fromPdf.includes('Прошу немедленно освободить Ёлкина Ю. Д. и Кашина А. В.'));
    assert.ok(fromPdf.includes('Дополнение: ответ прошу направить также адвокату.'));
    assert.ok(!fromPdf.includes('принять меры прокурорского реагирования'));
    assert.ok(
      docxText(await renderLetterDocx(free)).includes('Дополнение: ответ прошу направить также адвокату.'),
    );
  });

  test('writes Russian letters in Russian and the ICRC and UN letters in English', () => {
    assert.match(renderLetterText('crime_report', ctx), /ЗАЯВЛЕНИЕ О ПРЕСТУПЛЕНИИ/);
    assert.match(renderLetterText('crime_report', ctx), /ст\. 306 УК РФ/);
    assert.match(renderLetterText('icrc_tracing_request', ctx), /^TRACING REQUEST$/m);
    assert.match(
      renderLetterText('un_wgad_urgent_action', ctx),
      /Kashin Aleksey Viktorovich \(Кашин Алексей Викторович\)/,
    );
  });

  test('lists earlier appeals with their date and outcome', () => {
    assert.match(
      renderLetterText('complaint_inaction', ctx),
      /18\.03\.2024 — обращение в Следственный комитет РФ \(интернет-приёмная\); результат: ответа нет/,
    );
  });

  test('refuses a letter about nobody, saying so in a sentence', () => {
    assert.throws(
      () => renderLetterText('crime_report', buildLetterContext({ persons: [] })),
      (err: Error) =>
        /^A letter must say whom it is about: add a person or a group of detainees to the appeal/.test(
          err.message,
        ),
    );
  });

  test('writes a letter about a group no one has named, with its number, site and unit in Russian', async () => {
    const group = buildLetterContext({
      persons: [],
      facts: [],
      circumstances: {
        heldCount: 21,
        sites: ['населённом пункте Завитне Бажання (Донецкая область)'],
        since: '02.10.2022',
        perpetrators: ['5-я рота (Fifth company)'],
        acts: ['незаконное лишение свободы'],
        sources: ['сообщение СМИ, издание Meduza, от 07.11.2022'],
      },
    });
    const text = renderLetterText('inquiry_whereabouts', group);
    assert.match(text, /Сведения о военнослужащих:\n1\. 21 человек, имена которых мне не известны/);
    assert.match(
      text,
      /По имеющимся у меня сведениям, с 02\.10\.2022 в населённом пункте Завитне Бажання \(Донецкая область\) удерживаются военнослужащие в количестве 21 человека\./,
    );
    const fromPdf = await pdfText(await renderLetterPdf(text));
    for (const part of ['Завитне Бажання', '21 человека', '5-я рота', 'незаконное лишение свободы'])
      assert.ok(fromPdf.includes(part), part);
    const one = renderLetterText(
      'crime_report',
      buildLetterContext({ persons: [buildLetterContext().persons[0]] }),
    );
    assert.match(one, /в отношении военнослужащего, указанного ниже/);
    assert.match(one, /^Потерпевший:/m);
  });
});

describe('Ukrainian letters', () => {
  const group = buildLetterContext({
    persons: [],
    facts: [],
    earlierAppeals: [],
    circumstances: {
      heldCount: 1,
      sites: ['на полігоні Широкий Лан (Миколаївська область)'],
      since: '02.10.2022',
      perpetrators: ['5-та рота'],
      acts: ['незаконне позбавлення волі'],
      sources: [],
    },
  });

  test('agree with one person held: singular verb, "Потерпілий", "військовослужбовця, зазначеного"', () => {
    const text = renderLetterText('crime_report_uk', group);
    assert.match(text, /щодо військовослужбовця, зазначеного нижче\./);
    assert.match(text, /^Потерпілий:\n1\. 1 особа, ім’я якої мені не відоме$/m);
    assert.match(
      text,
      /з 02\.10\.2022 на полігоні Широкий Лан \(Миколаївська область\) утримується військовослужбовець, ім’я якого мені не відоме\./,
    );
    assert.match(text, /Раніше з цього питання я не звертався\(лася\)\./);
  });

  test('name the addressee body in the genitive in the prosecutor statement', () => {
    const text = renderLetterText(
      'prosecutor_statement_uk',
      buildLetterContext({
        recipient: { id: 'ogp_ua', addressee: 'Генеральному прокурору', name: 'Офіс Генерального прокурора' },
      }),
    );
    assert.match(text, /^Генеральному прокурору$/m);
    assert.match(
      text,
      /звертаюся до Офісу Генерального прокурора у зв’язку з незаконним утриманням військовослужбовців/,
    );
    assert.match(text, /^Відомості про військовослужбовців:$/m);
  });
});

describe('reading the layout back from letter text', () => {
  test('treats blocks before the capitalised title as the header and the rest as body', () => {
    const blocks = parseLetterText(
      'Кому: прокурору\n\nот: заявителя\n\nЖАЛОБА\nна бездействие\n\nТекст.\n\nПрошу:\n1. Первое\n- второе\n',
    );
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['header', 'header', 'title', 'body', 'body'],
    );
    assert.deepEqual(blocks[4].lines, ['Прошу:', '1. Первое', '- второе']);
  });

  test('has no header when the text has no title', () => {
    assert.deepEqual(
      parseLetterText('просто текст\n\nещё текст').map((b) => b.kind),
      ['body', 'body'],
    );
  });
});

test('an earlier appeal dated only by the report that told of it is said to be sent by that date', () => {
  const ctx = buildLetterContext({
    earlierAppeals: [
      {
        recipient: 'Следственный комитет Российской Федерации',
        sentOn: '2022-11-07',
        sentOnEstimated: true,
        outcome: 'ответ не получен',
      },
    ],
  });
  assert.match(
    renderLetterText('complaint_inaction', ctx),
    /не позднее 07\.11\.2022 — обращение в Следственный комитет Российской Федерации; результат: ответ не получен/,
  );
  assert.match(renderLetterText('icrc_tracing_request', ctx), /by 7 November 2022 — appeal to /);
});
