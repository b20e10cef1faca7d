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

/** Tracing request to the ICRC (English). */
export const icrcTracingRequest: LetterTemplate = {
  type: 'icrc_tracing_request',
  lang: 'en',
  label: { ru: 'Запрос в МККК о розыске', en: 'ICRC tracing request' },
  recipientKinds: ['international'],
  build: (ctx: LetterContext) => {
    const s = ctx.sender;
    const relation = s.relationEn ?? s.relation;
    return {
      header: header(ctx, 'en'),
      title:
        'TRACING REQUEST\nServicemen of the Russian armed forces deprived of liberty by their own command',
      intro:
        `I, ${s.fullNameLatin ?? s.fullName}, write as ${relation} of the person(s) below. Their families have lost ` +
        'contact with them and have reason to fear for their life and safety. I ask the ICRC to trace them and, ' +
        'if they are held, to seek access to them.',
      persons: `Person(s) sought:\n${personsList(ctx, 'en')}`,
      facts: factsSection(ctx, 'en', 'Known facts, with their dates and sources:'),
      earlier: earlierAppeals(ctx, 'en'),
      requests: requests(
        'I request that the ICRC:',
        [
          'open a tracing case for each person listed;',
          'seek information on their whereabouts and situation from the authorities concerned;',
          'if they are deprived of liberty, seek to visit them and to restore contact with their families.',
        ],
        ctx,
      ),
      closing: `Please reply to ${s.postalAddress}${s.email ? ` or ${s.email}` : ''}.`,
      attachments: attachments(ctx, 'en'),
      signature: signature(ctx, 'en'),
    };
  },
};
