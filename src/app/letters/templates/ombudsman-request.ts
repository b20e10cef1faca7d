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

/** Request to the High Commissioner for Human Rights (Russian). */
export const ombudsmanRequest: LetterTemplate = {
  type: 'ombudsman_request',
  lang: 'ru',
  label: { ru: 'Обращение к Уполномоченному по правам человека', en: 'Request to the Ombudsman' },
  recipientKinds: ['ombudsman'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'военнослужащего', many: 'военнослужащих' });
    const named = byNumber(ctx, { one: 'указанного', many: 'указанных' });
    const s = ctx.sender;
    return {
      header: header(ctx, 'ru'),
      title: `ОБРАЩЕНИЕ\nо нарушении прав ${who}`,
      intro:
        `Я, ${s.fullName} (основание обращения: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        `обращаюсь в соответствии со ст. 15, 16 Федерального конституционного закона от 26.02.1997 № 1-ФКЗ ` +
        `«Об Уполномоченном по правам человека в Российской Федерации» в связи с нарушением прав ${who}, ${named} ниже.`,
      persons: personsList(ctx, 'ru'),
      facts: factsSection(ctx, 'ru', 'Обстоятельства:'),
      earlier: earlierAppeals(ctx, 'ru'),
      requests: requests(
        'Прошу:',
        [
          'принять обращение к рассмотрению;',
          `запросить у командования, Министерства обороны и органов военной прокуратуры сведения о местонахождении и положении ${who};`,
          'содействовать восстановлению нарушенных прав, в том числе обратиться в компетентные органы с ходатайством о возбуждении уголовного дела;',
          'сообщить мне о принятых мерах.',
        ],
        ctx,
      ),
      attachments: attachments(ctx, 'ru'),
      signature: signature(ctx, 'ru'),
    };
  },
};
