import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';
import { extractReport } from './extract-report.js';
import { findReply } from './replies.js';
import type { Span } from './types.js';

const schema = JSON.parse(
  readFileSync(new URL('../../contracts/extraction.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const quoted = (text: string, item: { spans: Span[] } | null) =>
  item ? item.spans.map((s) => text.slice(s.start, s.end)).join(' | ') : null;

test('recognises a reply forwarding the appeal "по принадлежности", with the body it went to', () => {
  const text = REPLY_LETTERS.forwarded.join('\n');
  const extraction = extractReport({ content: text, mediaType: 'text/plain' });
  assert.ok(validate(extraction), JSON.stringify(validate.errors));
  const reply = extraction.reply;
  assert.ok(reply);
  assert.equal(reply.outcome.value, 'forwarded');
  assert.equal(reply.forwardedTo?.name, 'военную прокуратуру Новочеркасского гарнизона');
  assert.equal(
    quoted(text, reply.from),
    'ПРОКУРАТУРА РОССИЙСКОЙ ФЕДЕРАЦИИ | Военная прокуратура Южного военного округа',
  );
  assert.deepEqual([reply.date?.value, reply.outgoingNumber?.value], ['2024-03-12', '7/1-215-2024']);
  assert.equal(quoted(text, reply.date), '12.03.2024');
  assert.deepEqual([reply.answersTo.date?.value, reply.answersTo.number?.value], ['2024-02-20', '14']);
  assert.equal(reply.answersTo.appellant?.name, 'Ивановой Марии Петровне');
  assert.equal(reply.newDeadline, null);
});

test('recognises an extension of the term under art. 12 with the new deadline, and a refusal under the UPK', () => {
  const extended = findReply(REPLY_LETTERS.extended.join('\n'));
  assert.equal(extended?.outcome.value, 'extended');
  assert.equal(extended?.newDeadline?.value, '2024-05-10');
  assert.equal(extended?.answersTo.date?.value, '2024-03-11');
  const refused = findReply(REPLY_LETTERS.refused.join('\n'));
  assert.equal(refused?.outcome.value, 'refused');
  assert.equal(refused?.answersTo.number?.value, '3');
  assert.equal(refused?.outgoingNumber?.value, '112-2024');
});

test('recognises a check under way and a Ukrainian answer', () => {
  assert.equal(findReply(REPLY_LETTERS.checkUnderWay.join('\n'))?.outcome.value, 'check_under_way');
  const uk = findReply(REPLY_LETTERS.answeredUk.join('\n'));
  assert.equal(uk?.outcome.value, 'answered');
  assert.equal(uk?.from?.name, 'ОФІС ГЕНЕРАЛЬНОГО ПРОКУРОРА');
  assert.equal(uk?.answersTo.appellant?.name, 'Шевченко Оксані Іванівні');
});

test('reads other wordings: number before date, dates in words, "для рассмотрения в" without a letterhead', () => {
  const text = [
    'Командование войсковой части 12345',
    '№ 3/118 от 2 апреля 2024 г.',
    'Гражданину Петрову И. С.',
    'На Ваше заявление от 14 марта 2024 г. № 77-П сообщаю, что оно перенаправлено',
    'для рассмотрения в военный комиссариат Ростовской области.',
  ].join('\n');
  const reply = findReply(text);
  assert.ok(reply);
  assert.deepEqual([reply.date?.value, reply.outgoingNumber?.value], ['2024-04-02', '3/118']);
  assert.deepEqual([reply.answersTo.date?.value, reply.answersTo.number?.value], ['2024-03-14', '77-П']);
  assert.equal(reply.outcome.value, 'forwarded');
  assert.equal(reply.forwardedTo?.name, 'военный комиссариат Ростовской области');
  assert.equal(quoted(text, reply.answersTo.date), '14 марта 2024');
});

test('finds no reply in a news report that mentions appeals and a check', () => {
  const news =
    'Жены мобилизованных обратились в военную прокуратуру 12.03.2024. По их словам, мужчин держат в подвале. ' +
    'В прокуратуре ответили, что проводится проверка.';
  const extraction = extractReport({ content: news, mediaType: 'text/plain' });
  assert.equal(extraction.reply, undefined);
  assert.ok(validate(extraction), JSON.stringify(validate.errors));
});
