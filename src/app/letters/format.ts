import type {
  DatedFact,
  EarlierAppeal,
  LetterContext,
  LetterLanguage,
  PersonConcerned,
} from '../../domain/appeals/letter-context.js';
import type { IsoDate } from '../../domain/deadlines/iso-date.js';
import { formatRuDate } from '../../domain/deadlines/iso-date.js';
import { personsGenitiveUk, personsUk } from './ukrainian-names.js';

export type Lang = LetterLanguage;

/** The fixed words of the shared phrases, in each letter language. */
const WORDS = {
  ru: {
    unit: 'воинская часть',
    places: 'места',
    status: 'известное положение',
    born: 'г.р.',
    and: 'и',
    source: 'источник',
    citedSources: 'источники',
    fromSources: 'Сведения из источников:',
    sources: 'Источники сведений:',
    attachments: 'Приложения:',
    applicant: 'Заявитель',
    address: 'адрес',
    contacts: 'контакты',
    reference: 'Наш номер',
  },
  uk: {
    unit: 'військова частина',
    places: 'місця',
    status: 'відоме становище',
    born: 'р. н.',
    and: 'і',
    source: 'джерело',
    citedSources: 'джерела',
    fromSources: 'Відомості з джерел:',
    sources: 'Джерела відомостей:',
    attachments: 'Додатки:',
    applicant: 'Заявник',
    address: 'адреса',
    contacts: 'контакти',
    reference: 'Наш номер',
  },
  en: {
    unit: 'military unit',
    places: 'places',
    status: 'known situation',
    born: 'born',
    and: 'and',
    source: 'source',
    citedSources: 'sources',
    fromSources: 'What the sources say:',
    sources: 'Sources:',
    attachments: 'Attachments:',
    applicant: 'From',
    address: 'Address',
    contacts: 'Contact',
    reference: 'Our reference',
  },
} as const;

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
  if (lang !== 'en') return formatRuDate(date);
  return `${Number(date.slice(8, 10))} ${EN_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

function born(p: PersonConcerned, lang: Lang): string | undefined {
  const when = p.birthDate ? formatDate(p.birthDate, lang) : p.birthYear ? String(p.birthYear) : undefined;
  if (!when) return undefined;
  return lang === 'en' ? `born ${when}` : `${when} ${WORDS[lang].born}`;
}

/** One line per person: both spellings of the name, birth, rank, unit, places, status. */
export function personLine(p: PersonConcerned, lang: Lang): string {
  const name = lang === 'en' ? `${p.fullNameLatin} (${p.fullName})` : `${p.fullName} (${p.fullNameLatin})`;
  const L = WORDS[lang];
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

/** The persons as a numbered list, and the unnamed detainees of the case when it counts them. */
export function personsList(ctx: LetterContext, lang: Lang): string {
  const lines = ctx.persons.map((p, i) => `${i + 1}. ${personLine(p, lang)}`);
  const group = unnamedLine(ctx, lang);
  if (group) lines.push(`${lines.length + 1}. ${group}`);
  return lines.join('\n');
}

/** The detainees the letter cannot name: how many, and what the case says of them. */
function unnamedLine(ctx: LetterContext, lang: Lang): string | undefined {
  const c = ctx.circumstances;
  const unnamed = c?.heldCount !== undefined ? c.heldCount - ctx.persons.length : 0;
  if (!c || (unnamed <= 0 && !c.groups?.length)) return undefined;
  const described = c.groups?.length ? ` (${c.groups.join('; ')})` : '';
  if (lang === 'en')
    return unnamed > 0
      ? `${unnamed} ${ctx.persons.length ? 'more ' : ''}servicem${unnamed === 1 ? 'a' : 'e'}n whose names are not known to me${described}`
      : `servicemen whose names are not known to me${described}`;
  if (lang === 'uk')
    return unnamed > 0
      ? `${ctx.persons.length ? 'ще ' : ''}${unnamed} ${personsUk(unnamed)}, ${unnamed === 1 ? 'ім’я якої мені не відоме' : 'імена яких мені не відомі'}${described}`
      : `військовослужбовці, імена яких мені не відомі${described}`;
  return unnamed > 0
    ? `${ctx.persons.length ? 'ещё ' : ''}${unnamed} ${peopleRu(unnamed)}, имена которых мне не известны${described}`
    : `военнослужащие, имена которых мне не известны${described}`;
}

/** "человек" or "человека" after a number (21 человек, 3 человека). */
function peopleRu(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'человека' : 'человек';
}

/** "человека" or "человек" after "в количестве" (21 человека, 5 человек). */
function peopleGenitiveRu(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'человека' : 'человек';
}

/** How many the letter is about: its named persons, or the number held when the case gives more. */
export function concernedCount(ctx: LetterContext): number {
  const held = ctx.circumstances?.heldCount ?? 0;
  const groups = ctx.circumstances?.groups?.length ?? 0;
  return Math.max(ctx.persons.length, held, ctx.persons.length + groups);
}

/** A word form for one person or for several, by how many the letter concerns. */
export function byNumber<T>(ctx: LetterContext, forms: { one: T; many: T }): T {
  return concernedCount(ctx) === 1 ? forms.one : forms.many;
}

function joinAnd(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[lang].and} ${items[items.length - 1]}`;
}

