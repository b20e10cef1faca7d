import type {
  DatedFact,
  EarlierAppeal,
  LetterContext,
  PersonConcerned,
} from '../../domain/appeals/letter-context.js';
import type { IsoDate } from '../../domain/deadlines/iso-date.js';
import { formatRuDate } from '../../domain/deadlines/iso-date.js';

export type Lang = 'ru' | 'en';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as the letter's language writes it: 12.03.2024 or 12 March 2024. */
export function formatDate(date: IsoDate, lang: Lang): string {
  if (lang === 'ru') return formatRuDate(date);
  return `${Number(date.slice(8, 10))} ${EN_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

function born(p: PersonConcerned, lang: Lang): string | undefined {
  if (p.birthDate)
    return lang === 'ru' ? `${formatRuDate(p.birthDate)} г.р.` : `born ${formatDate(p.birthDate, 'en')}`;
  if (p.birthYear) return lang === 'ru' ? `${p.birthYear} г.р.` : `born ${p.birthYear}`;
  return undefined;
}

/** One line per person: both spellings of the name, birth, rank, unit, places, status. */
export function personLine(p: PersonConcerned, lang: Lang): string {
  const name = lang === 'ru' ? `${p.fullName} (${p.fullNameLatin})` : `${p.fullNameLatin} (${p.fullName})`;
  const L =
    lang === 'ru'
      ? { unit: 'воинская часть', places: 'места', status: 'известное положение' }
      : { unit: 'military unit', places: 'places', status: 'known situation' };
  const parts = [
    name,
    born(p, lang),
    p.rank,
    // Units are usually written "в/ч 12345" already; don't prefix them twice.
    p.unit ? (/^в\/ч/i.test(p.unit) ? p.unit : `${L.unit}: ${p.unit}`) : undefined,
    p.service,
    p.places.length ? `${L.places}: ${p.places.join('; ')}` : undefined,
    `${L.status}: ${lang === 'en' && p.statusEn ? p.statusEn : p.status}`,
    p.notes,
  ];
  return parts.filter(Boolean).join(', ');
}

/** The persons as a numbered list. */
export function personsList(ctx: LetterContext, lang: Lang): string {
  return ctx.persons.map((p, i) => `${i + 1}. ${personLine(p, lang)}`).join('\n');
}

/** A fact with its date and source, as one list item. */
export function factLine(f: DatedFact, lang: Lang): string {
  const text = lang === 'en' && f.textEn ? f.textEn : f.text;
  const source = [f.sourceTitle, f.sourceUrl].filter(Boolean).join(', ');
  return `${formatDate(f.date, lang)} — ${text} (${lang === 'ru' ? 'источник' : 'source'}: ${source})`;
}

/** The facts in date order as a numbered list. */
export function factsList(ctx: LetterContext, lang: Lang): string {
  const sorted = [...ctx.facts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted.map((f, i) => `${i + 1}. ${factLine(f, lang)}`).join('\n');
}

/** Earlier appeals and their outcome, as a list, or a sentence saying there were none. */
export function earlierAppeals(ctx: LetterContext, lang: Lang): string {
  if (!ctx.earlierAppeals.length) {
    return lang === 'ru'
      ? 'Ранее по этому вопросу я не обращался(ась).'
      : 'No earlier appeals have been made on this matter.';
  }
  const line = (a: EarlierAppeal) =>
    lang === 'ru'
      ? `- ${formatDate(a.sentOn, 'ru')} — обращение в ${a.recipient}${a.reference ? ` (${a.reference})` : ''}; результат: ${a.outcome}`
      : `- ${formatDate(a.sentOn, 'en')} — appeal to ${a.recipient}${a.reference ? ` (${a.reference})` : ''}; outcome: ${a.outcome}`;
  const head = lang === 'ru' ? 'Ранее я обращался(ась):' : 'Earlier appeals:';
  return `${head}\n${ctx.earlierAppeals.map(line).join('\n')}`;
}

/** The addressee and sender block at the top right of a letter. */
export function header(ctx: LetterContext, lang: Lang): string {
  const s = ctx.sender;
  const to = [ctx.recipient.addressee, ctx.recipient.postalAddress].filter(Boolean).join('\n');
  const contacts = [s.email, s.phone].filter(Boolean).join(', ');
  const from =
    lang === 'ru'
      ? [
          `Заявитель: ${s.fullName}`,
          `адрес: ${s.postalAddress}`,
          contacts ? `контакты: ${contacts}` : undefined,
        ]
      : [
          `From: ${s.fullNameLatin ?? s.fullName}`,
          `Address: ${s.postalAddress}`,
          contacts ? `Contact: ${contacts}` : undefined,
        ];
  const ref = lang === 'ru' ? `Наш номер: ${ctx.caseReference}` : `Our reference: ${ctx.caseReference}`;
  return `${to}\n\n${from.filter(Boolean).join('\n')}\n${ref}`;
}

/** Date and name at the end, with room for the handwritten signature. */
export function signature(ctx: LetterContext, lang: Lang): string {
  const name = lang === 'ru' ? ctx.sender.fullName : (ctx.sender.fullNameLatin ?? ctx.sender.fullName);
  return `${formatDate(ctx.today, lang)}\n${name} ____________________`;
}

/** Numbered requests: the template's own, then the case worker's additions. */
export function requests(head: string, own: string[], ctx: LetterContext): string {
  const all = [...own, ...(ctx.additionalRequests ?? [])];
  return `${head}\n${all.map((r, i) => `${i + 1}. ${r}`).join('\n')}`;
}

/** The list of attachments, if any. */
export function attachments(ctx: LetterContext, lang: Lang): string | undefined {
  if (!ctx.attachments?.length) return undefined;
  const head = lang === 'ru' ? 'Приложения:' : 'Attachments:';
  return `${head}\n${ctx.attachments.map((a, i) => `${i + 1}. ${a}`).join('\n')}`;
}

/** "военнослужащего" or "военнослужащих" depending on how many persons the letter concerns. */
export function serviceman(ctx: LetterContext, forms: { one: string; many: string }): string {
  return ctx.persons.length === 1 ? forms.one : forms.many;
}
