import type { MappingColumns, MappingTarget } from '../../domain/schemas/table-mapping.js';
import { normalize } from '../text.js';

/**
 * Header texts of the lists groups keep, in Russian, Ukrainian and English, and the field each
 * column fills. More specific patterns come first: "Дата задержания" is a status date before
 * "дата" could be anything, "Место содержания" a detention place before "место" a hometown.
 */
const HEADER_PATTERNS: Array<[MappingTarget, RegExp]> = [
  [
    'externalId',
    /^(?:id|ид|uid|код|идентификатор|ідентифікатор|record id|external id|id записи|номер анкеты|номер в базе)$/,
  ],
  [
    'birthDate',
    /(?:дата рождения|год рождения|^д ?р$|^г ?р$|дата народження|рік народження|date of birth|birth ?date|year of birth|birth year|^dob$|^born$)/,
  ],
  [
    'lastContact',
    /(?:последн\S* (?:связ|контакт|звон)|на связи|выходил на связь|останн\S* (?:зв'яз|контакт)|last (?:contact|heard|call))/,
  ],
  [
    'statusDate',
    /(?:дата статуса|дата задержания|задержан с|дата изменения|дата затримання|status date|date (?:of )?detention|date detained|detained since)/,
  ],
  [
    'detentionPlace',
    /(?:место (?:содержания|удержания|задержания|нахождения)|где (?:содержится|удерживается|находится)|місце (?:утримання|затримання|перебування)|де утримується|place of detention|detention (?:place|site)|held at|where held|location)/,
  ],
  [
    'detentionRegion',
    /^(?:область|обл|регион|region|oblast|province|субъект(?: рф)?|область содержания|регион содержания|область утримання|регіон)$/,
  ],
  [
    'fullName',
    /^(?:фио|ф ?и ?о|пиб|піб|п ?і ?б|fio|pib|full ?name|name|имя и фамилия|фамилия имя(?: отчество)?|прізвище ім'я(?: по батькові)?|ім'я та прізвище|задержанный|person)$/,
  ],
  ['surname', /^(?:фамилия|прізвище|surname|last ?name|family name)$/],
  ['givenName', /^(?:имя|ім'я|first ?name|given name)$/],
  ['patronymic', /^(?:отчество|по батькові|patronymic|middle name)$/],
  ['otherNames', /(?:латиниц|латиною|in latin|latin|transliteration|транслит|name \(en\)|english name)/],
  [
    'unit',
    /(?:воинская часть|войсковая часть|^в ?ч$|^часть$|подразделение|військова частина|підрозділ|military unit|^unit$)/,
  ],
  ['rank', /^(?:звание|воинское звание|звання|військове звання|rank)$/],
  ['status', /^(?:статус|состояние|положение|стан|status|current status)$/],
  [
    'exemptionGrounds',
    /(?:отсрочк|бронь|бронирован|основани\S* (?:для )?освобожд|відстрочк|бронюванн|exemption|deferment)/,
  ],
  [
    'employer',
    /(?:место работы|работодатель|предприятие|місце роботи|роботодавець|employer|workplace|place of work)/,
  ],
  [
    'hometown',
    /(?:место жительства|место проживания|^город$|населенный пункт|^откуда$|місце проживання|^місто$|населений пункт|hometown|home town|place of residence|residence|^city$)/,
  ],
  ['case', /^(?:дело|кейс|справа|case|case id|номер дела)$/],
  ['phone', /(?:телефон|^тел$|phone|mobile)/],
  ['email', /(?:e ?mail|эл почта|электронная почта|ел пошта|електронна пошта)/],
  ['address', /^(?:адрес|адреса|address|postal address)$/],
  ['messenger', /(?:telegram|телеграм|whatsapp|viber|signal|мессенджер|месенджер|messenger)/],
];

/** A header as compared: lower case, ё as е, punctuation as spaces, one space. */
function headerKey(header: string): string {
  return normalize(header)
    .replace(/[.,:;()"«»*№#_\\/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A column mapping guessed from the headers: each column fills the first field whose pattern
 * its header matches and that no column before it took. Columns are referred to by header.
 */
export function suggestColumns(headers: string[]): MappingColumns {
  const out: Record<string, string | string[]> = {};
  for (const header of headers) {
    const key = headerKey(header);
    if (!key) continue;
    for (const [target, pattern] of HEADER_PATTERNS) {
      if (!pattern.test(key)) continue;
      if (target === 'otherNames') {
        out.otherNames = [...((out.otherNames as string[] | undefined) ?? []), header];
        break;
      }
      if (out[target] !== undefined) continue;
      out[target] = header;
      break;
    }
  }
  // A name is read from one column or from its parts, not both.
  if (out.fullName !== undefined) for (const part of ['surname', 'givenName', 'patronymic']) delete out[part];
  return out as MappingColumns;
}
