import type { ActType } from '../domain/vocabularies.js';
import { ACT_CUES, IRREALIS, NEGATION } from './act-cues.js';
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

/** Acts (controlled vocabulary) stated in the text, negated cues dropped, hypothetical violence read as threats. */
export function findActs(doc: Doc): ActItem[] {
  const items = new Map<ActType, ActItem>();
  const add = (type: ActType, span: Span, why: string) => {
    const item = items.get(type);
    if (item) item.spans.push(span);
    else items.set(type, { type, spans: [span], explain: [why] });
  };
  for (const sentence of doc.sentences) {
    for (const cue of ACT_CUES) {
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(sentence.text); m; m = cue.re.exec(sentence.text)) {
        const before = sentence.text.slice(Math.max(0, m.index - 30), m.index);
        const span = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
        if (!cue.negative && NEGATION.test(before)) continue;
        const irrealis = IRREALIS.exec(sentence.text.slice(0, m.index));
        if (irrealis && cue.type !== 'threat_of_execution' && cue.type !== 'threat_of_violence') {
          const threat = AS_THREAT[cue.type];
          if (threat) add(threat, span, `cue "${m[0]}" under "${irrealis[0]}" → threat`);
          if (threat || FACTUAL_ONLY.has(cue.type)) continue;
        }
        add(cue.type, span, `cue "${m[0]}"`);
      }
    }
  }
  return [...items.values()].sort((a, b) => a.spans[0].start - b.spans[0].start);
}
