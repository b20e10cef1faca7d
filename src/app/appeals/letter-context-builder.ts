import { effectiveStatus } from '../../domain/appeals/appeal-status.js';
import {
  type CaseCircumstances,
  type DatedFact,
  type EarlierAppeal,
  type LetterContext,
  type LetterSender,
  type LetterType,
  letterLanguage,
  type PersonConcerned,
} from '../../domain/appeals/letter-context.js';
import { DEFAULT_TIME_ZONE, localDate } from '../../domain/appeals/local-date.js';
import { findRecipient, toLetterRecipient } from '../../domain/appeals/recipient-directory.js';
import type { StoredRecord } from '../../domain/collections.js';
import { countPeople } from '../../domain/people-count.js';
import { cyrillicSpelling } from '../../domain/text/cyrillic-spelling.js';
import { latinSpelling } from '../../domain/text/latin-spelling.js';
import { DETENTION_ACTS } from '../../domain/vocabularies.js';
import { bodyNameIn } from '../../ingest/body-names.js';
import { gazetteerPlace, placesNamed, russianNameOf } from '../../ingest/gazetteer.js';
import { inflectPhrase } from '../../ingest/morphology/russian-phrase.js';
import type { AppContext } from '../context.js';
import { formatDate, type Lang } from '../letters/format.js';
import { regionNameRu, unitNameRu } from '../letters/russian-names.js';
import { inflectPhraseUk, regionNameUk, unitNameUk } from '../letters/ukrainian-names.js';
import { listAllRecords } from '../records/record-lister.js';
import { readRecord } from '../records/record-reader.js';
import {
  ACT_WORDS,
  BLANK,
  CHANNEL_WORDS,
  PERSON_STATUS_WORDS,
  PLACE_KIND_WORDS,
  SENDER_RELATION_WORDS,
  SOURCE_KIND_WORDS,
} from './letter-wording.js';
import { recipientDirectory, recipientLabel } from './recipients.js';
import { storedStatusOf } from './stored-appeal.js';

/** Person fields whose claims are facts of the case; names, birth and contacts are not events. */
const PERSON_FACT_FIELDS = new Set([
  'status',
  'statusHistory',
  'unit',
  'unitOrganizationId',
  'rank',
  'employer',
  'exemptionGrounds',
]);
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CYRILLIC = /[А-Яа-яЁёІіЇїЄєҐґ]/;
// Letters only Ukrainian spelling has: a name written with them is the Ukrainian form.
const UKRAINIAN_LETTERS = /[ІіЇїЄєҐґ]/;
const LATIN = /[A-Za-z]/;
// A quote a letter cites is a statement, not a fragment ("are held", "October 2"): a few words.
const MIN_QUOTE_WORDS = 3;

export interface LetterContextProps {
  ctx: AppContext;
  interventionId: string;
  type: LetterType;
  /** Who signs; what is not given comes from the appeal, and the address is left blank to fill in. */
  sender?: Partial<LetterSender>;
  caseReference?: string;
  timeZone?: string;
}

export interface StoredLetterContext {
  context: LetterContext;
  /** Facts printed without a date: neither their act nor the claim dates the event. */
  undatedClaims: number;
}

const EMPLOYER: Record<Lang, string> = { ru: 'место работы', uk: 'місце роботи', en: 'employer' };
const SINCE: Record<Lang, string> = { ru: 'с', uk: 'з', en: 'since' };

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const byId = (records: StoredRecord[]) => new Map(records.map((r) => [r.id, r]));

/**
 * When the holding began: the earliest start of a detention act (of the given person, when one
 * is given). Only detention acts say since when someone is held; the dates of other acts, of
 * status entries and of publications do not.
 */
function heldSince(acts: StoredRecord[], personId?: string): string | undefined {
  return acts
    .filter((a) => (DETENTION_ACTS as readonly string[]).includes(String(a.type)))
    .filter((a) => !personId || (a.victimIds as string[] | undefined)?.includes(personId))
    .map((a) => str(a.dateFrom))
    .filter((d): d is string => Boolean(d))
    .sort()[0];
}

