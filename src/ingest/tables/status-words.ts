import { PERSON_STATUSES } from '../../domain/record-vocabularies.js';
import { normalize } from '../text.js';

type PersonStatus = (typeof PERSON_STATUSES)[number];

/**
 * How lists kept by hotlines, lawyers and volunteers write a man's status, in Russian,
 * Ukrainian and English, matched at the start of the cell ("задержан", "задержана 12.10",
 * "СЗЧ", "пропал без вести"). Checked in order: "не задержан" must not read as detained.
 */
const STATUS_WORDS: Array<[RegExp, PersonStatus]> = [
  [/^(?:неизвестн|нет данных|невідом|немає даних|unknown|n\/a|н\/д|—|-|\?)/, 'unknown'],
  [
    /^(?:пропал|пропавш|бвп|без вести|нет связи|связи нет|не выходит на связь|зник|безвісти|немає зв'язку|missing|mia\b|no contact)/,
    'missing',
  ],
  [/^(?:погиб|убит|умер|скончал|загинув|загибл|вбит|помер|killed|dead|died|deceased|kia\b)/, 'killed'],
  [/^(?:сзч|соч|самовольн|дезертир|самовільн|deserted|deserter|awol)/, 'deserted'],
  [
    /^(?:освобожд|отпущен|на свобод|вернулся домой|дома\b|звільнен|відпущен|на волі|повернувся додому|released|freed|at home)/,
    'released',
  ],
  [
    /^(?:задержан|арестован|удерживает|содерж|в подвал|на подвал|в яме|в сизо|под страж|в изолятор|незаконно удерж|затриман|заарештован|утриму|під варт|detained|held\b|arrested|in custody|imprisoned)/,
    'detained',
  ],
  [/^(?:отказ|отказал|отказник|відмов|refus|conscientious objector)/, 'refused'],
  [
    /^(?:на фронт|отправлен на фронт|в зоне сво|на сво|на передов|в зоне боев|на фронті|у зоні бойов|на передов|deployed|at the front|sent to the front)/,
    'deployed',
  ],
  [/^(?:мобилиз|призван|мобілізован|призван|mobili[sz]ed|conscripted|drafted|called up)/, 'mobilized'],
  ...PERSON_STATUSES.map((s): [RegExp, PersonStatus] => [new RegExp(`^${s}$`), s]),
];

/** The words of a cell as compared: lower case, ё as е, one space, no trailing punctuation. */
export function statusKey(text: string): string {
  return normalize(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!;,]+$/, '');
}

/**
 * The status a cell names: the list's own words first (`overrides`, compared by `statusKey`),
 * then the built-in ones; undefined when the words are not known.
 */
export function statusOf(
  text: string,
  overrides: ReadonlyMap<string, PersonStatus>,
): PersonStatus | undefined {
  const key = statusKey(text);
  const own = overrides.get(key);
  if (own) return own;
  if (/^(?:не |not |no )/.test(key)) return undefined;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(key)) return status;
  return undefined;
}
