import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const appeals = (text: string) => extractText(text).appeals.map(({ to, by, status }) => ({ to, by, status }));

test('finds an appeal by relatives that got no reply', () => {
  assert.deepEqual(
    appeals('The relatives have written to the Investigative Committee, but haven’t yet received a reply.'),
    [{ to: 'Investigative Committee of Russia', by: 'relatives', status: 'no_reply' }],
  );
});

test('finds appeals to several recipients in Russian', () => {
  assert.deepEqual(
    appeals(
      'Жены обратились в военную прокуратуру и к уполномоченному по правам человека, но ответа пока нет.',
    ),
    [
      { to: "Military Prosecutor's Office", by: 'relatives', status: 'no_reply' },
      { to: 'Human Rights Commissioner', by: 'relatives', status: 'no_reply' },
    ],
  );
});

test('finds a refused complaint by a lawyer in Ukrainian', () => {
  assert.deepEqual(appeals('Адвокат подав скаргу до військової прокуратури, але йому відмовили.'), [
    { to: "Military Prosecutor's Office", by: 'lawyer', status: 'refused' },
  ]);
});

test('finds an answered appeal', () => {
  assert.deepEqual(appeals('The mothers complained to the Ministry of Defence and it replied.'), [
    { to: 'Ministry of Defence of Russia', by: 'relatives', status: 'answered' },
  ]);
});

test('reads the outcome told later about the same recipient', () => {
  assert.deepEqual(
    appeals(
      'The families sent a complaint to the Investigative Committee and to the ICRC. The Investigative Committee refused. The Red Cross did not respond.',
    ),
    [
      { to: 'Investigative Committee of Russia', by: 'relatives', status: 'refused' },
      { to: 'ICRC', by: 'relatives', status: 'no_reply' },
    ],
  );
});

test('finds appeals written with other verbs and plural no-reply phrases', () => {
  assert.deepEqual(appeals('Мати писала до Міноборони — відповіді досі немає.'), [
    { to: 'Ministry of Defence of Russia', by: 'relatives', status: 'no_reply' },
  ]);
  assert.deepEqual(appeals('Адвокат подал заявление в военную прокуратуру, но получил отказ.'), [
    { to: "Military Prosecutor's Office", by: 'lawyer', status: 'refused' },
  ]);
  assert.deepEqual(appeals('The group asked the ICRC to visit them; it has not responded.'), [
    { to: 'ICRC', by: 'other', status: 'no_reply' },
  ]);
});

test('leaves out a body named in a relative clause about the recipient', () => {
  assert.deepEqual(
    appeals('The mother contacted the ombudsman, which forwarded the letter to the Defence Ministry.'),
    [{ to: 'Human Rights Commissioner', by: 'relatives', status: 'unknown' }],
  );
});

test('keeps the military district or garrison of a recipient as part of its name', () => {
  assert.deepEqual(
    appeals('Семьи обратились в военную прокуратуру Центрального военного округа. Ответа нет.'),
    [
      {
        to: "Military Prosecutor's Office of the Central Military District",
        by: 'relatives',
        status: 'no_reply',
      },
    ],
  );
  assert.deepEqual(appeals('Жены написали в военную прокуратуру ставропольского гарнизона.'), [
    { to: "Military Prosecutor's Office of the Stavropol Garrison", by: 'relatives', status: 'unknown' },
  ]);
  assert.deepEqual(appeals('Родичі звернулися до військової прокуратури ЮВО.'), [
    {
      to: "Military Prosecutor's Office of the Southern Military District",
      by: 'relatives',
      status: 'unknown',
    },
  ]);
});

test('an appeal nothing more is said of, or made in person or over and over, has an unknown outcome', () => {
  assert.deepEqual(appeals('The wives wrote to the Investigative Committee.'), [
    { to: 'Investigative Committee of Russia', by: 'relatives', status: 'unknown' },
  ]);
  assert.deepEqual(appeals('Матері вийшли до будівлі військової прокуратури.'), [
    { to: "Military Prosecutor's Office", by: 'relatives', status: 'unknown' },
  ]);
  assert.deepEqual(appeals('Жены обрывают телефоны военной прокуратуры.'), [
    { to: "Military Prosecutor's Office", by: 'relatives', status: 'unknown' },
  ]);
});

