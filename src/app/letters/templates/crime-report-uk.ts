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
import { FALSE_REPORT_WARNING_UK, UK_CRIMES } from './ukrainian-law.js';

/** Report of a criminal offence under КПК України ст. 214 to the State Bureau of Investigation (Ukrainian). */
export const crimeReportUk: LetterTemplate = {
  type: 'crime_report_uk',
  lang: 'uk',
  label: {
    ru: 'Заявление о преступлении в ГБР Украины (на украинском)',
    en: 'Crime report to the State Bureau of Investigation of Ukraine (Ukrainian)',
  },
  recipientKinds: ['investigative_ua', 'prosecutor_ua'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'військовослужбовця', many: 'військовослужбовців' });
    const one = byNumber(ctx, { one: true, many: false });
    const s = ctx.sender;
    return {
      header: header(ctx, 'uk'),
      title: 'ЗАЯВА\nпро вчинення кримінального правопорушення',
      intro:
        `Я, ${s.fullName} (підстава звернення: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        'відповідно до ст. 214 Кримінального процесуального кодексу України повідомляю про вчинення ' +
        `кримінального правопорушення щодо ${who}, ${one ? 'зазначеного' : 'зазначених'} нижче.`,
      persons: `${one ? 'Потерпілий' : 'Потерпілі'}:\n${personsList(ctx, 'uk')}`,
      facts: factsSection(ctx, 'uk', 'Обставини (із зазначенням дат і джерел відомостей):'),
      earlier: earlierAppeals(ctx, 'uk'),
      legal:
        `Викладені обставини містять ознаки кримінальних правопорушень, передбачених, зокрема, ${UK_CRIMES}; ` +
        'остаточну правову кваліфікацію прошу надати за результатами досудового розслідування. Відповідно до ' +
        'ч. 4 ст. 216 КПК України досудове розслідування військових кримінальних правопорушень здійснюють ' +
        'слідчі органів Державного бюро розслідувань.',
      requests: requests(
        'Прошу:',
        [
          'невідкладно, але не пізніше 24 годин після отримання цієї заяви, внести відомості про кримінальне правопорушення до Єдиного реєстру досудових розслідувань і розпочати досудове розслідування (ч. 1 ст. 214 КПК України);',
          'встановити винних осіб і притягнути їх до відповідальності;',
          `невідкладно вжити заходів для звільнення ${who} та забезпечення ${one ? 'його' : 'їхньої'} безпеки;`,
          'видати мені документ, що підтверджує прийняття і реєстрацію заяви (п. 1 ч. 1 ст. 60 КПК України), і витяг з Єдиного реєстру досудових розслідувань.',
        ],
        ctx,
      ),
      closing: FALSE_REPORT_WARNING_UK,
      attachments: attachments(ctx, 'uk'),
      signature: signature(ctx, 'uk'),
    };
  },
};
