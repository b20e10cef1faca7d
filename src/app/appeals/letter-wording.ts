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