test('reads the outcome a few sentences on, unless another body is appealed to first', () => {
  assert.deepEqual(
    appeals(
      'Жены мобилизованных обратились к уполномоченному по правам человека. Их мужья на передовой. Письменные обращения приняты в работу.',
    ),
    [{ to: 'Human Rights Commissioner', by: 'relatives', status: 'answered' }],
  );
  assert.deepEqual(
    appeals(
      'Дружини звернулися до військової прокуратури. Потім вони написали до Червоного Хреста. Відповіді не отримали.',
    ).map((a) => a.status),
    ['unknown', 'no_reply'],
  );
});

test('the men refusing to fight is not an appeal refused', () => {
  assert.deepEqual(
    appeals('The mothers wrote to the military prosecutor. Their sons refused to fight and were locked up.'),
    [{ to: "Military Prosecutor's Office", by: 'relatives', status: 'unknown' }],
  );
  assert.deepEqual(appeals('Матери обратились в военную прокуратуру. Их сыновья отказались воевать.'), [
    { to: "Military Prosecutor's Office", by: 'relatives', status: 'unknown' },
  ]);
});

test("a prosecutor's office keeps the territory named with it, not the town of the sentence", () => {
  assert.deepEqual(appeals('Родственники обратились в прокуратуру Ленинского района.'), [
    { to: "Prosecutor's Office of Leninsky District", by: 'relatives', status: 'unknown' },
  ]);
  assert.deepEqual(appeals('У Харкові мати написала скаргу до прокуратури.'), [
    { to: "Prosecutor's Office", by: 'relatives', status: 'unknown' },
  ]);
});

const dated = (text: string, published?: string) =>
  extractText(text, published).appeals.map(({ to, date, dateEstimated }) => ({ to, date, dateEstimated }));

test('dates an appeal by the day its sentence gives, the year from the publication date', () => {
  assert.deepEqual(
    dated('On 2 October the wives wrote to the Investigative Committee. Nobody replied.', '2022-11-07'),
    [{ to: 'Investigative Committee of Russia', date: '2022-10-02', dateEstimated: false }],
  );
  assert.deepEqual(dated('12 сентября 2023 года матери обратились в военную прокуратуру.', '2023-10-01'), [
    { to: "Military Prosecutor's Office", date: '2023-09-12', dateEstimated: false },
  ]);
});

test('dates an undated appeal by the publication date, marked estimated', () => {
  assert.deepEqual(dated('The relatives have written to the Investigative Committee.', '2022-11-07'), [
    { to: 'Investigative Committee of Russia', date: '2022-11-07', dateEstimated: true },
  ]);
  assert.deepEqual(dated('The relatives have written to the Investigative Committee.'), [
    { to: 'Investigative Committee of Russia', date: undefined, dateEstimated: undefined },
  ]);
});

test('appeals made in person, by phone or in the letter itself name their recipient', () => {
  const to = (text: string) => extractText(text).appeals.map((a) => a.to);
  assert.deepEqual(to('Жінки прийшли до військкомату міста Ровеньки.'), ['Military Commissariat of Rovenki']);
  assert.deepEqual(to('Они пытались связаться с губернатором Новосибирской области.'), [
    'Governor of Novosibirsk Oblast',
  ]);
  assert.deepEqual(to('I ask the president of our country and the defence minister to help us.'), [
    'President of Russia',
    'Ministry of Defence of Russia',
  ]);
});

test('"wrote" with the recipient in the dative is an appeal', () => {
  const to = (text: string) => extractText(text).appeals.map((a) => a.to);
  assert.deepEqual(to('Мать написала Уполномоченному по правам человека.'), ['Human Rights Commissioner']);
  assert.deepEqual(to('Мать написала пост о сыне.'), []);
});
