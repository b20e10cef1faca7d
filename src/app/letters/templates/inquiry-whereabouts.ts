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

/** Inquiry about a serviceman's whereabouts and status (Russian). */
export const inquiryWhereabouts: LetterTemplate = {
  type: 'inquiry_whereabouts',
  lang: 'ru',
  label: {
    ru: 'Запрос о местонахождении и статусе военнослужащего',
    en: "Inquiry about a serviceman's whereabouts and status",
  },
  recipientKinds: ['ministry', 'military_prosecutor'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'военнослужащего', many: 'военнослужащих' });
    const one = byNumber(ctx, { one: true, many: false });
    const s = ctx.sender;
    return {
      header: header(ctx, 'ru'),
      title: `ЗАЯВЛЕНИЕ\nо предоставлении сведений о местонахождении и статусе ${who}`,
      intro:
        `Я, ${s.fullName}, обращаюсь в интересах ${who}, ${one ? 'указанного' : 'указанных'} ниже (основание обращения: ${s.relation}` +
        `${s.authority ? `, ${s.authority}` : ''}). С ${one ? 'ним' : 'ними'} нет связи, и у меня есть основания опасаться за ${one ? 'его' : 'их'} жизнь и свободу.`,
      persons: `Сведения о ${one ? 'военнослужащем' : 'военнослужащих'}:\n${personsList(ctx, 'ru')}`,
      facts: factsSection(ctx, 'ru', 'Известные мне обстоятельства:'),
      earlier: earlierAppeals(ctx, 'ru'),
      legal:
        'Обращаюсь на основании ст. 33 Конституции Российской Федерации и Федерального закона от 02.05.2006 № 59-ФЗ ' +
        '«О порядке рассмотрения обращений граждан Российской Федерации».',
      requests: requests(
        'Прошу:',
        [
          one
            ? 'сообщить, где в настоящее время находится указанный военнослужащий, и его статус (место службы, задержан, госпитализирован, пропал без вести);'
            : `сообщить, где в настоящее время находится каждый из указанных ${who}, и его статус (место службы, задержан, госпитализирован, пропал без вести);`,
          one
            ? 'если он ограничен в свободе — сообщить, кем, на каком основании и где, и обеспечить ему связь с родственниками и защитником;'
            : 'если кто-либо из них ограничен в свободе — сообщить, кем, на каком основании и где, и обеспечить ему связь с родственниками и защитником;',
          'в случае отсутствия сведений — организовать розыск и сообщить о его результатах.',
        ],
        ctx,
      ),
      closing:
        'Ответ прошу дать в письменной форме в срок, установленный ст. 12 Федерального закона № 59-ФЗ, ' +
        `по адресу: ${s.postalAddress}${s.email ? `, или по электронной почте ${s.email}` : ''}.`,
      attachments: attachments(ctx, 'ru'),
      signature: signature(ctx, 'ru'),
    };
  },
};
