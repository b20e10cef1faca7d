import type { OrgMention } from './organizations.js';
import type { Doc } from './text.js';
import type { AppealItem, DateItem } from './types.js';

// Verbs and nouns of appealing to an authority.
const APPEAL =
  /(?<![\p{L}])(?:appeal\w*|complain\w*|(?:wrote|written|write|writing) to|filed|petition\w*|turned to|reached out to|contacted|sent (?:a |an )?(?:letter|complaint|request|inquiry)|обратил\p{L}*|обраща\p{L}*|обращени\p{L}*|написал\p{L}* (?:в|заявлени\p{L}*|жалоб\p{L}*|письм\p{L}*|обращени\p{L}*)|жалоб\p{L}*|пожаловал\p{L}*|направил\p{L}* (?:запрос|обращени\p{L}*|жалоб\p{L}*)|запрос\p{L}*|звернул\p{L}*|зверта\p{L}*|звернен\p{L}*|скарг\p{L}*|поскаржил\p{L}*|написал\p{L}* до|написал\p{L}* (?:заяв|скарг|звернен|лист)\p{L}* (?:до|в|у)|(?:на)?писа(?:л|ла|ли|в) (?:до|в|у)|(?:на)?писа(?:л|ла|ли|в)(?= \p{Lu})|(?:asked|requested|urged|called on|alerted|ask|asks|urge)|(?:обрыва|оборвал|обрива)\p{L}* телефон\p{L}*|связал\p{L}* с|пыта\p{L}* связаться с|зв.язал\p{L}* з|(?:при|вы|ви)(?:шли|йшли)(?: \p{L}+)? (?:до|к|в|у)(?: будівл\p{L}*| здани\p{L}*)?|написан\p{L}* (?:\p{L}+ )?(?:заявлени|жалоб|обращени|письм)\p{L}*|подал\p{L}* (?:\p{L}+ )?(?:заявлени|жалоб|иск|ходатайств|обращени)\p{L}*|под(?:ав|ала|али) (?:\p{L}+ )?(?:заяв|скарг|позов|клопотанн|звернен)\p{L}*|(?:по)?просил\p{L}*|(?:от|на)правил\p{L}* (?:\p{L}+ )?(?:жалоб|запрос|обращени|письм|заявлени)\p{L}*|(?:надіслал|направил|відправил)\p{L}* (?:\p{L}+ )?(?:скарг|запит|звернен|лист|заяв)\p{L}*)(?![\p{L}])/iu;