/**
 * The circumstances as sentences built from the case: who is held, where, since when, who is
 * responsible, what was done, and the dates the sources name. Empty when the case records none.
 */
export function circumstanceSentences(ctx: LetterContext, lang: Lang): string[] {
  const c = ctx.circumstances;
  if (!c) return [];
  const names = ctx.persons.map((p) => (lang === 'en' ? p.fullNameLatin : p.fullName));
  const held = c.heldCount !== undefined && c.heldCount > ctx.persons.length ? c.heldCount : undefined;
  const out: string[] = [];
  if (lang === 'ru') {
    const subject = held
      ? `военнослужащие в количестве ${held} ${peopleGenitiveRu(held)}${names.length ? `, в том числе ${joinAnd(names, 'ru')}` : ''}`
      : names.length
        ? joinAnd(names, 'ru')
        : 'военнослужащие, имена которых мне не известны';
    const plural = Boolean(held) || names.length !== 1;
    const when = c.since ? ` с ${c.since}` : '';
    const where = c.sites.length ? ` в ${c.sites.join(', в ')}` : '';
    out.push(
      `По имеющимся у меня сведениям,${when}${where} ${plural ? 'удерживаются' : 'удерживается'} ${subject}.`,
    );
    if (c.perpetrators.length)
      out.push(`Согласно источникам, к этому причастны: ${c.perpetrators.join('; ')}.`);
    if (c.acts.length) out.push(`Источники сообщают о следующих нарушениях: ${c.acts.join('; ')}.`);
    if (c.dates?.length) out.push(`В источниках названы даты событий: ${c.dates.join(', ')}.`);
  } else if (lang === 'uk') {
    // One unnamed serviceman is no "number": he is named by what is known of him.
    const single = held === 1;
    const subject = single
      ? 'військовослужбовець, ім’я якого мені не відоме'
      : held
        ? `військовослужбовці у кількості ${held} ${personsGenitiveUk(held)}${names.length ? `, зокрема ${joinAnd(names, 'uk')}` : ''}`
        : names.length
          ? joinAnd(names, 'uk')
          : 'військовослужбовці, імена яких мені не відомі';
    const plural = !single && (Boolean(held) || names.length !== 1);
    const when = c.since ? ` з ${c.since}` : '';
    // Each Ukrainian site phrase carries its own preposition ("у населеному пункті", "на полігоні").
    const where = c.sites.length ? ` ${c.sites.join(', ')}` : '';
    out.push(
      `За наявними в мене відомостями,${when}${where} ${plural ? 'утримуються' : 'утримується'} ${subject}.`,
    );
    if (c.perpetrators.length)
      out.push(`Згідно з джерелами, до цього причетні: ${c.perpetrators.join('; ')}.`);
    if (c.acts.length) out.push(`Джерела повідомляють про такі порушення: ${c.acts.join('; ')}.`);
    if (c.dates?.length) out.push(`У джерелах названо дати подій: ${c.dates.join(', ')}.`);
  } else {
    const subject = held
      ? `${held} servicemen${names.length ? `, among them ${joinAnd(names, 'en')},` : ''}`
      : names.length
        ? joinAnd(names, 'en')
        : 'servicemen whose names are not known to me';
    const plural = Boolean(held) || names.length !== 1;
    const verb = c.since
      ? `${plural ? 'have' : 'has'} been held since ${c.since}`
      : `${plural ? 'are' : 'is'} held`;
    const where = c.sites.length ? ` in ${c.sites.join(', in ')}` : '';
    out.push(`According to the information available to me, ${subject} ${verb}${where}.`);
    if (c.perpetrators.length)
      out.push(`According to the sources, responsible are: ${c.perpetrators.join('; ')}.`);
    if (c.acts.length) out.push(`The sources report: ${c.acts.join('; ')}.`);
    if (c.dates?.length) out.push(`The sources name these dates of the events: ${c.dates.join(', ')}.`);
  }
  return out;
}

