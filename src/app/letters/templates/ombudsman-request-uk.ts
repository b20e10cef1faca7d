import type { LetterContext } from '../../../domain/appeals/letter-context.js';
import {
  attachments,
  byNumber,
  earlierAppeals,
  factsSection,
  header,
  personsList,
  requests,
  signature,
} from '../format.js';
import type { LetterTemplate } from './letter-template.js';
import { UK_RIGHT_TO_LIBERTY } from './ukrainian-law.js';

/** Request to the Ukrainian Parliament Commissioner for Human Rights (Ukrainian). */
export const ombudsmanRequestUk: LetterTemplate = {
  type: 'ombudsman_request_uk',
  lang: 'uk',
  label: {
    ru: 'Обращение к Уполномоченному Верховной Рады Украины по правам человека (на украинском)',
    en: 'Request to the Ukrainian Parliament Commissioner for Human Rights (Ukrainian)',
  },
  recipientKinds: ['ombudsman_ua'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'військовослужбовця', many: 'військовослужбовців' });
    const named = byNumber(ctx, { one: 'зазначеного', many: 'зазначених' });
    const s = ctx.sender;
    return {
      header: header(ctx, 'uk'),
      title: `ЗВЕРНЕННЯ\nщодо порушення прав ${who}`,
      intro:
        `Я, ${s.fullName} (підстава звернення: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        'відповідно до ст. 55 Конституції України та ст. 17 Закону України від 23.12.1997 № 776/97-ВР ' +
        '«Про Уповноваженого Верховної Ради України з прав людини» звертаюся у зв’язку з порушенням прав ' +
        `${who}, ${named} нижче.`,
      persons: personsList(ctx, 'uk'),
      facts: factsSection(ctx, 'uk', 'Обставини:'),
      earlier: earlierAppeals(ctx, 'uk'),
      legal: UK_RIGHT_TO_LIBERTY,
      requests: requests(
        'Прошу:',
        [
          'прийняти звернення до розгляду;',
          `запитати в командування, Міністерства оборони України та органів прокуратури відомості про місцеперебування та становище ${who};`,
          'сприяти поновленню порушених прав, зокрема звернутися до компетентних органів щодо початку досудового розслідування;',
          'повідомити мене про вжиті заходи.',
        ],
        ctx,
      ),
      attachments: attachments(ctx, 'uk'),
      signature: signature(ctx, 'uk'),
    };
  },
};
