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

/** Urgent-action communication to the UN Working Group on Arbitrary Detention (English). */
export const unWgadUrgentAction: LetterTemplate = {
  type: 'un_wgad_urgent_action',
  lang: 'en',
  label: {
    ru: 'Срочное обращение в Рабочую группу ООН по произвольным задержаниям',
    en: 'UN WGAD urgent-action communication',
  },
  recipientKinds: ['international'],
  build: (ctx: LetterContext) => {
    const s = ctx.sender;
    const relation = s.relationEn ?? s.relation;
    return {
      header: header(ctx, 'en'),
      title: 'URGENT APPEAL\nRequest for urgent action: arbitrary detention in the Russian Federation',
      intro:
        `This communication is submitted by ${s.fullNameLatin ?? s.fullName} (${relation}). It concerns the ` +
        'persons below, held by the Russian military without any judicial decision, and asks the Working Group to ' +
        'act under its urgent action procedure because of the risk to their life and physical integrity.',
      persons: `1. Identity of the person(s) concerned (nationality: Russian Federation):\n${personsList(ctx, 'en')}`,
      facts: factsSection(ctx, 'en', '2. Facts of the deprivation of liberty, with their dates and sources:'),
      earlier: `3. Domestic remedies pursued:\n${earlierAppeals(ctx, 'en')}`,
      legal:
        '4. The deprivation of liberty has no legal basis and no judicial control (category I) and punishes the ' +
        'refusal to take part in hostilities (category II); it is arbitrary under article 9 of the Universal ' +
        'Declaration of Human Rights and article 9 of the International Covenant on Civil and Political Rights.',
      requests: requests(
        '5. The source asks the Working Group to:',
        [
          'transmit an urgent appeal to the Government of the Russian Federation;',
          'ask the Government to disclose the whereabouts of the persons concerned, release them, and guarantee their physical integrity and contact with their families and lawyers.',
        ],
        ctx,
      ),
      attachments: attachments(ctx, 'en'),
      signature: signature(ctx, 'en'),
    };
  },
};
