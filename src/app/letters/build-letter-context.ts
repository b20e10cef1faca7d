import type { LetterContext } from '../../domain/appeals/letter-context.js';

/**
 * A sample case for tests and previews, modelled on the kind of report Vigil receives. Names and
 * units are invented; every call returns a fresh object so tests cannot share state.
 */
export function buildLetterContext(overrides: Partial<LetterContext> = {}): LetterContext {
  return {
    sender: {
      fullName: 'Кашина Мария Сергеевна',
      fullNameLatin: 'Kashina Mariya Sergeyevna',
      postalAddress: '410012, г. Саратов, ул. Примерная, д. 1, кв. 2',
      email: 'sender@example.org',
      relation: 'жена Кашина А. В.',
      relationEn: 'the wife of Aleksey Kashin',
    },
    recipient: {
      id: 'gvsu_skr',
      addressee:
        'Руководителю Главного военного следственного управления Следственного комитета Российской Федерации',
      name: 'Главное военное следственное управление СК России',
    },
    persons: [
      {
        fullName: 'Кашин Алексей Викторович',
        fullNameLatin: 'Kashin Aleksey Viktorovich',
        birthDate: '1988-04-17',
        rank: 'рядовой',
        unit: 'в/ч 00000',
        service: 'мобилизован 23.09.2022 военным комиссариатом г. Саратова',
        places: ['подвал в селе Примерное Донецкой области'],
        status: 'удерживается командованием в подвале, связи нет',
        statusEn: 'held by his command in a basement, no contact',
        notes: 'работник оборонного предприятия с отсрочкой от мобилизации',
      },
      {
        fullName: 'Ёлкин Юрий Дмитриевич',
        fullNameLatin: 'Yolkin Yuriy Dmitriyevich',
        birthYear: 1979,
        rank: 'рядовой',
        unit: 'в/ч 00000',
        places: ['подвал в селе Примерное Донецкой области'],
        status: 'удерживается вместе с Кашиным А. В.',
        statusEn: 'held together with A. V. Kashin',
      },
    ],
    facts: [
      {
        date: '2024-03-12',
        text: 'Кашин А. В. и ещё 20 мобилизованных, отказавшихся идти в штурм, помещены командованием в подвал',
        textEn:
          'A. V. Kashin and 20 other mobilized men who refused to join an assault were locked in a basement by their command',
        sourceTitle: 'Телефонный звонок Кашина А. В. жене',
      },
      {
        date: '2024-03-15',
        text: 'заместитель командира роты по военно-политической работе пригрозил задержанным расстрелом',
        textEn:
          "the company's deputy commander for military-political work threatened the detainees with execution",
        sourceTitle: 'Сообщение СМИ «Мобилизованных держат в подвале»',
        sourceUrl: 'https://example.org/news/2024/03/basement',
      },
      {
        date: '2024-03-20',
        text: 'задержанных не кормят; восемь из них имели отсрочку как работники оборонного предприятия',
        textEn: 'the detainees are not fed; eight of them were exempt as defence-industry workers',
        sourceTitle: 'Письмо жён задержанных',
      },
    ],
    earlierAppeals: [
      {
        recipient: 'Следственный комитет РФ',
        sentOn: '2024-03-18',
        outcome: 'ответа нет',
        reference: 'интернет-приёмная',
      },
    ],
    today: '2024-04-25',
    caseReference: 'V-2024-014',
    attachments: ['копия свидетельства о браке'],
    ...overrides,
  };
}
