import type { ActType, Language } from '../domain/vocabularies.js';
import { bodyNameIn } from './body-names.js';
import type { AppealItem, Extraction } from './types.js';

// A draft summary a reviewer edits before applying: labelled facts rather than composed prose,
// so that every language reads correctly whatever the number, gender or case of what fills it.

type Words = Record<Language, string>;

const HEADINGS: Record<string, Words> = {
  site: { en: 'Detention site', ru: 'Место содержания', uk: 'Місце утримання' },
  count: { en: 'Number held', ru: 'Число удерживаемых', uk: 'Кількість утримуваних' },
  detainees: { en: 'Named detainees', ru: 'Удерживаемые', uk: 'Утримувані' },
  since: {
    en: 'Earliest date in the report',
    ru: 'Самая ранняя дата в сообщении',
    uk: 'Найраніша дата в повідомленні',
  },
  by: { en: 'Held by', ru: 'Кем удерживаются', uk: 'Ким утримуються' },
  acts: { en: 'What was done', ru: 'Что происходило', uk: 'Що відбувалося' },
  appeals: { en: 'Appeals', ru: 'Обращения', uk: 'Звернення' },
};

const ACTS: Record<ActType, Words> = {
  arbitrary_detention: { en: 'arbitrary detention', ru: 'незаконное удержание', uk: 'незаконне утримання' },
  incommunicado_detention: {
    en: 'detention without contact',
    ru: 'содержание без связи',
    uk: 'утримання без зв’язку',
  },
  enforced_disappearance: {
    en: 'enforced disappearance',
    ru: 'насильственное исчезновение',
    uk: 'насильницьке зникнення',
  },
  threat_of_execution: { en: 'threat of execution', ru: 'угроза расстрелом', uk: 'погроза розстрілом' },
  threat_of_violence: { en: 'threat of violence', ru: 'угроза насилием', uk: 'погроза насильством' },
  torture: { en: 'torture', ru: 'пытки', uk: 'катування' },
  beating: { en: 'beating', ru: 'избиение', uk: 'побиття' },
  ill_treatment: { en: 'ill-treatment', ru: 'жестокое обращение', uk: 'жорстоке поводження' },
  denial_of_food: { en: 'denial of food', ru: 'лишение еды', uk: 'позбавлення їжі' },
  denial_of_water: { en: 'denial of water', ru: 'лишение воды', uk: 'позбавлення води' },
  denial_of_hygiene: {
    en: 'denial of hygiene',
    ru: 'лишение средств гигиены',
    uk: 'позбавлення засобів гігієни',
  },
  denial_of_medical_care: {
    en: 'denial of medical care',
    ru: 'отказ в медицинской помощи',
    uk: 'відмова в медичній допомозі',
  },
  forced_return_to_combat: {
    en: 'forced return to combat',
    ru: 'принуждение вернуться в бой',
    uk: 'примус повернутися до бою',
  },
  forced_labour: { en: 'forced labour', ru: 'принудительный труд', uk: 'примусова праця' },
  unlawful_mobilization: {
    en: 'unlawful mobilization',
    ru: 'незаконная мобилизация',
    uk: 'незаконна мобілізація',
  },
  mobilization_despite_exemption: {
    en: 'mobilization despite exemption',
    ru: 'мобилизация вопреки отсрочке',
    uk: 'мобілізація всупереч відстрочці',
  },
  inadequate_training: {
    en: 'no adequate training',
    ru: 'отсутствие подготовки',
    uk: 'відсутність підготовки',
  },
  extortion: { en: 'extortion', ru: 'вымогательство', uk: 'вимагання' },
  confiscation_of_documents_or_phones: {
    en: 'documents or phones taken',
    ru: 'изъятие документов или телефонов',
    uk: 'вилучення документів або телефонів',
  },
  extrajudicial_killing: {
    en: 'extrajudicial killing',
    ru: 'внесудебное убийство',
    uk: 'позасудове вбивство',
  },
  criminal_prosecution: {
    en: 'criminal prosecution',
    ru: 'уголовное преследование',
    uk: 'кримінальне переслідування',
  },
  pressure_to_withdraw_refusal: {
    en: 'pressure to withdraw the refusal',
    ru: 'давление с целью отзыва отказа',
    uk: 'тиск із метою відкликати відмову',
  },
};

const SENDERS: Record<AppealItem['by'], Words> = {
  relatives: { en: 'relatives', ru: 'родственники', uk: 'родичі' },
  lawyer: { en: 'a lawyer', ru: 'адвокат', uk: 'адвокат' },
  detainees: { en: 'the detainees', ru: 'удерживаемые', uk: 'утримувані' },
  ngo: { en: 'an NGO', ru: 'правозащитники', uk: 'правозахисники' },
  other: { en: 'someone', ru: 'заявитель', uk: 'заявник' },
};

const OUTCOMES: Record<AppealItem['status'], Words> = {
  sent: { en: 'sent', ru: 'направлено', uk: 'надіслано' },
  no_reply: { en: 'no reply', ru: 'ответа нет', uk: 'відповіді немає' },
  answered: { en: 'answered', ru: 'получен ответ', uk: 'отримано відповідь' },
  refused: { en: 'refused', ru: 'отказано', uk: 'відмовлено' },
  unknown: { en: 'outcome unknown', ru: 'результат неизвестен', uk: 'результат невідомий' },
};

const unique = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

/** A date as its language writes it, at the precision it has ("2022", "03.2022", "12.03.2022"). */
function day(iso: string, language: Language): string {
  if (language === 'en') return iso;
  return iso.split('-').reverse().join('.');
}

/**
 * A draft summary of the case a report describes, in the report's language: site, how many are
 * held (and who, by name), the earliest date it gives, by whom, what was done, who appealed to
 * whom with what outcome. Null when the report states none of these.
 */
export function proposeCaseSummary(x: Extraction): string | null {
  const lang = x.language;
  const lines: string[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value) lines.push(`${HEADINGS[key][lang]}: ${value}.`);
  };
  add(
    'site',
    // Regions come from the gazetteer in English: named only in an English summary.
    unique(
      x.detentionSites.map((s) => (s.region && lang === 'en' ? `${s.name} (${s.region})` : s.name)),
    ).join('; ') || undefined,
  );
  add('count', x.detainedCount ? String(x.detainedCount.value) : undefined);
  add(
    'detainees',
    unique(x.persons.filter((p) => p.role === 'detainee').map((p) => p.name)).join(', ') || undefined,
  );
  const earliest = x.dates.map((d) => d.date).sort()[0];
  add('since', earliest ? day(earliest, lang) : undefined);
  const perpetrators = [
    ...x.units.map((u) => u.name),
    ...x.persons.filter((p) => p.role === 'perpetrator').map((p) => p.name),
  ];
  add('by', unique(perpetrators).join(', ') || undefined);
  add('acts', unique(x.acts.map((a) => ACTS[a.type][lang])).join(', ') || undefined);
  const appeals = unique(
    x.appeals.map((a) => `${SENDERS[a.by][lang]} → ${bodyNameIn(a.to, lang)} (${OUTCOMES[a.status][lang]})`),
  );
  add('appeals', appeals.join('; ') || undefined);
  return lines.length ? lines.join('\n').slice(0, 5000) : null;
}