/** A partial date in the letter's style: 12.03.2024, 03.2024 or 2024. */
function partialDate(date: string, lang: Lang): string {
  if (FULL_DATE.test(date)) return formatDate(date, lang);
  return date
    .split('-')
    .reverse()
    .join(lang === 'en' ? '/' : '.');
}

/**
 * Fills a letter from the stored case of an appeal: the persons it concerns (names, birth, unit,
 * places of detention, known status), every dated fact the sources state about the case, its acts
 * and those persons, with the source named; the case's earlier appeals and their outcome; and the
 * addressee from the recipients directory.
 */
export async function buildStoredLetterContext(props: LetterContextProps): Promise<StoredLetterContext> {
  const { ctx, type } = props;
  const lang: Lang = letterLanguage(type);
  const now = ctx.now?.() ?? new Date();
  const today = localDate(now, props.timeZone ?? ctx.timeZone ?? DEFAULT_TIME_ZONE);
  const appeal = await readRecord({ ctx, collection: 'interventions', id: props.interventionId });
  const caseId = str(appeal.caseId);

  const involvements = caseId ? await listAllRecords(ctx, 'involvements', { caseId }) : [];
  const personIds = (appeal.personIds as string[] | undefined)?.length
    ? (appeal.personIds as string[])
    : involvements.filter((i) => i.role === 'victim' && str(i.personId)).map((i) => String(i.personId));
  const persons = byId(await ctx.store.getMany('persons', [...new Set(personIds)]));
  const acts = caseId ? await listAllRecords(ctx, 'acts', { caseId }) : [];
  const placeIds = acts.map((a) => str(a.placeId)).filter((id): id is string => Boolean(id));
  const places = byId(await ctx.store.getMany('places', [...new Set(placeIds)]));
  const unitIds = [...persons.values()]
    .map((p) => str(p.unitOrganizationId))
    .filter((id): id is string => Boolean(id));
  const units = byId(await ctx.store.getMany('organizations', [...new Set(unitIds)]));

  const concerned = personIds
    .map((id) => persons.get(id))
    .filter((p): p is StoredRecord => Boolean(p))
    .map((p) => personConcerned(p, acts, places, units, lang));

  // The groups of unnamed people the appeal is about, else the case's groups of victims.
  const groupIds = (appeal.groupIds as string[] | undefined)?.length
    ? (appeal.groupIds as string[])
    : involvements.filter((i) => i.role === 'victim' && str(i.groupId)).map((i) => String(i.groupId));
  const groups = await ctx.store.getMany('person_groups', [...new Set(groupIds)]);

  const { facts, undated, sources } = await datedFacts(ctx, caseId, [...persons.keys()], acts, lang);
  const circumstances = withGroups(
    await caseCircumstances(ctx, caseId, involvements, acts, places, sources, lang),
    groups,
    [...persons.keys()],
    lang,
  );
  const earlier = caseId ? await earlierAppeals(ctx, caseId, appeal.id, now, today, props, lang) : [];

  // An appeal recorded by name only still gets the directory's addressee when the name is a body's.
  const recipientId =
    str(appeal.recipientId) ?? findRecipient(recipientDirectory(), String(appeal.recipientName))?.id;
  const context: LetterContext = {
    sender: sender(appeal, props.sender, lang),
    recipient: recipientId
      ? toLetterRecipient(recipientDirectory(), recipientId, lang)
      : { id: '', addressee: String(appeal.recipientName), name: String(appeal.recipientName) },
    persons: concerned,
    facts,
    circumstances,
    earlierAppeals: earlier,
    today,
    caseReference: props.caseReference ?? caseId ?? appeal.id,
  };
  return { context, undatedClaims: undated };
}

/**
 * The groups in the circumstances: how many the persons and groups make together (nobody counted
 * twice) when that is more than the sources' count, and the groups' descriptions in the letter's
 * script only, so a Russian letter never quotes an English description.
 */
