import type { Lang } from '../letters/format.js';

/**
 * Words a letter uses for stored vocabulary values, in the letter's language. Kept as data so a
 * lawyer can correct the wording without touching the builder.
 */
export const PERSON_STATUS_WORDS: Record<string, Record<Lang, string>> = {
  mobilized: { ru: 'мобилизован', uk: 'мобілізований', en: 'mobilized' },
  deployed: {
    ru: 'направлен в зону боевых действий',
    uk: 'направлений у зону бойових дій',
    en: 'deployed to the combat zone',
  },
  refused: {
    ru: 'отказался участвовать в боевых действиях',
    uk: 'відмовився брати участь у бойових діях',
    en: 'refused to take part in combat',
  },
  detained: { ru: 'удерживается', uk: 'утримується', en: 'detained' },
  released: { ru: 'освобождён', uk: 'звільнений', en: 'released' },
  missing: { ru: 'местонахождение неизвестно', uk: 'місцеперебування невідоме', en: 'whereabouts unknown' },
  killed: { ru: 'погиб', uk: 'загинув', en: 'killed' },
  deserted: { ru: 'оставил часть', uk: 'залишив частину', en: 'left his unit' },
  unknown: { ru: 'неизвестно', uk: 'невідомо', en: 'unknown' },
};

export const SENDER_RELATION_WORDS: Record<string, Record<Lang, string>> = {
  relatives: { ru: 'родственник', uk: 'родич', en: 'a relative' },
  lawyer: { ru: 'защитник (адвокат)', uk: 'захисник (адвокат)', en: 'the lawyer' },
  detainees: { ru: 'лично', uk: 'особисто', en: 'in person' },
  ngo: { ru: 'правозащитная организация', uk: 'правозахисна організація', en: 'a human-rights organisation' },
  other: { ru: 'заявитель', uk: 'заявник', en: 'the applicant' },
};

export const CHANNEL_WORDS: Record<string, Record<Lang, string>> = {
  post: { ru: 'почтой', uk: 'поштою', en: 'by post' },
  online_reception: {
    ru: 'через интернет-приёмную',
    uk: 'через інтернет-приймальню',
    en: 'through the online reception',
  },
  email: { ru: 'по электронной почте', uk: 'електронною поштою', en: 'by e-mail' },
  in_person: { ru: 'лично', uk: 'особисто', en: 'in person' },
  fax: { ru: 'по факсу', uk: 'факсом', en: 'by fax' },
};

export const SOURCE_KIND_WORDS: Record<string, Record<Lang, string>> = {
  news_report: { ru: 'сообщение СМИ', uk: 'повідомлення ЗМІ', en: 'news report' },
  letter: { ru: 'письмо', uk: 'лист', en: 'letter' },
  testimony: { ru: 'показания', uk: 'свідчення', en: 'testimony' },
  phone_call: { ru: 'телефонный разговор', uk: 'телефонна розмова', en: 'phone call' },
  official_reply: { ru: 'официальный ответ', uk: 'офіційна відповідь', en: 'official reply' },
  document: { ru: 'документ', uk: 'документ', en: 'document' },
  intake_submission: {
    ru: 'обращение в организацию',
    uk: 'звернення до організації',
    en: 'report to the organisation',
  },
  spreadsheet: { ru: 'таблица', uk: 'таблиця', en: 'spreadsheet' },
};

/** Placeholder for what the sender writes in by hand (an address Vigil does not store). */
export const BLANK = '____________________';

/** What was done, as a letter names each act type (a noun phrase in the nominative). */
export const ACT_WORDS: Record<string, Record<Lang, string>> = {
  arbitrary_detention: {
    ru: 'незаконное лишение свободы',
    uk: 'незаконне позбавлення волі',
    en: 'arbitrary detention',
  },
  incommunicado_detention: {
    ru: 'содержание без связи с внешним миром',
    uk: 'утримання без зв’язку із зовнішнім світом',
    en: 'incommunicado detention',
  },
  enforced_disappearance: {
    ru: 'насильственное исчезновение',
    uk: 'насильницьке зникнення',
    en: 'enforced disappearance',
  },
  threat_of_execution: { ru: 'угрозы расстрелом', uk: 'погрози розстрілом', en: 'threats of execution' },
  threat_of_violence: {
    ru: 'угрозы применением насилия',
    uk: 'погрози застосуванням насильства',
    en: 'threats of violence',
  },
  torture: { ru: 'пытки', uk: 'катування', en: 'torture' },
  beating: { ru: 'избиения', uk: 'побиття', en: 'beatings' },
  ill_treatment: { ru: 'жестокое обращение', uk: 'жорстоке поводження', en: 'ill-treatment' },
  denial_of_food: { ru: 'лишение пищи', uk: 'позбавлення їжі', en: 'denial of food' },
  denial_of_water: { ru: 'лишение воды', uk: 'позбавлення води', en: 'denial of water' },
  denial_of_hygiene: {
    ru: 'лишение возможности соблюдать гигиену',
    uk: 'позбавлення можливості дотримуватися гігієни',
    en: 'denial of hygiene',
  },
  denial_of_medical_care: {
    ru: 'отказ в медицинской помощи',
    uk: 'відмова в медичній допомозі',
    en: 'denial of medical care',
  },
  forced_return_to_combat: {
    ru: 'принуждение к возвращению в зону боевых действий',
    uk: 'примус до повернення в зону бойових дій',
    en: 'forced return to combat',
  },
  forced_labour: { ru: 'принудительный труд', uk: 'примусова праця', en: 'forced labour' },
  unlawful_mobilization: {
    ru: 'незаконная мобилизация',
    uk: 'незаконна мобілізація',
    en: 'unlawful mobilization',
  },
  mobilization_despite_exemption: {
    ru: 'мобилизация вопреки отсрочке',
    uk: 'мобілізація всупереч відстрочці',
    en: 'mobilization despite an exemption',
  },
  inadequate_training: {
    ru: 'направление в бой без подготовки',
    uk: 'направлення в бій без підготовки',
    en: 'sent to combat without training',
  },
  extortion: { ru: 'вымогательство', uk: 'вимагання', en: 'extortion' },
  confiscation_of_documents_or_phones: {
    ru: 'изъятие документов и телефонов',
    uk: 'вилучення документів і телефонів',
    en: 'confiscation of documents or phones',
  },
  extrajudicial_killing: { ru: 'внесудебная казнь', uk: 'позасудова страта', en: 'extrajudicial killing' },
  criminal_prosecution: {
    ru: 'уголовное преследование',
    uk: 'кримінальне переслідування',
    en: 'criminal prosecution',
  },
  pressure_to_withdraw_refusal: {
    ru: 'давление с целью принудить отозвать отказ от участия в боевых действиях',
    uk: 'тиск із метою примусити відкликати відмову від участі в бойових діях',
    en: 'pressure to withdraw a refusal to fight',
  },
};

/**
 * Place kinds as a Russian letter names the place after "в" (prepositional case), and as a
 * Ukrainian letter names it with its own preposition ("у населеному пункті", "на полігоні").
 */
export const PLACE_KIND_WORDS: Record<string, Record<Lang, string>> = {
  settlement: { ru: 'населённом пункте', uk: 'у населеному пункті', en: '' },
  detention_facility: { ru: 'месте содержания', uk: 'у місці утримання', en: 'the detention facility' },
  base: { ru: 'расположении', uk: 'у розташуванні', en: 'the base' },
  training_ground: { ru: 'полигоне', uk: 'на полігоні', en: 'the training ground' },
};
