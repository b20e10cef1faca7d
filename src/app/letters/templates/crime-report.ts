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

/** Report of a crime under УПК РФ ст. 141, 144 (Russian). */
export const crimeReport: LetterTemplate = {
  type: 'crime_report',
  lang: 'ru',
  label: { ru: 'Заявление о преступлении', en: 'Crime report' },
  recipientKinds: ['military_investigative', 'investigative'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'военнослужащего', many: 'военнослужащих' });
    const one = byNumber(ctx, { one: true, many: false });
    const s = ctx.sender;
    return {
      header: header(ctx, 'ru'),
      title: 'ЗАЯВЛЕНИЕ О ПРЕСТУПЛЕНИИ',
      intro:
        `Я, ${s.fullName} (основание обращения: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        `в порядке ст. 141, 144 УПК РФ сообщаю о преступлении в отношении ${who}, ${one ? 'указанного' : 'указанных'} ниже.`,
      persons: `${one ? 'Потерпевший' : 'Потерпевшие'}:\n${personsList(ctx, 'ru')}`,
      facts: factsSection(ctx, 'ru', 'Обстоятельства (с указанием дат и источников сведений):'),
      earlier: earlierAppeals(ctx, 'ru'),
      legal:
        'Изложенные обстоятельства содержат признаки преступлений, предусмотренных, в частности, ст. 127 ' +
        '(незаконное лишение свободы) и ст. 286 (превышение должностных полномочий) УК РФ; окончательную ' +
        'квалификацию прошу дать по результатам проверки.',
      requests: requests(
        'Прошу:',
        [
          'зарегистрировать настоящее сообщение о преступлении и провести проверку в порядке ст. 144, 145 УПК РФ;',
          'возбудить уголовное дело и установить виновных лиц;',
          `незамедлительно принять меры к освобождению ${who} и обеспечению ${one ? 'его' : 'их'} безопасности;`,
          'выдать мне документ о принятии сообщения о преступлении (ст. 144 ч. 4 УПК РФ) и сообщить о принятом решении (ст. 145 ч. 2 УПК РФ).',
        ],
        ctx,
      ),
      closing: 'Об уголовной ответственности за заведомо ложный донос по ст. 306 УК РФ предупреждён(а).',
      attachments: attachments(ctx, 'ru'),
      signature: signature(ctx, 'ru'),
    };
  },
};