function withGroups(
  circumstances: CaseCircumstances | undefined,
  groups: StoredRecord[],
  personIds: string[],
  lang: Lang,
): CaseCircumstances | undefined {
  if (!groups.length) return circumstances;
  const counted = countPeople(
    personIds,
    groups.map((g) => ({
      id: g.id,
      count: typeof g.count === 'number' ? g.count : undefined,
      memberPersonIds: g.memberPersonIds as string[] | undefined,
      parentGroupId: str(g.parentGroupId),
    })),
  );
  const base = circumstances ?? { sites: [], perpetrators: [], acts: [], sources: [] };
  const heldCount = Math.max(base.heldCount ?? 0, counted);
  const described = groups
    .map((g) => String(g.description))
    .filter((d) => (lang === 'en' ? !CYRILLIC.test(d) : CYRILLIC.test(d) && !LATIN.test(d)));
  return {
    ...base,
    ...(heldCount > 0 ? { heldCount } : {}),
    ...(described.length ? { groups: [...new Set(described)] } : {}),
  };
}

function personConcerned(
  p: StoredRecord,
  acts: StoredRecord[],
  places: Map<string, StoredRecord>,
  units: Map<string, StoredRecord>,
  lang: Lang,
): PersonConcerned {
  const names = (p.names as Array<{ value: string; script?: string }>) ?? [];
  const cyrillic =
    (lang === 'uk' ? names.find((n) => UKRAINIAN_LETTERS.test(n.value)) : undefined) ??
    names.find((n) => n.script === 'cyrillic' || CYRILLIC.test(n.value));
  const latin = names.find(
    (n) => n.script === 'latin' || (!CYRILLIC.test(n.value) && /[A-Za-z]/.test(n.value)),
  );
  // A Russian or Ukrainian letter names a person in Cyrillic; a name known only in Latin gets its
  // Russian reading.
  const fullName = cyrillic?.value ?? (lang === 'en' ? names[0].value : cyrillicSpelling(names[0].value));
  const birth = str(p.birthDate);
  const history = (p.statusHistory as Array<{ status: string; date?: string }> | undefined) ?? [];
  const last = history[history.length - 1];
  const mobilized = history.find((h) => h.status === 'mobilized');
  const word = (status: string, l: Lang) => PERSON_STATUS_WORDS[status]?.[l] ?? status;
  // A detention status entry is dated by when it was reported; the letter's "since" is the detention act's.
  const since = last?.status === 'detained' ? heldSince(acts, p.id) : last?.date;
  const statusIn = (l: Lang) =>
    last
      ? `${word(last.status, l)}${since ? ` (${SINCE[l]} ${partialDate(since, l)})` : ''}`
      : word('unknown', l);
  const placeNames = acts
    .filter((a) => (a.victimIds as string[] | undefined)?.includes(p.id) && str(a.placeId))
    .map((a) => places.get(String(a.placeId)))
    .filter((pl): pl is StoredRecord => Boolean(pl))
    .map((pl) => placeName(pl, lang));
  const notes = [
    str(p.exemptionGrounds),
    str(p.employer) ? `${EMPLOYER[lang]}: ${p.employer}` : undefined,
  ].filter(Boolean);
  return {
    fullName,
    fullNameLatin: latin ? latin.value : latinSpelling(fullName),
    ...(birth && FULL_DATE.test(birth) ? { birthDate: birth } : {}),
    ...(birth && !FULL_DATE.test(birth) ? { birthYear: Number(birth.slice(0, 4)) } : {}),
    ...(str(p.rank) ? { rank: String(p.rank) } : {}),
    ...(str(p.unit) || units.get(String(p.unitOrganizationId))
      ? { unit: str(p.unit) ?? String(units.get(String(p.unitOrganizationId))?.name) }
      : {}),
    ...(mobilized
      ? {
          service: `${word('mobilized', lang)}${mobilized.date ? ` ${partialDate(mobilized.date, lang)}` : ''}`,
        }
      : {}),
    places: [...new Set(placeNames)],
    status: statusIn(lang === 'uk' ? 'uk' : 'ru'),
    statusEn: statusIn('en'),
    ...(notes.length ? { notes: notes.join('; ') } : {}),
  };
}

