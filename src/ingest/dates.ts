import type { Doc } from './text.js';
import type { DateItem, Span } from './types.js';

/**
 * Month names of English, Russian and Ukrainian in every form a date uses them
 * ("October", "10 октября", "в октябре", "у вересні", "28 квітня").
 */
const MONTHS: Array<[RegExp, number]> = [
  [/^(?:january|jan|январ[ьяею]|янв|січ(?:ень|ня|ні)?)$/, 1],
  [/^(?:february|feb|феврал[ьяею]|февр?|лют(?:ий|ого|ому)?)$/, 2],
  [/^(?:march|mar|март[ае]?|берез(?:ень|ня|ні))$/, 3],
  [/^(?:april|apr|апрел[ьяею]|апр|квіт(?:ень|ня|ні)?)$/, 4],
  [/^(?:may|ма[йяею]|трав(?:ень|ня|ні))$/, 5],
  [/^(?:june|jun|июн[ьяею]|черв(?:ень|ня|ні))$/, 6],
  [/^(?:july|jul|июл[ьяею]|лип(?:ень|ня|ні))$/, 7],
  [/^(?:august|aug|август[ае]?|авг|серп(?:ень|ня|ні)?)$/, 8],
  [/^(?:september|sept|sep|сентябр[ьяею]|сент?|верес(?:ень|ня|ні))$/, 9],
  [/^(?:october|oct|октябр[ьяею]|окт|жовт(?:ень|ня|ні)?)$/, 10],
  [/^(?:november|nov|ноябр[ьяею]|нояб|листопад(?:а|і)?)$/, 11],
  [/^(?:december|dec|декабр[ьяею]|дек|груд(?:ень|ня|ні)?)$/, 12],
];
// A month alone counts as a date only after a word that places an event in it.
const MONTH_LEAD =
  /^(?:in|since|until|till|by|from|early|late|mid|end|beginning|в|во|с|со|до|к|начале|конце|середине|у|з|із|від|на|початку|кінці|середині|наприкінці)$/;
