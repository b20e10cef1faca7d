import type { OrgMention } from './organizations.js';
import type { Doc } from './text.js';
import type { AppealItem } from './types.js';

// Verbs and nouns of appealing to an authority.
const APPEAL =
  /(?<![\p{L}])(?:appeal\w*|complain\w*|(?:wrote|written|write|writing) to|filed|petition\w*|turned to|reached out to|contacted|sent (?:a |an )?(?:letter|complaint|request|inquiry)|обратил\p{L}*|обраща\p{L}*|обращени\p{L}*|написал\p{L}* (?:в|заявлени\p{L}*|жалоб\p{L}*|письм\p{L}*|обращени\p{L}*)|жалоб\p{L}*|пожаловал\p{L}*|направил\p{L}* (?:запрос|обращени\p{L}*|жалоб\p{L}*)|запрос\p{L}*|звернул\p{L}*|зверта\p{L}*|звернен\p{L}*|скарг\p{L}*|поскаржил\p{L}*|написал\p{L}* до)(?![\p{L}])/iu;
const NO_REPLY =
  /(?<![\p{L}])(?:no (?:reply|response|answer)|(?:not|n['’]t|never) (?:yet )?(?:received|gotten|got) (?:a |any )?(?:reply|response|answer)|(?:not|n['’]t|never) (?:yet )?(?:replied|responded|answered)|ответа (?:нет|не (?:получил\p{L}*|последовало|было))|не ответил\p{L}*|без ответа|відповіді (?:немає|не (?:отримал\p{L}*|надійшло))|не відповіл\p{L}*|без відповіді)(?![\p{L}])/iu;
const REFUSED =
  /(?<![\p{L}])(?:refused|rejected|denied|declined|отказал\p{L}*|отказ(?:ом|ано)|отклонил\p{L}*|відмовил\p{L}*|відмовлено|відхилил\p{L}*)(?![\p{L}])/iu;
const ANSWERED =
  /(?<![\p{L}])(?:replied|responded|answered|received (?:a |an )?(?:reply|response|answer)|ответил\p{L}*|получил\p{L}* ответ|пришел ответ|прийшла відповідь|відповіл\p{L}*|отримал\p{L}* відповідь)(?![\p{L}])/iu;
const BY: Array<[RegExp, AppealItem['by']]> = [
  [/(?<![\p{L}])(?:lawyers?|attorneys?|адвокат\p{L}*|юрист\p{L}*)(?![\p{L}])/iu, 'lawyer'],
  [
    /(?<![\p{L}])(?:relatives?|wives|wife|mothers?|famil\w+|sisters?|parents|родственни\p{L}*|жены|жена|матери|мать|родны\p{L}*|семь\p{L}*|родичі\p{L}*|рідн\p{L}*|дружин\p{L}*|матір\p{L}*|мати|сестр\p{L}*)(?![\p{L}])/iu,
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

/** Appeals to authorities: recipient (from the organizations named in the clause), sender and outcome. */
export function findAppeals(doc: Doc, orgs: OrgMention[]): AppealItem[] {
  const out = new Map<string, AppealItem>();
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
    // The recipient named after the verb, else the nearest one before it.
    const to = recipients.find((o) => o.span.start >= verbAt) ?? recipients[recipients.length - 1];
    const head = sentence.text.slice(0, verb.index);
    const by =
      BY.find(([re]) => re.test(head))?.[1] ?? BY.find(([re]) => re.test(sentence.text))?.[1] ?? 'other';
    const next = doc.sentences[index + 1]?.text ?? '';
    const outcomeText = `${sentence.text.slice(verb.index)} ${next}`;
    const status: AppealItem['status'] = NO_REPLY.test(outcomeText)
      ? 'no_reply'
      : REFUSED.test(sentence.text.slice(verb.index))
        ? 'refused'
        : ANSWERED.test(outcomeText)
          ? 'answered'
          : 'unknown';
    const span = {
      start: Math.min(verbAt, to.span.start),
      end: Math.max(verbAt + verb[0].length, to.span.end),
    };
    const key = to.entry.name;
    const item = out.get(key);
    if (item) {
      item.spans.push(span);
      if (item.status === 'unknown') item.status = status;
    } else
      out.set(key, {
        to: to.entry.name,
        by,
        status,
        spans: [span],
        explain: [`appeal word "${verb[0]}" with recipient "${doc.text.slice(to.span.start, to.span.end)}"`],
      });
  });
  return [...out.values()];
}