async function datedFacts(
  ctx: AppContext,
  caseId: string | undefined,
  personIds: string[],
  acts: StoredRecord[],
  lang: Lang,
): Promise<{ facts: DatedFact[]; undated: number; sources: StoredRecord[] }> {
  const actsById = byId(acts);
  const subjects = [...(caseId ? [caseId] : []), ...actsById.keys(), ...personIds];
  const claims = new Map<string, StoredRecord>();
  for (const subjectId of subjects) {
    for (const claim of await listAllRecords(ctx, 'claims', { subjectId })) {
      if (claim.subjectType === 'person' && !PERSON_FACT_FIELDS.has(String(claim.field))) continue;
      claims.set(claim.id, claim);
    }
  }
  const sources = byId(
    await ctx.store.getMany('sources', [...new Set([...claims.values()].map((c) => String(c.sourceId)))]),
  );
  const facts: DatedFact[] = [];
  // A sentence stated by a report and by its reprints is one fact citing each source.
  const seen = new Map<string, { fact: DatedFact; sourceIds: Set<string> }>();
  let undated = 0;
  for (const claim of claims.values()) {
    const source = sources.get(String(claim.sourceId));
    if (!source) continue;
    const text = String(claim.quote).trim();
    // The letter cites what a source states in the letter's language; fragments and quotes in
    // another language are left to the circumstances, which say the same in sentences.
    if (text.split(/\s+/).length < MIN_QUOTE_WORDS || (lang !== 'en' && !CYRILLIC.test(text))) continue;
    // The event's date, never the date the source was published.
    const actDate = str(actsById.get(String(claim.subjectId))?.dateFrom);
    const date = actDate && FULL_DATE.test(actDate) ? actDate : undefined;
    const cited = {
      sourceTitle: sourceTitle(source, lang),
      ...(str(source.url) ? { sourceUrl: String(source.url) } : {}),
    };
    const key = `${date}\u0000${text.replace(/\s+/g, ' ').toLowerCase()}`;
    const same = seen.get(key);
    if (same) {
      if (same.sourceIds.has(source.id)) continue;
      same.sourceIds.add(source.id);
      same.fact.alsoIn = [...(same.fact.alsoIn ?? []), cited];
      continue;
    }
    if (!date) undated++;
    const fact: DatedFact = {
      ...(date ? { date } : {}),
      text,
      ...(source.language === 'en' ? { textEn: text } : {}),
      ...cited,
    };
    seen.set(key, { fact, sourceIds: new Set([source.id]) });
    facts.push(fact);
  }
  return { facts, undated, sources: [...sources.values()] };
}

/** A place as the letter names it: the gazetteer's name in the letter's language, with its region. */
function placeName(place: StoredRecord, lang: Lang): string {
  // A place recorded without its gazetteer entry is looked up by name, for its Russian form.
  const byId = str(place.gazetteerId) ? gazetteerPlace(String(place.gazetteerId)) : null;
  const known = byId ?? placesNamed(String(place.name)).places[0] ?? null;
  const stored = String(place.name);
  const inCyrillic = LATIN.test(stored) ? cyrillicSpelling(stored) : stored;
  // A Ukrainian letter names a Ukrainian place by its own name, another by its Russian one.
  const name = {
    ru: known ? russianNameOf(known) : inCyrillic,
    uk: (known?.country === 'UA' ? known.name : undefined) ?? (known ? russianNameOf(known) : inCyrillic),
    en: known?.nameEn ?? stored,
  }[lang];
  // A namesake found by name alone may lie in another region: only the linked entry's region is used.
  const region = str(place.region) ?? byId?.admin1;
  if (!region) return name;
  return `${name} (${{ ru: regionNameRu, uk: regionNameUk, en: (r: string) => r }[lang](region)})`;
}

/** A place as a phrase after "в"/"in": "населённом пункте Завитне Бажання (Донецкая область)". */
function sitePhrase(place: StoredRecord, lang: Lang): string {
  const kind = PLACE_KIND_WORDS[String(place.kind)]?.[lang];
  const name = placeName(place, lang);
  if (lang === 'en') return kind ? `${kind} ${name}` : name;
  if (lang === 'uk') return kind ? `${kind} ${name}` : `у місці, яке джерела називають «${name}»`;
  return `${kind ?? 'месте, которое источники называют'} ${kind ? name : `«${name}»`}`;
}