// "у квітні минулого року", "в прошлом году": the year told relative to the publication's.
const RELATIVE_YEAR: Array<[RegExp, number]> = [
  [/^(?:позаминулого|позапрошлого)$/, -2],
  [/^(?:минулого|прошлого|last|previous)$/, -1],
  [/^(?:цього|этого|this|поточного|текущего)$/, 0],
];
const YEAR_WORD = /^(?:року|года|year)$/;
// Weekdays as they place an event: English names, and Russian and Ukrainian ones after в/во/у
// ("во вторник", "у понеділок"), where alone they are also common words ("среда").
const WEEKDAYS: Array<[RegExp, number]> = [
  [/^(?:sunday|воскресенье|неділю|неділя)$/, 0],
  [/^(?:monday|понедельник|понеділок)$/, 1],
  [/^(?:tuesday|вторник|вівторок)$/, 2],
  [/^(?:wednesday|среду|середу)$/, 3],
  [/^(?:thursday|четверг|четвер)$/, 4],
  [/^(?:friday|пятницу|п'ятницю)$/, 5],
  [/^(?:saturday|субботу|суботу)$/, 6],
];

/** The latest day on or before the publication date that falls on a weekday. */
function lastWeekday(weekday: number, published: string): string {
  const back = (new Date(`${published}T00:00:00Z`).getUTCDay() - weekday + 7) % 7;
  return addDays(published, -back);
}

const LATER = /^(?:later|after|спустя|через|потому|по тому|пізніше|згодом)$/;
const DAY_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  дві: 2,
  чотири: 4,
  "п'ять": 5,
};

/** The month a (lower-case) month word names in English, Russian or Ukrainian, or null. */
export function monthOf(norm: string): number | null {
  for (const [re, m] of MONTHS) if (re.test(norm)) return m;
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The year a month without one refers to: the publication year, or the one before for later months. */
function yearFor(month: number, published: string | null): number | null {
  if (!published) return null;
  const py = Number(published.slice(0, 4));
  const pm = Number(published.slice(5, 7));
  return month > pm ? py - 1 : py;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Absolute dates ("June 4, 2023", "10 октября", "в октябре 2022 года") and relative ones
 * resolved against the publication date ("on October 10" in a November article; "two days
 * later" after a stated day).
 */
export function findDates(doc: Doc, published: string | null): DateItem[] {
  const found: Array<{ date: string; span: Span; rule: string }> = [];
  const { tokens, text } = doc;
  let lastDay: { date: string; sentence: number } | null = null;
  // "минулого року" right after token k: the shift of the year from the publication's.
  const relativeYear = (k: number): number | null => {
    const [word, year] = [tokens[k + 1], tokens[k + 2]];
    if (!word || !year || word.sentence !== tokens[k].sentence || !YEAR_WORD.test(year.norm)) return null;
    return RELATIVE_YEAR.find(([re]) => re.test(word.norm))?.[1] ?? null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const same = (k: number) => tokens[k] && tokens[k].sentence === t.sentence;
    const weekday = published ? WEEKDAYS.find(([re]) => re.test(t.norm))?.[1] : undefined;
    const lead = i > 0 && same(i - 1) ? tokens[i - 1].norm : '';
    if (published && weekday !== undefined && (/^[a-z]/.test(t.norm) ? t.cap : /^(?:в|во|у)$/.test(lead))) {
      const date = lastWeekday(weekday, published);
      found.push({
        date,
        span: { start: t.start, end: t.end },
        rule: 'weekday, the last one by the publication date',
      });
      lastDay = { date, sentence: t.sentence };
      continue;
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.slice(t.start, t.start + 10));
    if (iso && t.text.length === 4) {
      found.push({ date: iso[0], span: { start: t.start, end: t.start + 10 }, rule: 'ISO date' });
      i += 2;
      continue;
    }
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text.slice(t.start, t.start + 10));
    if (dotted && t.num) {
      const [d, m, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
      if (m >= 1 && m <= 12 && validDay(y, m, d))
        found.push({
          date: `${y}-${pad(m)}-${pad(d)}`,
          span: { start: t.start, end: t.start + dotted[0].length },
          rule: 'dd.mm.yyyy',
        });
      i += 2;
      continue;
    }
    const month = t.num ? null : monthOf(t.norm);
    if (month && (t.cap || !/^[a-z]/.test(t.norm))) {
      const dayBefore =
        i > 0 && same(i - 1) && tokens[i - 1].num && tokens[i - 1].text.length <= 2
          ? Number(tokens[i - 1].text)
          : null;
      const dayAfter =
        dayBefore === null && same(i + 1) && tokens[i + 1].num && tokens[i + 1].text.length <= 2
          ? Number(tokens[i + 1].text)
          : null;
      const day = dayBefore ?? dayAfter;
      let k = dayAfter !== null ? i + 1 : i;
      const yearTok = [k + 1, k + 2].find((j) => same(j) && tokens[j].num && tokens[j].text.length === 4);
      const explicitYear = yearTok !== undefined ? Number(tokens[yearTok].text) : null;
      if (yearTok !== undefined) k = yearTok;
      const shift = relativeYear(k);
      if (shift !== null) k += 2;
      const year =
        explicitYear ??
        (shift !== null && published ? Number(published.slice(0, 4)) + shift : yearFor(month, published));
      const start = dayBefore !== null ? tokens[i - 1].start : t.start;
      const span = { start, end: tokens[k].end };
      if (year && day !== null && validDay(year, month, day)) {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        found.push({
          date,
          span,
          rule: explicitYear ? 'day month year' : 'day month, year from publication date',
        });
        lastDay = { date, sentence: t.sentence };
      } else if (
        year &&
        day === null &&
        (explicitYear ||
          shift !== null ||
          MONTH_LEAD.test(lead) ||
          (i > 1 && MONTH_LEAD.test(tokens[i - 2].norm)))
      ) {
        found.push({
          date: `${year}-${pad(month)}`,
          span,
          rule: explicitYear ? 'month year' : 'month, year from publication date',
        });
      }
      i = k;
      continue;
    }
    // "two days later", "через два дня", "the next day" after a stated day in the sentences just before.
    if (lastDay && t.sentence - lastDay.sentence <= 2) {
      const n = DAY_WORDS[t.norm] ?? (t.num && t.text.length <= 2 ? Number(t.text) : null);
      const unit = tokens[i + 1]?.norm ?? '';
      if (
        n &&
        /^(?:days?|дня|дней|дні|днів)$/.test(unit) &&
        same(i + 1) &&
        ((same(i + 2) && LATER.test(tokens[i + 2].norm)) || (i > 0 && LATER.test(tokens[i - 1].norm)))
      ) {
        const from = i > 0 && LATER.test(tokens[i - 1].norm) ? i - 1 : i;
        const to = same(i + 2) && LATER.test(tokens[i + 2].norm) ? i + 2 : i + 1;
        found.push({
          date: addDays(lastDay.date, n),
          span: { start: tokens[from].start, end: tokens[to].end },
          rule: `${n} days after ${lastDay.date}`,
        });
      } else if (
        /^(?:next|следующий|наступного)$/.test(t.norm) &&
        /^(?:day|день|дня)$/.test(unit) &&
        same(i + 1)
      ) {
        found.push({
          date: addDays(lastDay.date, 1),
          span: { start: t.start, end: tokens[i + 1].end },
          rule: `day after ${lastDay.date}`,
        });
      }
    }
  }
  // One item per date; a month already covered by a stated day of it adds nothing.
  const days = new Set(found.filter((f) => f.date.length === 10).map((f) => f.date.slice(0, 7)));
  const byDate = new Map<string, DateItem>();
  for (const f of found) {
    if (f.date.length === 7 && days.has(f.date)) continue;
    const item = byDate.get(f.date);
    if (item) item.spans.push(f.span);
    else
      byDate.set(f.date, {
        date: f.date,
        text: text.slice(f.span.start, f.span.end),
        spans: [f.span],
        explain: [f.rule],
      });
  }
  return [...byDate.values()].sort((a, b) => b.date.length - a.date.length || a.date.localeCompare(b.date));
}
