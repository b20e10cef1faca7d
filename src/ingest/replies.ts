import { monthOf } from './dates.js';
import type { ReplyItem, ReplyOutcome, Span } from './types.js';

/**
 * Official replies to appeals (ru/uk), as prosecutors, investigators and commanders write them:
 * a letterhead naming the body, the outgoing date and number, the addressee, a reference to the
 * appeal answered ("Ваше обращение от 20.02.2024 № 14"), and an outcome in the fixed phrases of
 * 59-FZ and the UPK (forwarded "по принадлежности", term extended, criminal case refused,
 * a check under way).
 */

const DATE_NUM = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})`;
const DATE_WORDS = String.raw`(\d{1,2})\s+([а-яёіїєґ]+)\s+(\d{4})`;
const DATE = String.raw`(?:${DATE_NUM}|${DATE_WORDS})(?:\s*(?:г\.|года|р\.|року))?`;
// An outgoing or registration number: digits with slashes, dashes, dots and letters ("7/1-215-2024").
const NUMBER = String.raw`([0-9A-Za-zА-Яа-яЁёІіЇїЄє][0-9A-Za-zА-Яа-яЁёІіЇїЄє/\-.]*[0-9A-Za-zА-Яа-яЁёІіЇїЄє]|\d)`;
const NO = String.raw`(?:№|N|No|Nº)\s*`;

/** "Ваше обращение от 20.02.2024 № 14", "На Ваше заявление от …", "Ваше звернення від …". */
const ANSWERS_TO = new RegExp(
  String.raw`ваш[а-яіїє]*\s+(?:коллективн[а-я]*\s+|повторн[а-яі]*\s+)?(?:обращени|заявлени|жалоб|запрос|ходатайств|звернен|заяв|скарг|запит|клопотан)[а-яіїє]*\s+(?:от|від)\s+${DATE}(?:\s*(?:,\s*)?(?:вх\.\s*)?${NO}${NUMBER})?`,
  'diu',
);
/** The letterhead's date and number: "12.03.2024 № 7/1-215-2024", "от 12.03.2024 № …", "№ … от …". */
const HEADER_NUMBER = [
  new RegExp(String.raw`^\s*(?:(?:исх\.?|вих\.?)\s*)?(?:от\s+|від\s+)?${DATE}\s*${NO}${NUMBER}\s*$`, 'dimu'),
  new RegExp(String.raw`^\s*(?:(?:исх\.?|вих\.?)\s*)?${NO}${NUMBER}\s+(?:от|від)\s+${DATE}\s*$`, 'dimu'),
];

/** Outcome phrases, strongest first: a reply that forwards or refuses may also mention a check. */
const OUTCOMES: Array<[ReplyOutcome, RegExp]> = [
  [
    'forwarded',
    /(?:на|пере)?(?:направлен|переадресован|передан|скерован|надіслан)[а-яіїє]*\s+(?:[а-яіїє]+\s+){0,2}(?:по\s+принадлежности|за\s+належністю|для\s+(?:рассмотрения|розгляду|проведения\s+проверки)\s+(?:в|во|до)\s)/iu,
  ],
  [
    'refused',
    /(?:в\s+возбуждении\s+уголовного\s+дела\s+(?:[а-я]+\s+)?отказано|отказано\s+в\s+возбуждении\s+уголовного\s+дела|у\s+(?:внесенні|внесенні\s+відомостей)[^.]{0,80}відмовлено|(?:отказано|відмовлено)\s+в\s+(?:удовлетворении|задоволенні)|оснований\s+для\s+(?:принятия\s+мер\s+)?(?:прокурорского\s+реагирования|возбуждения\s+уголовного\s+дела)\s+не\s+(?:имеется|усматривается|установлено))/iu,
  ],
  [
    'extended',
    /(?:срок\s+(?:рассмотрения|проверки)[^.]{0,60}продл[её]н|продл[её]н[а-я]*\s+срок|термін\s+розгляду[^.]{0,60}продовжено|продовжено\s+термін)/iu,
  ],
  [
    'check_under_way',
    /(?:проводится|организована|назначена|продолжается)\s+(?:дополнительная\s+|служебная\s+|доследственная\s+)?проверка|проверка\s+(?:продолжается|не\s+завершена)|проводиться\s+(?:службова\s+)?перевірка|перевірка\s+триває/iu,
  ],
  [
    'answered',
    /(?:рассмотрен[оа]?|розглянут[оаі]?|сообщаю|сообщаем|разъясняю|разъясняем|повідомляю|повідомляємо|роз'?яснюю)/iu,
  ],
];

/** Where a forwarded appeal went: the body after the cue, up to the purpose or the clause's end. */
const FORWARDED_TO =
  /^\s*(?:(?:по\s+принадлежности|за\s+належністю)\s+)?(?:для\s+(?:рассмотрения|розгляду)\s+)?(?:(?:в|во|до|на\s+имя)\s+)?([^.,;]+?)(?=\s+(?:для|по\s+принадлежности|за\s+належністю|в\s+соответствии|відповідно|согласно|с\s+целью|з\s+метою)\s|\s*[.,;]|\s*$)/diu;
/** A stated new deadline: "продлен до 10.05.2024", "продовжено до 15 квітня 2024 р.". */
const NEW_DEADLINE = new RegExp(
  String.raw`(?:продл[её]н[а-я]*|продовжен[оаий]*)[^.]{0,80}?\s(?:до|по)\s+${DATE}`,
  'dgiu',
);
/** The addressee line of the letterhead: a surname and name and patronymic, or initials. */
const ADDRESSEE =
  /^\s*([А-ЯЁІЇЄҐ][а-яёіїєґ'-]+(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'-]+){1,2}|[А-ЯЁІЇЄҐ][а-яёіїєґ'-]+\s+[А-ЯЁІЇЄҐ]\.\s*[А-ЯЁІЇЄҐ]\.)\s*$/mu;
/** Words of a body's name: a letterhead line with none of them is not the sender. */
const BODY_WORDS =
  /прокуратур|следствен|комитет|управлени|отдел|министерств|суд|командовани|войсков|военн|штаб|уполномоченн|прокурор|офіс|слідч|управлінн|відділ|міністерств|військов|командуванн|уповноважен|омбудсман|служб/iu;

/** Recognises an official reply in a text, or null when the text is not one. */
export function findReply(text: string): ReplyItem | null {
  const answers = ANSWERS_TO.exec(text);
  const header = headerNumber(text);
  const outcome = outcomeOf(text);
  // A reply either refers to "your appeal" or bears a letterhead number and a reply's phrase.
  if (!answers && !(header && outcome.value !== 'other')) return null;
  const bodyEnd = answers?.index ?? header?.end ?? text.length;
  const headEnd = header ? header.start : bodyEnd;
  return {
    from: senderOf(text, headEnd),
    outgoingNumber: header ? { value: header.number, spans: [header.numberSpan] } : null,
    date: header ? { value: header.date, spans: [header.dateSpan] } : null,
    answersTo: {
      date: answers ? dateAt(answers, 1) : null,
      number: answers?.[7] ? groupValue(answers, 7) : null,
      appellant: addresseeOf(text, bodyEnd),
    },
    outcome,
    forwardedTo: outcome.value === 'forwarded' ? forwardedTo(text, outcome.spans[0]) : null,
    newDeadline: outcome.value === 'extended' ? newDeadline(text, outcome.spans[0]) : null,
  };
}

function outcomeOf(text: string): ReplyItem['outcome'] {
  for (const [value, re] of OUTCOMES) {
    const m = re.exec(text);
    if (m) return { value, spans: [{ start: m.index, end: m.index + m[0].trimEnd().length }] };
  }
  return { value: 'other', spans: [] };
}

function headerNumber(text: string) {
  // The letterhead is the top of the letter; later numbers are the appeal's or a law's.
  const top = text.slice(0, Math.min(text.length, 800));
  for (const [k, re] of HEADER_NUMBER.entries()) {
    const m = re.exec(top);
    if (!m) continue;
    const dateGroup = k === 0 ? 1 : 2;
    const numberGroup = k === 0 ? 7 : 1;
    const date = dateAt(m, dateGroup);
    const number = groupValue(m, numberGroup);
    if (!date || !number) continue;
    return {
      date: date.value,
      dateSpan: date.spans[0],
      number: number.value,
      numberSpan: number.spans[0],
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  return null;
}

/** The letterhead lines above the number that name a body, as written. */
function senderOf(text: string, headEnd: number): ReplyItem['from'] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.slice(0, headEnd).split('\n')) {
    const start = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    if (BODY_WORDS.test(line) && !ADDRESSEE.test(line))
      spans.push({ start, end: start + line.trim().length });
    else if (spans.length) break;
  }
  if (!spans.length) return null;
  return { name: spans.map((s) => text.slice(s.start, s.end)).join(' '), spans };
}

function addresseeOf(text: string, bodyEnd: number): { name: string; spans: Span[] } | null {
  const head = text.slice(0, bodyEnd);
  const m = ADDRESSEE.exec(head);
  if (!m || BODY_WORDS.test(m[1])) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return { name: m[1], spans: [{ start, end: start + m[1].length }] };
}

function forwardedTo(text: string, cue: Span): { name: string; spans: Span[] } | null {
  const m = FORWARDED_TO.exec(text.slice(cue.end));
  const at = m?.indices?.[1];
  if (!m || !at) return null;
  return { name: m[1].replace(/\s+/g, ' '), spans: [{ start: cue.end + at[0], end: cue.end + at[1] }] };
}

function newDeadline(text: string, cue: Span): { value: string; spans: Span[] } | null {
  const from = text.lastIndexOf('.', cue.start) + 1;
  NEW_DEADLINE.lastIndex = from;
  const m = NEW_DEADLINE.exec(text);
  return m ? dateAt(m, 1) : null;
}

/** The date a DATE pattern matched from group `g` on, with its span, or null when not a real day. */
function dateAt(m: RegExpExecArray, g: number): { value: string; spans: Span[] } | null {
  const numeric = m[g] !== undefined;
  if (!numeric && m[g + 3] === undefined) return null;
  const [d, mo, y] = numeric ? [g, g + 1, g + 2] : [g + 3, g + 4, g + 5];
  const day = Number(m[d]);
  const month = numeric ? Number(m[mo]) : monthOf(m[mo].toLowerCase());
  const year = m[y].length === 2 ? 2000 + Number(m[y]) : Number(m[y]);
  if (!month || month > 12 || day < 1 || day > 31) return null;
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (new Date(`${value}T00:00:00Z`).getUTCDate() !== day) return null;
  const first = m.indices?.[d];
  const last = m.indices?.[y];
  if (!first || !last) return null;
  return { value, spans: [{ start: first[0], end: last[1] }] };
}

function groupValue(m: RegExpExecArray, g: number): { value: string; spans: Span[] } | null {
  const at = m.indices?.[g];
  if (!m[g] || !at) return null;
  return { value: m[g], spans: [{ start: at[0], end: at[1] }] };
}
