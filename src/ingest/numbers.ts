import type { Token } from './text.js';

/**
 * Cardinal and collective number words of English, Russian and Ukrainian. Russian and
 * Ukrainian numerals inflect, so each entry is a stem that every case form starts with
 * ("двадцат-ь/и/ью", "п'ят-ь/и/ьох"); the longest matching stem wins.
 */
const WORDS: Array<[RegExp, number]> = [
  // English
  [/^(?:one)$/, 1],
  [/^two$/, 2],
  [/^three$/, 3],
  [/^four$/, 4],
  [/^five$/, 5],
  [/^six$/, 6],
  [/^seven$/, 7],
  [/^eight$/, 8],
  [/^nine$/, 9],
  [/^ten$/, 10],
  [/^eleven$/, 11],
  [/^twelve$/, 12],
  [/^thirteen$/, 13],
  [/^fourteen$/, 14],
  [/^fifteen$/, 15],
  [/^sixteen$/, 16],
  [/^seventeen$/, 17],
  [/^eighteen$/, 18],
  [/^nineteen$/, 19],
  [/^twenty$/, 20],
  [/^thirty$/, 30],
  [/^forty$/, 40],
  [/^fifty$/, 50],
  [/^sixty$/, 60],
  [/^seventy$/, 70],
  [/^eighty$/, 80],
  [/^ninety$/, 90],
  [/^hundred$/, 100],
  [/^thousand$/, 1000],
  // Russian
  [/^(?:один|одна|одно|одного|одной|одному|одним|одном|одну)$/, 1],
  [/^(?:два|две|двух|двум|двумя|двое|двоих)$/, 2],
  [/^(?:три|трех|трем|тремя|трое|троих)$/, 3],
  [/^(?:четыре|четырех|четырем|четырьмя|четверо|четверых)$/, 4],
  [/^(?:пят[ьиюе]|пятеро|пятерых)$/, 5],
  [/^(?:шест[ьиюе]|шестеро|шестерых)$/, 6],
  [/^(?:сем[ьиюе]|семеро|семерых)$/, 7],
  [/^(?:восем[ьи]|восьми|восьмью|восьмерых)$/, 8],
  [/^(?:девят[ьиюе]|девятеро|девятерых)$/, 9],
  [/^(?:десят[ьиюе]|десятеро|десятерых)$/, 10],
  [/^одиннадцат[ьиюе]$/, 11],
  [/^двенадцат[ьиюе]$/, 12],
  [/^тринадцат[ьиюе]$/, 13],
  [/^четырнадцат[ьиюе]$/, 14],
  [/^пятнадцат[ьиюе]$/, 15],
  [/^шестнадцат[ьиюе]$/, 16],
  [/^семнадцат[ьиюе]$/, 17],
  [/^восемнадцат[ьиюе]$/, 18],
  [/^девятнадцат[ьиюе]$/, 19],
  [/^двадцат[ьиюе]$/, 20],
  [/^тридцат[ьиюе]$/, 30],
  [/^сорок[а]?$/, 40],
  [/^пятьдесят|^пятидесят/, 50],
  [/^шестьдесят|^шестидесят/, 60],
  [/^семьдесят|^семидесят/, 70],
  [/^восемьдесят|^восьмидесят/, 80],
  [/^девяност[оа]$/, 90],
  [/^(?:сто|ста)$/, 100],
  [/^(?:двести|двухсот)/, 200],
  [/^(?:триста|трехсот)/, 300],
  [/^(?:четыреста|четырехсот)/, 400],
  [/^пятьсот|^пятисот/, 500],
  [/^тысяч[аиу]?$/, 1000],
  // Ukrainian
  [/^(?:одна|одне|одного|одній|одну|одним|одному)$/, 1],
  [/^(?:дві|двох|двом|двома|двоє)$/, 2],
  [/^(?:трьох|трьом|трьома)$/, 3],
  [/^(?:чотири|чотирьох|чотирьом|четверо)$/, 4],
  [/^(?:п'ят[ьиі]|п'ятьох|п'ятеро)$/, 5],
  [/^(?:шість|шести|шістьох|шестеро)$/, 6],
  [/^(?:сім|семи|сімох|семеро)$/, 7],
  [/^(?:вісім|восьми|вісьмох|восьмеро)$/, 8],
  [/^(?:дев'ят[ьиі]|дев'ятьох|дев'ятеро)$/, 9],
  [/^(?:десят[ьиі]|десятьох|десятеро)$/, 10],
  [/^одинадцят/, 11],
  [/^дванадцят/, 12],
  [/^тринадцят/, 13],
  [/^чотирнадцят/, 14],
  [/^п'ятнадцят/, 15],
  [/^шістнадцят/, 16],
  [/^сімнадцят/, 17],
  [/^вісімнадцят/, 18],
  [/^дев'ятнадцят/, 19],
  [/^двадцят/, 20],
  [/^тридцят/, 30],
  [/^п'ятдесят/, 50],
  [/^шістдесят/, 60],
  [/^сімдесят/, 70],
  [/^вісімдесят/, 80],
  [/^дев'яност/, 90],
  [/^двісті|^двохсот/, 200],
  [/^трьохсот/, 300],
  [/^чотириста|^чотирьохсот/, 400],
  [/^п'ятсот/, 500],
  [/^тисяч[аіу]?$/, 1000],
];

function wordValue(norm: string): number | null {
  for (const [re, value] of WORDS) if (re.test(norm)) return value;
  return null;
}

/** A number read from the text: its value and the tokens it spans. */
export interface NumberMention {
  value: number;
  first: number;
  last: number;
}

/** Reads a number (digits, "400,000", or number words like "двадцать один", "twenty-one") at token i. */
export function readNumber(tokens: Token[], i: number, text: string): NumberMention | null {
  const t = tokens[i];
  if (t.num) {
    let value = Number(t.text);
    let last = i;
    while (
      tokens[last + 1]?.num &&
      tokens[last + 1].text.length === 3 &&
      /^[,\u00a0\u202f ]$/.test(text.slice(tokens[last].end, tokens[last + 1].start))
    ) {
      value = value * 1000 + Number(tokens[last + 1].text);
      last++;
    }
    return { value, first: i, last };
  }
  let total = 0;
  let group = 0;
  let last = -1;
  for (let k = i; k < tokens.length && tokens[k].sentence === t.sentence; k++) {
    const parts = tokens[k].norm.split('-');
    const values = parts.map(wordValue);
    if (values.some((v) => v === null)) break;
    for (const v of values as number[]) {
      if (v === 1000) {
        total += (group || 1) * 1000;
        group = 0;
      } else if (v === 100 && group > 0 && group < 10) group *= 100;
      else group += v;
    }
    last = k;
    const gap = tokens[k + 1] ? text.slice(tokens[k].end, tokens[k + 1].start) : '';
    if (!/^\s+(?:and\s+)?$/.test(gap)) break;
  }
  if (last < 0) return null;
  // "thousands of", "тысячи": a bare plural multiplier is a vague quantity, not a number.
  if (last === i && /^(?:thousand|тысяч[и]?|тисяч[і]?)$/.test(t.norm) && tokens[i - 1]?.norm !== 'a')
    return null;
  return { value: total + group, first: i, last };
}
