import type { LetterContext } from '../../../domain/appeals/letter-context.js';
import {
  attachments,
  earlierAppeals,
  factsSection,
  header,
  personsList,
  requests,
  signature,
} from '../format.js';
import type { LetterTemplate } from './letter-template.js';

/** Complaint to a prosecutor about an official's inaction (Russian). */
export const complaintInaction: LetterTemplate = {
  type: 'complaint_inaction',
  lang: 'ru',
  label: { ru: 'Жалоба на бездействие должностных лиц', en: "Complaint about officials' inaction" },
  recipientKinds: ['military_prosecutor', 'prosecutor'],
  build: (ctx: LetterContext) => {
    const s = ctx.sender;
    return {
      header: header(ctx, 'ru'),
      title: 'ЖАЛОБА\nна бездействие должностных лиц',
      intro:
        `Я, ${s.fullName} (основание обращения: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        'обжалую бездействие должностных лиц, которые в установленный законом срок не рассмотрели мои обращения ' +
        'по существу и не приняли мер к защите прав указанных ниже лиц.',
      persons: `Лица, в интересах которых подана жалоба:\n${personsList(ctx, 'ru')}`,
      earlier: earlierAppeals(ctx, 'ru'),
      facts: factsSection(ctx, 'ru', 'Обстоятельства, изложенные в обращениях:'),
      legal:
        'Сроки рассмотрения установлены ст. 144 УПК РФ (сообщение о преступлении — 3 суток, с продлением до 10 ' +
        'и 30 суток) и ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ (обращение — 30 дней со дня регистрации). ' +
        'Жалоба подаётся в порядке ст. 124 УПК РФ и ст. 10, 27 Федерального закона от 17.01.1992 № 2202-1 ' +
        '«О прокуратуре Российской Федерации».',
      requests: requests(
        'Прошу:',
        [
          'провести проверку и признать бездействие должностных лиц незаконным;',
          'принять меры прокурорского реагирования и обязать рассмотреть мои обращения по существу;',
          'рассмотреть вопрос о возбуждении дела об административном правонарушении по ст. 5.59 КоАП РФ;',
          'о результатах рассмотрения жалобы сообщить мне в срок, установленный ст. 124 УПК РФ.',
        ],
        ctx,
      ),
      attachments: attachments(ctx, 'ru'),
      signature: signature(ctx, 'ru'),
    };
  },
};
