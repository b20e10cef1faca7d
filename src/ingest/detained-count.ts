import { readNumber } from './numbers.js';
import { DETENTION_CUES } from './site-cues.js';
import type { Doc } from './text.js';
import type { DetentionSite, Extraction } from './types.js';

// Nouns (and participles used as nouns) for the people held; stems match every case form.
const PEOPLE =
  /^(?:men|people|persons|soldiers|servicemen|service|conscripts|mobilized|mobilised|draftees|refuseniks|objectors|troops|recruits|detainees|prisoners|fighters|volunteers|contractors|others|человек|люд\p{L}*|мужчин\p{L}*|военн\p{L}*|военнослужащ\p{L}*|мобилизованн\p{L}*|отказник\p{L}*|солдат\p{L}*|бойц\p{L}*|срочник\p{L}*|призывник\p{L}*|контрактник\p{L}*|заключенн\p{L}*|задержанн\p{L}*|пленн\p{L}*|осіб|особи|особа|людей|чоловік\p{L}*|військов\p{L}*|військовослужбов\p{L}*|мобілізован\p{L}*|відмовник\p{L}*|бійц\p{L}*|бійців|строковик\p{L}*|полонен\p{L}*|затриман\p{L}*|сослуживц\p{L}*|побратим\p{L}*|товариш\p{L}*|comrades)$/iu;
// Words that may stand between the number and the noun ("21 Russian conscientious objectors").
const FILLER =
  /^(?:of|the|them|these|those|russian|ukrainian|conscientious|more|other|contract|mobilized|mobilised|drafted|fellow|young|из|них|их|российских|русских|з|них|російських|інших|других|\p{L}+(?:ых|их|ими|ых|ієї|их|ні|ні))$/iu;
const NOT_A_HEADCOUNT = /^(?:групп\p{L}*|груп\p{L}*|groups?|по|каждый|кожн\p{L}*|each|every|per)$/iu;
const CUE_WINDOW = 16;
// "with eighteen other men", "Yegor and 11 others", "вместе с ещё восемью отказниками", "Дмитро та ще
// шестеро солдатів": the text counts someone it has named plus N others, so N + 1 are held.
const WITH_OR_AND = /^(?:with|and|along|together|вместе|с|со|и|вместе|разом|з|із|зі|та|і|й)$/iu;
const ALSO = /^(?:ещё|еще|ще|also)$/iu;
const OTHERS = /^(?:others?|других|другими|иных|інших|іншими)$/iu;
// "one of the detainees", "один из них": a part named, not the number held.
const PARTITIVE = /^(?:of|из|з|із)$/iu;

function plusOne(doc: Doc, first: number, last: number, noun: number): boolean {
  const { tokens } = doc;
  let k = first - 1;
  const also = k >= 0 && ALSO.test(tokens[k].norm);
  if (also) k--;
  if (k < 0 || tokens[k].sentence !== tokens[first].sentence || !WITH_OR_AND.test(tokens[k].norm))
    return false;
  return also || tokens.slice(last + 1, noun + 1).some((t) => OTHERS.test(t.norm));
}
const THERE =
  /(?<![\p{L}])(?:there|там|тут|здесь|туди|находятся|находится|перебувають|перебуває|remain)(?![\p{L}])/iu;

/** The largest number of people the report says are held, with the spans that state it. */
export function findDetainedCount(doc: Doc, sites: DetentionSite[] = []): Extraction['detainedCount'] {
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
    const partitive = n.value === 1 && PARTITIVE.test(tokens[n.last + 1]?.norm ?? '');
    if (
      noun < 0 ||
      partitive ||
      lead.some((t) => NOT_A_HEADCOUNT.test(t.norm)) ||
      n.value < 1 ||
      n.value > 100_000
    ) {
      i = n.last;
      continue;
    }
    const sentence = doc.sentences[tokens[i].sentence];
    const from = tokens[Math.max(sentence.firstToken, i - CUE_WINDOW)].start;
    const to = tokens[Math.min(sentence.lastToken, noun + CUE_WINDOW)].end;
    // "…держат в школе в Перевальске. Там находятся около 150 человек": the sentence before counts
    // when this one only says where they are.
    const previous = doc.sentences[tokens[i].sentence - 1];
    const deictic = previous && THERE.test(sentence.text) ? DETENTION_CUES.exec(previous.text) : null;
    // "…вместе с 12 другими вывезли в X, где их избивали": a sentence naming a place found to be a
    // detention site speaks of the people held there.
    const siteHere = sites
      .flatMap((s) => s.spans)
      .find((s) => s.start >= sentence.start && s.end <= sentence.end);
    const cue =
      DETENTION_CUES.exec(doc.text.slice(from, to)) ??
      deictic ??
      (siteHere ? [`detention site ${doc.text.slice(siteHere.start, siteHere.end)}`] : null);
    if (cue) {
      const others = plusOne(doc, i, n.last, noun);
      const value = others ? n.value + 1 : n.value;
      const span = { start: tokens[others ? i - 1 : i].start, end: tokens[noun].end };
      if (!best || value > best.value)
        best = {
          value,
          spans: [span],
          explain: [
            `number before "${tokens[noun].text}" near detention cue "${cue[0]}"${others ? ', one named person and N others' : ''}`,
          ],
        };
      else if (value === best.value) best.spans.push(span);
    }
    i = n.last;
  }
  return best;
}