/**
 * The facts section: the circumstances as sentences, then what the sources say in their own
 * words (dated when they date it), then the sources.
 */
export function factsSection(ctx: LetterContext, lang: Lang, head: string): string {
  const parts = [head, ...circumstanceSentences(ctx, lang)];
  if (ctx.facts.length) {
    parts.push(WORDS[lang].fromSources);
    parts.push(factsList(ctx, lang));
  }
  const sources = ctx.circumstances?.sources ?? [];
  if (sources.length) {
    parts.push(WORDS[lang].sources);
    parts.push(sources.map((s) => `- ${s}`).join('\n'));
  }
  return parts.join('\n');
}

/** A fact with its date (when known) and source, as one list item. */
export function factLine(f: DatedFact, lang: Lang): string {
  const text = lang === 'en' && f.textEn ? f.textEn : f.text;
  const source = [f, ...(f.alsoIn ?? [])]
    .map((s) => [s.sourceTitle, s.sourceUrl].filter(Boolean).join(', '))
    .join('; ');
  const date = f.date ? `${formatDate(f.date, lang)} — ` : '';
  return `${date}${text} (${WORDS[lang][f.alsoIn?.length ? 'citedSources' : 'source']}: ${source})`;
}

/** The facts, dated ones in date order first, as a numbered list. */
export function factsList(ctx: LetterContext, lang: Lang): string {
  const key = (f: DatedFact) => f.date ?? '9999';
  const sorted = [...ctx.facts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.map((f, i) => `${i + 1}. ${factLine(f, lang)}`).join('\n');
}

/** Earlier appeals and their outcome, as a list, or a sentence saying there were none. */
export function earlierAppeals(ctx: LetterContext, lang: Lang): string {
  if (!ctx.earlierAppeals.length) {
    return {
      ru: 'Ранее по этому вопросу я не обращался(ась).',
      uk: 'Раніше з цього питання я не звертався(лася).',
      en: 'No earlier appeals have been made on this matter.',
    }[lang];
  }
  const line = (a: EarlierAppeal) => {
    const ref = a.reference ? ` (${a.reference})` : '';
    // An inferred date is the latest the appeal can have been sent: "не позднее 07.11.2022".
    const by = a.sentOnEstimated ? { ru: 'не позднее ', uk: 'не пізніше ', en: 'by ' }[lang] : '';
    const on = a.sentOn ? `${by}${formatDate(a.sentOn, lang)} — ` : '';
    if (lang === 'ru')
      return `- ${on}обращение в ${a.recipient}${ref}${a.sentOn ? '' : ', дата не известна'}; результат: ${a.outcome}`;
    if (lang === 'uk')
      return `- ${on}звернення до ${a.recipient}${ref}${a.sentOn ? '' : ', дата не відома'}; результат: ${a.outcome}`;
    return `- ${on}appeal to ${a.recipient}${ref}${a.sentOn ? '' : ', date unknown'}; outcome: ${a.outcome}`;
  };
  const head = {
    ru: 'Ранее по этому вопросу обращались:',
    uk: 'Раніше з цього питання зверталися:',
    en: 'Earlier appeals:',
  }[lang];
  return `${head}\n${ctx.earlierAppeals.map(line).join('\n')}`;
}

/** The addressee and sender block at the top right of a letter. */
export function header(ctx: LetterContext, lang: Lang): string {
  const s = ctx.sender;
  const to = [ctx.recipient.addressee, ctx.recipient.postalAddress].filter(Boolean).join('\n');
  const contacts = [s.email, s.phone].filter(Boolean).join(', ');
  const L = WORDS[lang];
  const from = [
    `${L.applicant}: ${lang === 'en' ? (s.fullNameLatin ?? s.fullName) : s.fullName}`,
    `${L.address}: ${s.postalAddress}`,
    contacts ? `${L.contacts}: ${contacts}` : undefined,
  ];
  const ref = `${L.reference}: ${ctx.caseReference}`;
  return `${to}\n\n${from.filter(Boolean).join('\n')}\n${ref}`;
}

/** Date and name at the end, with room for the handwritten signature. */
export function signature(ctx: LetterContext, lang: Lang): string {
  const name = lang === 'en' ? (ctx.sender.fullNameLatin ?? ctx.sender.fullName) : ctx.sender.fullName;
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
  const head = WORDS[lang].attachments;
  return `${head}\n${ctx.attachments.map((a, i) => `${i + 1}. ${a}`).join('\n')}`;
}
