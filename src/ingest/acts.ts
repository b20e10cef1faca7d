import type { ActType } from '../domain/vocabularies.js';
import { ACT_CUES, IRREALIS, NEGATION, NEGATION_AFTER } from './act-cues.js';
import { DETENTION_CUES } from './site-cues.js';
import type { Doc } from './text.js';
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
  /(?<![\p{L}])(?:(?:their|the|in) positions|front ?line|trenches|на позиция\p{L}*|в окопа\p{L}*|на передов\p{L}*|на позиція\p{L}*|в окопа\p{L}*)(?![\p{L}])/iu;

/** Acts (controlled vocabulary) stated in the text, negated cues dropped, hypothetical violence read as threats. */
export function findActs(doc: Doc): ActItem[] {
  const items = new Map<ActType, ActItem>();
  const add = (type: ActType, span: Span, why: string) => {
    const item = items.get(type);
    if (item) item.spans.push(span);
    else items.set(type, { type, spans: [span], explain: [why] });
  };
  // Each cue scans the whole text once; a match is judged within its own sentence.
  for (const cue of ACT_CUES) {
    cue.re.lastIndex = 0;
    let sentenceIndex = 0;
    for (let m = cue.re.exec(doc.text); m; m = cue.re.exec(doc.text)) {
      while (sentenceIndex < doc.sentences.length - 1 && doc.sentences[sentenceIndex].end <= m.index)
        sentenceIndex++;
      const sentence = doc.sentences[sentenceIndex];
      const at = m.index - sentence.start;
      const before = sentence.text.slice(Math.max(0, at - 30), at);
      const span = { start: m.index, end: m.index + m[0].length };
      if (
        !cue.negative &&
        (NEGATION.test(before) || NEGATION_AFTER.test(sentence.text.slice(at + m[0].length)))
      )
        continue;
      if (DENIALS.has(cue.type) && COMBAT.test(sentence.text) && !DETENTION_CUES.test(sentence.text))
        continue;
      const irrealis = IRREALIS.exec(sentence.text.slice(0, at));
      if (irrealis && cue.type !== 'threat_of_execution' && cue.type !== 'threat_of_violence') {
        const threat = AS_THREAT[cue.type];
        if (threat) add(threat, span, `cue "${m[0]}" under "${irrealis[0]}" → threat`);
        if (threat || FACTUAL_ONLY.has(cue.type)) continue;
      }
      add(cue.type, span, `cue "${m[0]}"`);
    }
  }
  return [...items.values()].sort((a, b) => a.spans[0].start - b.spans[0].start);
}