/** A unit or commander as the letter names it; a Russian letter gives an English name in Russian. */
function perpetratorName(org: StoredRecord, lang: Lang): string {
  const names = [String(org.name), ...((org.otherNames as string[] | undefined) ?? [])];
  if (lang === 'en') return names.find((n) => LATIN.test(n)) ?? names[0];
  // A body the lexicon knows (Wagner Group, the Military Police) has its own Russian and Ukrainian name.
  const known = names.map((n) => bodyNameIn(n, lang)).find((n, i) => n !== names[i]);
  if (known) return known;
  const cyrillic = names.filter((n) => CYRILLIC.test(n) && !LATIN.test(n));
  const own = lang === 'uk' ? cyrillic.find((n) => UKRAINIAN_LETTERS.test(n)) : undefined;
  if (own ?? cyrillic[0]) return own ?? cyrillic[0];
  const translated = names.map(lang === 'uk' ? unitNameUk : unitNameRu).find(Boolean);
  return translated ? `${translated} (${names[0]})` : `«${names[0]}»`;
}

/**
 * What the case says happened, for the letter's sentences: how many are held (a count the
 * sources give, as claimed on the case), where (the acts' places), since when (the earliest detention act),
 * by whom (the case's perpetrators), what was done (the acts), the dates the sources name for the
 * case, and the sources themselves.
 */
async function caseCircumstances(
  ctx: AppContext,
  caseId: string | undefined,
  involvements: StoredRecord[],
  acts: StoredRecord[],
  places: Map<string, StoredRecord>,
  factSources: StoredRecord[],
  lang: Lang,
): Promise<CaseCircumstances | undefined> {
  if (!caseId) return undefined;
  const caseClaims = await listAllRecords(ctx, 'claims', { subjectId: caseId });
  const counts = caseClaims
    .filter((c) => c.field === 'detainedCount' && typeof c.value === 'number' && c.value > 0)
    .map((c) => Number(c.value));
  const perpetratorIds = [
    ...new Set(
      involvements
        .filter((i) => i.role === 'perpetrator' && str(i.organizationId))
        .map((i) => String(i.organizationId)),
    ),
  ];
  const perpetrators = await ctx.store.getMany('organizations', perpetratorIds);
  const siteIds = [...new Set(acts.map((a) => str(a.placeId)).filter((id): id is string => Boolean(id)))];
  const since = heldSince(acts);
  const dates = [
    ...new Set(
      caseClaims
        .filter((c) => c.field === 'date' && typeof c.value === 'string')
        .map((c) => String(c.value))
        .sort(),
    ),
  ];
  const sourceIds = new Set(factSources.map((s) => s.id));
  const caseSources = await ctx.store.getMany('sources', [
    ...new Set(caseClaims.map((c) => String(c.sourceId)).filter((id) => !sourceIds.has(id))),
  ]);
  return {
    ...(counts.length ? { heldCount: Math.max(...counts) } : {}),
    sites: siteIds
      .map((id) => places.get(id))
      .filter((p): p is StoredRecord => Boolean(p))
      .map((p) => sitePhrase(p, lang)),
    ...(since ? { since: partialDate(since, lang) } : {}),
    ...(!since && dates.length ? { dates: dates.map((d) => partialDate(d, lang)) } : {}),
    perpetrators: perpetrators.map((o) => perpetratorName(o, lang)),
    acts: [
      ...new Set(acts.map((a) => ACT_WORDS[String(a.type)]?.[lang]).filter((w): w is string => Boolean(w))),
    ],
    sources: [...factSources, ...caseSources].map((s) => sourceReference(s, lang)),
  };
}

/** A source as the letter cites it: its title when in the letter's language, outlet, date, address. */
function sourceReference(source: StoredRecord, lang: Lang): string {
  const title = str(source.title);
  const ownLanguage = title && (lang === 'en' ? !CYRILLIC.test(title) : CYRILLIC.test(title));
  const kind = SOURCE_KIND_WORDS[String(source.kind)]?.[lang] ?? String(source.kind);
  const published = str(source.published);
  const outlet = str(source.outlet);
  const parts =
    lang === 'en'
      ? [ownLanguage ? `"${title}"` : kind, outlet, published ? formatDate(published, lang) : undefined]
      : [
          ownLanguage ? `«${title}»` : kind,
          outlet ? `${lang === 'uk' ? 'видання' : 'издание'} ${outlet}` : undefined,
          published ? `${lang === 'uk' ? 'від' : 'от'} ${formatDate(published, lang)}` : undefined,
        ];
  return [parts.filter(Boolean).join(', '), str(source.url)].filter(Boolean).join(', ');
}