const RELATIVE = /,\s*(?:which|who|котор\p{L}*|яка|який|які|яке)(?![\p{L}])/iu;
const NO_REPLY =
  /(?:(?<=n['’]t )(?:yet )?(?:received|gotten|got|replied|responded|answered|reply|respond|answer|heard back)|(?<![\p{L}])(?:no (?:reply|response|answer)|nobody (?:has )?(?:replied|responded|answered)|no one (?:has )?(?:replied|responded|answered)|(?:not|never) (?:yet )?(?:received|gotten|got) (?:a |any )?(?:reply|response|answer)|(?:not|never) (?:yet )?(?:replied|responded|answered|reply|respond|answer|heard back)|went unanswered|ignored|ответ(?:а|ов) (?:\p{L}+ )?(?:нет|не (?:получил\p{L}*|последовало|было|пришло|дождал\p{L}*))|не ответил\p{L}*|не отвечают|без ответа|игнорир\p{L}*|проигнорир\p{L}*|не попал\p{L}* на при[её]м|на при[её]м не попал\p{L}*|не дозвонил\p{L}*|відповід(?:і|ей) (?:\p{L}+ )?(?:немає|не (?:отримал\p{L}*|надійшло|було|дочекал\p{L}*))|не відповіл\p{L}*|не відповідають|без відповіді|ігнору\p{L}*|проігнору\p{L}*|не потрапил\p{L}* на прийом|не додзвонил\p{L}*))(?![\p{L}])/iu;
const REFUSED =
  /(?<![\p{L}])(?:refused(?! to (?:fight|serve|go|return|take|participate|continue|obey|follow|attack|sign|carry))|rejected|denied|declined|turned down|отказал[аи]?|отказ(?:ом|ано)|получил\p{L}* отказ|отримал\p{L}* відмову|отклонил\p{L}*|відмовил[аи]?|відмовив(?!ся)|відмовлено|відхилил\p{L}*)(?![\p{L}])/iu;
// Any reply, however little it gives: an answer, a brush-off, a promise, a hearing, "taken into work".
const ANSWERED =
  /(?<![\p{L}])(?:replied|responded|answered|promised|assured|received (?:a |an )?(?:\p{L}+ )?(?:reply|response|answer)|(?:a |the )?(?:reply|response|answer) (?:came|arrived|said|stated)|ответил\p{L}*|получил\p{L}* (?:\p{L}+ )?ответ\p{L}*|(?:пришел|пришли|пришло|поступил\p{L}*) (?:\p{L}+ )?ответ\p{L}*|ответ\p{L}* (?:пришел|пришли|поступил\p{L}*)|отписк\p{L}*|(?:принят\p{L}*|взял\p{L}*|взят\p{L}*) в работу|выслушал\p{L}*|пообещал\p{L}*|заверил\p{L}*|реакци\p{L}* (?:\p{L}+ ){0,6}на (?:письм|обращени|жалоб|запрос)\p{L}*|прийшл\p{L}* (?:\p{L}+ )?відповід\p{L}*|відповідь (?:прийшла|надійшла)|надійшл\p{L}* (?:\p{L}+ )?відповід\p{L}*|відповіл\p{L}*|відповіли|отримал\p{L}* (?:\p{L}+ )?відповід\p{L}*|відписк\p{L}*|(?:прийнят\p{L}*|взял\p{L}*|взят\p{L}*) в роботу|вислухал\p{L}*|пообіцял\p{L}*|пообіцяв|запевнил\p{L}*|запевнив)(?![\p{L}])/iu;
const BY: Array<[RegExp, AppealItem['by']]> = [
  [/(?<![\p{L}])(?:lawyers?|attorneys?|адвокат\p{L}*|юрист\p{L}*)(?![\p{L}])/iu, 'lawyer'],
  [
    /(?<![\p{L}])(?:relatives?|wives|wife|mothers?|famil\w+|sisters?|parents|родственни\p{L}*|жены|жена|матер\p{L}*|мать|мам[аиы]|родител\p{L}*|батьк\p{L}*|родны\p{L}*|семь\p{L}*|родичі\p{L}*|рідн\p{L}*|дружин\p{L}*|матір\p{L}*|мати|сестр\p{L}*)(?![\p{L}])/iu,
    'relatives',
  ],
  [
    /(?<![\p{L}])(?:human rights (?:activists|defenders|group|organization)|ngo|правозащитн\p{L}*|правозахисн\p{L}*)(?![\p{L}])/iu,
    'ngo',
  ],
  [
    /(?<![\p{L}])(?:soldiers|servicemen|conscripts|mobilized|detainees|the men|военнослужащ\p{L}*|мобилизованн\p{L}*|бойц\p{L}*|солдат\p{L}*|військов\p{L}*|мобілізован\p{L}*|бійц\p{L}*)(?![\p{L}])/iu,
    'detainees',
  ],
];

// "Prosecutor's Office" and "Main Military Prosecutor's Office" may be one body named twice.
function sameBody(a: string, b: string): boolean {
  const words = (x: string) =>
    x
      .toLowerCase()
      .split(/[^a-z']+/)
      .filter((w) => w.length > 2 && w !== 'the' && w !== 'of');
  const [short, long] = words(a).length <= words(b).length ? [words(a), words(b)] : [words(b), words(a)];
  return short.length > 0 && short.every((w) => long.includes(w));
}

function statusOf(text: string): AppealItem['status'] | null {
  return NO_REPLY.test(text)
    ? 'no_reply'
    : REFUSED.test(text)
      ? 'refused'
      : ANSWERED.test(text)
        ? 'answered'
        : null;
}

// "The Investigative Committee refused to open a case. The Red Cross did not respond.", "Обращения
// приняты в работу.": the outcome told in the next sentence unless it names only other bodies, or
// in one of the few after it that names the same body or speaks of the appeal or a reply; a sentence
// that makes a new appeal to another body ends the search.
const FOLLOWING = 4;
// Words for a reply speak of an appeal by themselves ("пришли ответы, что…").
const REPLY_WORD =
  /(?<![\p{L}])(?:ответ\p{L}*|отписк\p{L}*|відповід\p{L}*|відписк\p{L}*|repl(?:y|ies)|responses?|answers?)(?![\p{L}])/iu;
function outcomeLater(
  doc: Doc,
  orgs: OrgMention[],
  index: number,
  name: string,
): AppealItem['status'] | null {
  for (const [k, s] of doc.sentences.slice(index + 1, index + 1 + FOLLOWING).entries()) {
    const named = orgs.filter(
      (o) => o.span.start >= s.start && o.span.end <= s.end && o.entry.kind !== 'media',
    );
    const same = named.some((o) => sameBody(o.entry.name, name));
    const appealAgain = APPEAL.test(s.text);
    if (named.length > 0 && !same && appealAgain) return null;
    const linked = same || appealAgain || REPLY_WORD.test(s.text) || (k === 0 && named.length === 0);
    const status = linked ? statusOf(s.text) : null;
    if (status) return status;
  }
  return null;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When an appeal was sent: the date its sentence states ("on 2 October they wrote to…"), the one
 * nearest the appeal word when there are several; else the publication date, for an appeal the
 * report tells of was sent by then. Only a full date the text gives is exact.
 */
function sendingDate(
  dates: DateItem[],
  sentence: { start: number; end: number },
  verbAt: number,
  published: string | null,
): Pick<AppealItem, 'date' | 'dateEstimated'> {
  const inSentence = dates
    .flatMap((d) => d.spans.map((s) => ({ date: d.date, at: s.start })))
    .filter((d) => d.at >= sentence.start && d.at < sentence.end && (!published || d.date <= published))
    .sort((a, b) => Math.abs(a.at - verbAt) - Math.abs(b.at - verbAt));
  const stated = inSentence[0]?.date;
  if (stated && FULL_DATE.test(stated)) return { date: stated, dateEstimated: false };
  if (stated && /^\d{4}-\d{2}$/.test(stated)) return { date: `${stated}-01`, dateEstimated: true };
  return published && FULL_DATE.test(published) ? { date: published, dateEstimated: true } : {};
}

/**
 * Appeals to authorities: recipient (from the organizations named in the clause), sender, outcome
 * and sending date (from the dates found in the text, else the publication date).
 */
export function findAppeals(
  doc: Doc,
  orgs: OrgMention[],
  dates: DateItem[] = [],
  published: string | null = null,
): AppealItem[] {
  const out = new Map<string, AppealItem>();
  // Appeals whose outcome the report has not told yet: a later mention may tell it.
  const untoldOf = new Set<AppealItem>();
  let lastBy: AppealItem['by'] | null = null;
  doc.sentences.forEach((sentence, index) => {
    const verb = APPEAL.exec(sentence.text);
    if (!verb) return;
    const verbAt = sentence.start + verb.index;
    const recipients = orgs.filter(
      (o) =>
        o.span.start >= sentence.start &&
        o.span.end <= sentence.end &&
        o.entry.kind !== 'media' &&
        o.entry.kind !== 'company',
    );
    if (recipients.length === 0) return;
    // The recipients named after the verb ("wrote to A and to B"), else the nearest one before it.
    // A relative clause after the first recipient tells what it did ("…, which forwarded it to B").
    const firstAfter = recipients.find((o) => o.span.start >= verbAt);
    const clause = firstAfter ? RELATIVE.exec(doc.text.slice(firstAfter.span.end, sentence.end)) : null;
    const clauseAt = firstAfter && clause ? firstAfter.span.end + clause.index : sentence.end;
    const after = recipients.filter((o) => o.span.start >= verbAt && o.span.start < clauseAt);
    const targets = after.length ? after : [recipients[recipients.length - 1]];
    const head = sentence.text.slice(0, verb.index);
    // With no sender in the sentence, the sender of the appeal just before goes on.
    const by =
      BY.find(([re]) => re.test(head))?.[1] ??
      BY.find(([re]) => re.test(sentence.text))?.[1] ??
      lastBy ??
      'other';
    lastBy = by;
    // The outcome told after the appeal word, else before it ("the governor's reaction to the letter").
    const ownStatus =
      statusOf(sentence.text.slice(verb.index)) ?? statusOf(sentence.text.slice(0, verb.index));
    // Nothing told of the outcome: unknown, as the shared gold annotates it (an appeal "sent" is
    // one the report says went out and was not yet answered, which it rarely says in so many words).
    const untold: AppealItem['status'] = 'unknown';
    const when = sendingDate(dates, sentence, verbAt, published);
    for (const to of targets) {
      const told = ownStatus ?? outcomeLater(doc, orgs, index, to.entry.name);
      const status = told ?? untold;
      const span = {
        start: Math.min(verbAt, to.span.start),
        end: Math.max(verbAt + verb[0].length, to.span.end),
      };
      const key = to.entry.name;
      const item = out.get(key);
      if (item) {
        item.spans.push(span);
        if (told && untoldOf.has(item)) {
          item.status = told;
          untoldOf.delete(item);
        }
        // A later sentence that dates the appeal dates it better than the publication date.
        if (item.dateEstimated && when.dateEstimated === false) Object.assign(item, when);
      } else {
        const recipient = doc.text.slice(to.span.start, to.span.end);
        const created: AppealItem = {
          to: key,
          by,
          status,
          ...when,
          spans: [span],
          explain: [`appeal word "${verb[0]}" with recipient "${recipient}"`],
        };
        out.set(key, created);
        if (!told) untoldOf.add(created);
      }
    }
  });
  return [...out.values()];
}
