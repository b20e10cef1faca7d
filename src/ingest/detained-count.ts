import { readNumber } from './numbers.js';
import { DETENTION_CUES } from './site-cues.js';
import type { Doc } from './text.js';
import type { Extraction } from './types.js';

// Nouns (and participles used as nouns) for the people held; stems match every case form.
const PEOPLE =
  /^(?:men|people|persons|soldiers|servicemen|service|conscripts|mobilized|mobilised|draftees|refuseniks|objectors|troops|recruits|detainees|prisoners|fighters|volunteers|contractors|others|человек|люд\p{L}*|мужчин\p{L}*|военн\p{L}*|военнослужащ\p{L}*|мобилизованн\p{L}*|отказник\p{L}*|солдат\p{L}*|бойц\p{L}*|срочник\p{L}*|призывник\p{L}*|контрактник\p{L}*|заключенн\p{L}*|задержанн\p{L}*|пленн\p{L}*|осіб|особи|особа|людей|чоловік\p{L}*|військов\p{L}*|військовослужбов\p{L}*|мобілізован\p{L}*|відмовник\p{L}*|бійц\p{L}*|бійців|строковик\p{L}*|полонен\p{L}*|затриман\p{L}*)$/iu;
// Words that may stand between the number and the noun ("21 Russian conscientious objectors").
const FILLER =
  /^(?:of|the|them|these|those|russian|ukrainian|conscientious|more|other|из|них|их|российских|русских|з|них|російських|інших|других|\p{L}+(?:ых|их|ими|ых|ієї|их|ні|ні))$/iu;
const NOT_A_HEADCOUNT = /^(?:групп\p{L}*|груп\p{L}*|groups?|по|каждый|кожн\p{L}*|each|every|per)$/iu;
const CUE_WINDOW = 16;

/** The largest number of people the report says are held, with the spans that state it. */
export function findDetainedCount(doc: Doc): Extraction['detainedCount'] {
  let best: NonNullable<Extraction['detainedCount']> | null = null;
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const n = readNumber(tokens, i, doc.text);
    if (!n) continue;
    const after = doc.text.slice(tokens[n.last].end, tokens[n.last].end + 2);
    const before = doc.text.slice(Math.max(0, tokens[i].start - 2), tokens[i].start);
    if (/^[-–][а-яa-zіїє]/iu.test(after) || /^[–-]\d/.test(after) || /\d[–-]$/.test(before)) {
      i = n.last;
      continue; // "20-летний", "8–10": ages and ranges are not headcounts
    }
    let noun = -1;
    for (
      let k = n.last + 1;
      k <= n.last + 4 && k < tokens.length && tokens[k].sentence === tokens[i].sentence;
      k++
    ) {
      if (PEOPLE.test(tokens[k].norm)) {
        noun = k;
        break;
      }
      if (!FILLER.test(tokens[k].norm)) break;
    }
    const lead = tokens.slice(Math.max(0, i - 2), i).filter((t) => t.sentence === tokens[i].sentence);
    if (noun < 0 || lead.some((t) => NOT_A_HEADCOUNT.test(t.norm)) || n.value < 1 || n.value > 100_000) {
      i = n.last;
      continue;
    }
    const sentence = doc.sentences[tokens[i].sentence];
    const from = tokens[Math.max(sentence.firstToken, i - CUE_WINDOW)].start;
    const to = tokens[Math.min(sentence.lastToken, noun + CUE_WINDOW)].end;
    const cue = DETENTION_CUES.exec(doc.text.slice(from, to));
    if (cue) {
      const span = { start: tokens[i].start, end: tokens[noun].end };
      if (!best || n.value > best.value)
        best = {
          value: n.value,
          spans: [span],
          explain: [`number before "${tokens[noun].text}" near detention cue "${cue[0]}"`],
        };
      else if (n.value === best.value) best.spans.push(span);
    }
    i = n.last;
  }
  return best;
}
