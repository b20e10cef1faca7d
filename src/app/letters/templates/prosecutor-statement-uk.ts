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
import { inflectPhraseUk } from '../ukrainian-names.js';
import type { LetterTemplate } from './letter-template.js';
import { FALSE_REPORT_WARNING_UK, UK_CRIMES, UK_RIGHT_TO_LIBERTY } from './ukrainian-law.js';

/** Statement to the Office of the Prosecutor General or a regional prosecutor of Ukraine (Ukrainian). */
export const prosecutorStatementUk: LetterTemplate = {
  type: 'prosecutor_statement_uk',
  lang: 'uk',
  label: {
    ru: 'Заявление в прокуратуру Украины (на украинском)',
    en: 'Statement to a prosecutor of Ukraine (Ukrainian)',
  },
  recipientKinds: ['prosecutor_ua'],
  build: (ctx: LetterContext) => {
    const who = byNumber(ctx, { one: 'військовослужбовця', many: 'військовослужбовців' });
    const one = byNumber(ctx, { one: true, many: false });
    const s = ctx.sender;
    return {
      header: header(ctx, 'uk'),
      title: `ЗАЯВА\nпро незаконне утримання ${who}`,
      intro:
        `Я, ${s.fullName} (підстава звернення: ${s.relation}${s.authority ? `, ${s.authority}` : ''}), ` +
        `звертаюся до ${inflectPhraseUk(ctx.recipient.name, 'gent')} у зв’язку з незаконним утриманням ${who}, ` +
        `${one ? 'зазначеного' : 'зазначених'} нижче.`,
      persons: `${one ? 'Відомості про військовослужбовця' : 'Відомості про військовослужбовців'}:\n${personsList(ctx, 'uk')}`,
      facts: factsSection(ctx, 'uk', 'Відомі мені обставини:'),
      earlier: earlierAppeals(ctx, 'uk'),
      legal:
        `${UK_RIGHT_TO_LIBERTY} Викладені обставини містять ознаки кримінальних правопорушень, передбачених, ` +
        `зокрема, ${UK_CRIMES}. Відповідно до ч. 1 ст. 214 КПК України прокурор невідкладно, але не пізніше ` +
        '24 годин після подання заяви про вчинення кримінального правопорушення, зобов’язаний внести відповідні ' +
        'відомості до Єдиного реєстру досудових розслідувань; процесуальне керівництво досудовим розслідуванням ' +
        'прокурор здійснює згідно зі ст. 131-1 Конституції України та ст. 36 КПК України.',
      requests: requests(
        'Прошу:',
        [
          'забезпечити внесення відомостей до Єдиного реєстру досудових розслідувань і визначити орган досудового розслідування;',
          'здійснювати процесуальне керівництво досудовим розслідуванням і забезпечити його ефективність;',
          `вжити невідкладних заходів для звільнення ${who} та забезпечення ${one ? 'його' : 'їхньої'} безпеки;`,
          'повідомити мене про прийняте рішення в строк, установлений ст. 20 Закону України від 02.10.1996 № 393/96-ВР «Про звернення громадян».',
        ],
        ctx,
      ),
      closing: FALSE_REPORT_WARNING_UK,
      attachments: attachments(ctx, 'uk'),
      signature: signature(ctx, 'uk'),
    };
  },
};