/** "Title, Outlet, 15.03.2024", or the kind of source when it has no title. */
function sourceTitle(source: StoredRecord, lang: Lang): string {
  const title = str(source.title) ?? SOURCE_KIND_WORDS[String(source.kind)]?.[lang] ?? String(source.kind);
  const published = str(source.published);
  return [title, str(source.outlet), published ? formatDate(published, lang) : undefined]
    .filter(Boolean)
    .join(', ');
}

async function earlierAppeals(
  ctx: AppContext,
  caseId: string,
  selfId: string,
  now: Date,
  today: string,
  props: LetterContextProps,
  lang: Lang,
): Promise<EarlierAppeal[]> {
  const timeZone = props.timeZone ?? ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const others = (await listAllRecords(ctx, 'interventions', { caseId }))
    // An appeal a source reports without its date is an earlier appeal all the same.
    .filter((a) => a.id !== selfId && a.status !== 'draft' && (!str(a.sentOn) || String(a.sentOn) <= today))
    .sort((a, b) => String(a.sentOn ?? '').localeCompare(String(b.sentOn ?? '')));
  return others.map((a) => {
    const status = effectiveStatus({ status: storedStatusOf(a), due: str(a.deadline) }, now, timeZone);
    const on = (field: string) => (str(a[field]) ? formatDate(String(a[field]), lang) : '');
    const ru: Record<string, string> = {
      sent: 'ответ не получен',
      no_reply: 'ответ не получен',
      registered: `зарегистрировано ${on('registeredOn')}, ответ не получен`.replace('  ', ' '),
      overdue: `ответ не дан в установленный срок (срок истёк ${on('deadline')})`,
      answered: `получен ответ ${on('answeredOn')}`.trim(),
      refused: `отказ ${on('answeredOn')}`.trim(),
    };
    const uk: Record<string, string> = {
      sent: 'відповіді не отримано',
      no_reply: 'відповіді не отримано',
      registered: `зареєстровано ${on('registeredOn')}, відповіді не отримано`.replace('  ', ' '),
      overdue: `відповіді не надано у встановлений строк (строк сплив ${on('deadline')})`,
      answered: `отримано відповідь ${on('answeredOn')}`.trim(),
      refused: `відмова ${on('answeredOn')}`.trim(),
    };
    const en: Record<string, string> = {
      sent: 'no reply yet',
      no_reply: 'no reply received',
      registered: `registered ${on('registeredOn')}, no reply yet`.replace('  ', ' '),
      overdue: `no reply within the legal term (expired ${on('deadline')})`,
      answered: `answered ${on('answeredOn')}`.trim(),
      refused: `refused ${on('answeredOn')}`.trim(),
    };
    const channel = CHANNEL_WORDS[String(a.channel)]?.[lang];
    const label = recipientLabel(a, lang);
    return {
      // "обращение в Главную военную прокуратуру": the body in the accusative; "звернення до
      // Головної військової прокуратури": in the genitive.
      recipient: { ru: inflectPhrase(label, 'accs'), uk: inflectPhraseUk(label, 'gent'), en: label }[lang],
      ...(str(a.sentOn) ? { sentOn: String(a.sentOn) } : {}),
      ...(str(a.sentOn) && a.sentOnEstimated === true ? { sentOnEstimated: true } : {}),
      outcome: { ru, uk, en }[lang][status],
      ...(channel ? { reference: channel } : {}),
    };
  });
}

function sender(appeal: StoredRecord, given: Partial<LetterSender> | undefined, lang: Lang): LetterSender {
  const fullName = given?.fullName ?? str(appeal.senderName) ?? BLANK;
  const relation = SENDER_RELATION_WORDS[String(appeal.senderKind)] ?? SENDER_RELATION_WORDS.other;
  return {
    ...given,
    fullName,
    fullNameLatin: given?.fullNameLatin ?? (fullName === BLANK ? BLANK : latinSpelling(fullName)),
    postalAddress: given?.postalAddress ?? BLANK,
    relation: given?.relation ?? relation[lang === 'uk' ? 'uk' : 'ru'],
    relationEn: given?.relationEn ?? relation.en,
  };
}
