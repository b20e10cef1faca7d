import type { Lang } from '../letters/format.js';

/**
 * Words a letter uses for stored vocabulary values, in the letter's language. Kept as data so a
 * lawyer can correct the wording without touching the builder.
 */
export const PERSON_STATUS_WORDS: Record<string, Record<Lang, string>> = {
  mobilized: { ru: 'мобилизован', en: 'mobilized' },
  deployed: { ru: 'направлен в зону боевых действий', en: 'deployed to the combat zone' },
  refused: { ru: 'отказался участвовать в боевых действиях', en: 'refused to take part in combat' },
  detained: { ru: 'удерживается', en: 'detained' },
  released: { ru: 'освобождён', en: 'released' },
  missing: { ru: 'местонахождение неизвестно', en: 'whereabouts unknown' },
  killed: { ru: 'погиб', en: 'killed' },
  deserted: { ru: 'оставил часть', en: 'left his unit' },
  unknown: { ru: 'неизвестно', en: 'unknown' },
};

export const SENDER_RELATION_WORDS: Record<string, Record<Lang, string>> = {
  relatives: { ru: 'родственник', en: 'a relative' },
  lawyer: { ru: 'защитник (адвокат)', en: 'the lawyer' },
  detainees: { ru: 'лично', en: 'in person' },
  ngo: { ru: 'правозащитная организация', en: 'a human-rights organisation' },
  other: { ru: 'заявитель', en: 'the applicant' },
};

export const CHANNEL_WORDS: Record<string, Record<Lang, string>> = {
  post: { ru: 'почтой', en: 'by post' },
  online_reception: { ru: 'через интернет-приёмную', en: 'through the online reception' },
  email: { ru: 'по электронной почте', en: 'by e-mail' },
  in_person: { ru: 'лично', en: 'in person' },
  fax: { ru: 'по факсу', en: 'by fax' },
};

export const SOURCE_KIND_WORDS: Record<string, Record<Lang, string>> = {
  news_report: { ru: 'сообщение СМИ', en: 'news report' },
  letter: { ru: 'письмо', en: 'letter' },
  testimony: { ru: 'показания', en: 'testimony' },
  phone_call: { ru: 'телефонный разговор', en: 'phone call' },
  official_reply: { ru: 'официальный ответ', en: 'official reply' },
  document: { ru: 'документ', en: 'document' },
  intake_submission: { ru: 'обращение в организацию', en: 'report to the organisation' },
  spreadsheet: { ru: 'таблица', en: 'spreadsheet' },
};

/** Placeholder for what the sender writes in by hand (an address Vigil does not store). */
export const BLANK = '____________________';

/** What was done, as a letter names each act type (a noun phrase in the nominative). */
export const ACT_WORDS: Record<string, Record<Lang, string>> = {
  arbitrary_detention: { ru: 'незаконное лишение свободы', en: 'arbitrary detention' },
  incommunicado_detention: { ru: 'содержание без связи с внешним миром', en: 'incommunicado detention' },
  enforced_disappearance: { ru: 'насильственное исчезновение', en: 'enforced disappearance' },
  threat_of_execution: { ru: 'угрозы расстрелом', en: 'threats of execution' },
  threat_of_violence: { ru: 'угрозы применением насилия', en: 'threats of violence' },
  torture: { ru: 'пытки', en: 'torture' },
  beating: { ru: 'избиения', en: 'beatings' },
  ill_treatment: { ru: 'жестокое обращение', en: 'ill-treatment' },
  denial_of_food: { ru: 'лишение пищи', en: 'denial of food' },
  denial_of_water: { ru: 'лишение воды', en: 'denial of water' },
  denial_of_hygiene: { ru: 'лишение возможности соблюдать гигиену', en: 'denial of hygiene' },
  denial_of_medical_care: { ru: 'отказ в медицинской помощи', en: 'denial of medical care' },
  forced_return_to_combat: {
    ru: 'принуждение к возвращению в зону боевых действий',
    en: 'forced return to combat',
  },
  forced_labour: { ru: 'принудительный труд', en: 'forced labour' },
  unlawful_mobilization: { ru: 'незаконная мобилизация', en: 'unlawful mobilization' },
  mobilization_despite_exemption: {
    ru: 'мобилизация вопреки отсрочке',
    en: 'mobilization despite an exemption',
  },
  inadequate_training: { ru: 'направление в бой без подготовки', en: 'sent to combat without training' },
  extortion: { ru: 'вымогательство', en: 'extortion' },
  confiscation_of_documents_or_phones: {
    ru: 'изъятие документов и телефонов',
    en: 'confiscation of documents or phones',
  },
  extrajudicial_killing: { ru: 'внесудебная казнь', en: 'extrajudicial killing' },
  criminal_prosecution: { ru: 'уголовное преследование', en: 'criminal prosecution' },
  pressure_to_withdraw_refusal: {
    ru: 'давление с целью принудить отозвать отказ от участия в боевых действиях',
    en: 'pressure to withdraw a refusal to fight',
  },
};

/** Place kinds as a Russian letter names the place after "в" (prepositional case). */
export const PLACE_KIND_WORDS: Record<string, Record<Lang, string>> = {
  settlement: { ru: 'населённом пункте', en: '' },
  detention_facility: { ru: 'месте содержания', en: 'the detention facility' },
  base: { ru: 'расположении', en: 'the base' },
  training_ground: { ru: 'полигоне', en: 'the training ground' },
};
