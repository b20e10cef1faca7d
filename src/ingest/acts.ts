import type { ActType } from '../domain/vocabularies.js';
import { ACT_CUES, IRREALIS, MODAL, NEGATION, NEGATION_AFTER } from './act-cues.js';
import { findLemmaCues } from './act-lemmas.js';
import { DETENTION_CUES } from './site-cues.js';
import type { Doc, Sentence } from './text.js';
import type { ActItem, Span } from './types.js';

// Violence stated in a hypothetical or threatening clause is a threat, not an act done.
const AS_THREAT: Partial<Record<ActType, ActType>> = {
  beating: 'threat_of_violence',
  torture: 'threat_of_violence',
  extrajudicial_killing: 'threat_of_execution',
  enforced_disappearance: 'threat_of_violence',
};
// Acts that a hypothetical clause cancels outright (a threat of them is another act's matter).
const FACTUAL_ONLY = new Set<ActType>([
  'criminal_prosecution',
  'forced_return_to_combat',
  'arbitrary_detention',
  'enforced_disappearance',
]);

// Going without food or water in combat positions is the war's hardship, not a detainee's
// deprivation: a denial cue counts there only if the sentence also speaks of holding people.
const DENIALS = new Set<ActType>([
  'denial_of_food',
  'denial_of_water',
  'denial_of_hygiene',
  'denial_of_medical_care',
]);
const COMBAT =
  /(?<![\p{L}])(?:(?:their|the|in) positions|front ?line|trenches|losses|casualties|потери|потерь|втрати|втрат|на позиция\p{L}*|в окопа\p{L}*|на передов\p{L}*|на позиція\p{L}*|в окопа\p{L}*)(?![\p{L}])/iu;

// Prisoners of war held by the enemy are not detained arbitrarily unless the text says the
// holding is unlawful or abusive (a basement, a pit) or that their own side holds them.
const WAR_CAPTIVITY =
  /(?<![\p{L}])(?:captivity|captive|prisoners? of war|POWs?|плен\p{L}*|военнопленн\p{L}*|полон\p{L}*|військовополонен\p{L}*)(?![\p{L}])/iu;
const UNLAWFUL_HOLDING =
  /(?<![\p{L}])(?:unlawful\p{L}*|illegal\p{L}*|arbitrar\p{L}*|basements?|cellars?|pits?|незаконн\p{L}*|подвал\p{L}*|ям[аеуы]|підвал\p{L}*|у своих|у своїх|by their own|своими|своїми)(?![\p{L}])/iu;

// The title of an office for missing persons ("Уповноважений з питань осіб, зниклих безвісти",
// "Commissioner for Missing Persons") names no disappearance.
const MISSING_PERSONS_OFFICE =
  /(?:з питань|по вопросам|по делам|(?:commissioner|office|bureau|cent(?:er|re)|register|registry) (?:for|on|of)|уповноважен\p{L}*|уполномоченн?\p{L}*|бюро|реєстр\p{L}*|реестр\p{L}*)(?:[\s,]+\p{L}+){0,3}[\s,]+$/iu;

// A cue's context may stand in its sentence or the one before or after ("Они отказались
// воевать. На них давят.").
const inContext = (doc: Doc, sentence: number, re: RegExp) => {
  const from = doc.sentences[Math.max(0, sentence - 1)].start;
  const to = doc.sentences[Math.min(doc.sentences.length - 1, sentence + 1)].end;
  re.lastIndex = 0;
  return re.test(doc.text.slice(from, to));
};

/** Acts (controlled vocabulary) stated in the text, negated cues dropped, hypothetical violence read as threats. */
export function findActs(doc: Doc): ActItem[] {
  const items = new Map<ActType, ActItem>();
  // Held incommunicado needs someone held: without a word of holding or captivity, men out of
  // touch are soldiers at the front.
  const held = DETENTION_CUES.test(doc.text) || WAR_CAPTIVITY.test(doc.text);
  const add = (type: ActType, span: Span, why: string) => {
    const item = items.get(type);
    if (item) item.spans.push(span);
    else items.set(type, { type, spans: [span], explain: [why] });
  };
  // A cue is judged within its own sentence: negated, in a combat hardship, or hypothetical.
  const judge = (type: ActType, negative: boolean, sentence: Sentence, span: Span) => {
    const at = span.start - sentence.start;
    const cue = doc.text.slice(span.start, span.end);
    const before = sentence.text.slice(Math.max(0, at - 30), at);
    if (
      !negative &&
      (NEGATION.test(before) || NEGATION_AFTER.test(sentence.text.slice(span.end - sentence.start)))
    )
      return;
    if (DENIALS.has(type) && COMBAT.test(sentence.text) && !DETENTION_CUES.test(sentence.text)) return;
    if (type === 'incommunicado_detention' && !held) return;
    if (
      type === 'enforced_disappearance' &&
      MISSING_PERSONS_OFFICE.test(sentence.text.slice(Math.max(0, at - 60), at))
    )
      return;
    if (
      type === 'arbitrary_detention' &&
      WAR_CAPTIVITY.test(sentence.text) &&
      !UNLAWFUL_HOLDING.test(sentence.text)
    )
      return;
    // A done act only: "may be sent back", "могут отправить на фронт" is a risk.
    if (FACTUAL_ONLY.has(type) && MODAL.test(before)) return;
    const irrealis = IRREALIS.exec(sentence.text.slice(0, at));
    if (irrealis && type !== 'threat_of_execution' && type !== 'threat_of_violence') {
      const threat = AS_THREAT[type];
      if (threat) add(threat, span, `cue "${cue}" under "${irrealis[0]}" → threat`);
      if (threat || FACTUAL_ONLY.has(type)) return;
    }
    add(type, span, `cue "${cue}"`);
  };
  // Each phrase cue scans the whole text once.
  for (const cue of ACT_CUES) {
    cue.re.lastIndex = 0;
    let sentenceIndex = 0;
    for (let m = cue.re.exec(doc.text); m; m = cue.re.exec(doc.text)) {
      while (sentenceIndex < doc.sentences.length - 1 && doc.sentences[sentenceIndex].end <= m.index)
        sentenceIndex++;
      if (cue.context && !inContext(doc, sentenceIndex, cue.context)) continue;
      judge(cue.type, cue.negative === true, doc.sentences[sentenceIndex], {
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  for (const m of findLemmaCues(doc))
    judge(m.type, m.negative, doc.sentences[m.sentence], { start: m.start, end: m.end });
  return [...items.values()].sort((a, b) => a.spans[0].start - b.spans[0].start);
}
