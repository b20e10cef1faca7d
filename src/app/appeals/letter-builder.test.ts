import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ENGLISH_LETTERS, LETTER_TYPES } from '../../domain/appeals/letter-context.js';
import { type SeededAppealCase, seedAppealCase } from '../../testing/appeal-case.js';
import { describeEachEngine } from '../../testing/engines.js';
import { pdfText, squash } from '../../testing/letter-readback.js';
import type { AppContext } from '../context.js';
import { formatDate } from '../letters/format.js';
import { buildLetter } from './letter-builder.js';
import { buildStoredLetterContext } from './letter-context-builder.js';

const actor = { id: 'test:letters' };

describeEachEngine('letters from a stored case', (db) => {
  let seeded: SeededAppealCase;
  let ctx: AppContext;
  before(async () => {
    // Letters are dated and earlier appeals judged as of 25 April 2024, Moscow time.
    ctx = { ...db().app.ctx, now: () => new Date('2024-04-25T09:00:00Z'), timeZone: 'Europe/Moscow' };
    seeded = await seedAppealCase(ctx, actor);
  });

  for (const type of LETTER_TYPES) {
    const lang = ENGLISH_LETTERS.includes(type) ? 'en' : 'ru';
    test(`writes the ${type} letter from the stored record, with the names in Cyrillic and every fact with its date in the PDF`, async () => {
      const letter = await buildLetter({ ctx, interventionId: seeded.appeal.id, type, format: 'pdf' });
      assert.equal(letter.content.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = await pdfText(letter.content);
      for (const name of seeded.names) assert.ok(text.includes(name), `${name} in ${type}`);
      for (const fact of seeded.facts) {
        const line = squash(`${formatDate(fact.date, lang)} — ${fact.text}`);
        assert.ok(text.includes(line), `fact of ${fact.date} in ${type}`);
      }
      assert.ok(!text.includes(seeded.identityFactLine), 'a claim about a name is not a fact');
      assert.equal(letter.undatedClaims, 1);
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
