import { partialDateBounds } from './partial-date.js';
import { DETENTION_ACTS } from './vocabularies.js';

/**
 * When a case's people were held: from the earliest start of its detention acts to the latest
 * end, each as precisely as the sources date it ("2022-10" stays a month). `ongoing` when a
 * detention that has begun has no end: nobody has said the people were released.
 */
export interface CasePeriod {
  start: string | null;
  end: string | null;
  ongoing: boolean;
}

/** An act as stored: its type and its partial dates are what matter here. */
export interface DatedAct {
  readonly [field: string]: unknown;
  type?: unknown;
  dateFrom?: unknown;
  dateTo?: unknown;
}

const isDetention = (type: unknown) => (DETENTION_ACTS as readonly unknown[]).includes(type);

/**
 * The period of a case from its acts (other act types are ignored); null when no detention act
 * is dated. Of two dates that begin on the same day the less precise one is kept, since it is
 * all the sources agree on.
 */
export function casePeriod(acts: readonly DatedAct[]): CasePeriod | null {
  let start: { text: string; day: string } | null = null;
  let end: { text: string; day: string } | null = null;
  let ongoing = false;
  for (const act of acts) {
    if (!isDetention(act.type)) continue;
    const from = partialDateBounds(act.dateFrom);
    const to = partialDateBounds(act.dateTo);
    // An act dated only by its end still says the people were held then.
    const first = from ?? to;
    const firstText = from ? act.dateFrom : act.dateTo;
    if (first && typeof firstText === 'string') {
      if (
        !start ||
        first.from < start.day ||
        (first.from === start.day && firstText.length < start.text.length)
      )
        start = { text: firstText, day: first.from };
    }
    if (to && typeof act.dateTo === 'string') {
      if (!end || to.to > end.day || (to.to === end.day && act.dateTo.length < end.text.length))
        end = { text: act.dateTo, day: to.to };
    } else if (from) ongoing = true;
  }
  if (!start) return null;
  return { start: start.text, end: ongoing ? null : (end?.text ?? null), ongoing };
}
