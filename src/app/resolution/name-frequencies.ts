import { termsOf } from '../../domain/text/terms.js';

/**
 * How common a name part is: the share of men whose name holds it. Agreement on a common part
 * ("Сергей", "Иванов") is weak evidence that two records are one man, agreement on a rare one is
 * strong. Shares come from the data at hand (the names of the list being imported) and, for what
 * the data is too small to tell, from the shipped list below.
 *
 * The shipped list holds approximate shares of common Russian and Ukrainian men's first names,
 * fathers' names and surnames, ordered from most to least common, the share falling with the rank
 * (a Zipf-like law fitted so the most common first name is about one man in ten, the most common
 * surname about one in sixty). They are order-of-magnitude estimates for weighting evidence, not
 * census figures; a part not listed counts as rare, with a floor per kind of part.
 */

export type NamePart = 'given' | 'patronymic' | 'surname';

const GIVEN = `Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Владимир Артём Денис
Николай Роман Павел Игорь Никита Антон Олег Виктор Юрий Илья Кирилл Вадим Даниил Владислав Константин
Вячеслав Виталий Руслан Егор Василий Анатолий Валерий Станислав Тимур Артур Геннадий Григорий Борис
Степан Фёдор Георгий Пётр Леонид Ярослав Эдуард Глеб Ростислав Аркадий Матвей Тимофей Лев Семён Марк
Филипп Арсений Богдан Всеволод Валентин Яков Тарас Олександр Сергій Дмитро Андрій Олексій Микола Юрій
Віктор Володимир Іван Василь Михайло Богдан Ігор Петро Віталій Євген`;
const PATRONYMIC = `Александрович Владимирович Сергеевич Николаевич Викторович Юрьевич Анатольевич Андреевич
Алексеевич Михайлович Валерьевич Евгеньевич Игоревич Васильевич Олегович Иванович Геннадьевич
Дмитриевич Петрович Леонидович Вячеславович Борисович Павлович Витальевич Константинович
Григорьевич Фёдорович Станиславович Романович Вадимович Эдуардович Аркадьевич Степанович Георгиевич
Валентинович Семёнович Яковлевич Ильич Тимофеевич Львович Олександрович Володимирович Миколайович`;
const SURNAME = `Смирнов Иванов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Петров Волков
Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов
Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин
Кудрявцев Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв
Герасимов Пономарёв Григорьев Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов
Жуков Фролов Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Дорофеев Егоров
Матвеев Бобров Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров Веселов Филиппов Марков
Шевченко Коваленко Бондаренко Ткаченко Кравченко Мельник Олейник Шевчук Коваль Бойко`;

/** Share of the most common part of each kind, and the rank law's exponent. */
const LAW: Record<NamePart, { top: number; exponent: number; floor: number }> = {
  given: { top: 0.1, exponent: 1, floor: 0.002 },
  patronymic: { top: 0.09, exponent: 1, floor: 0.002 },
  surname: { top: 0.016, exponent: 0.75, floor: 0.0003 },
};

const folded = (words: string) => [...new Set(termsOf(words).map((t) => t.term))];

function shares(words: string, part: NamePart): Map<string, number> {
  const { top, exponent } = LAW[part];
  return new Map(folded(words).map((term, rank) => [term, top * (rank + 1) ** -exponent]));
}

const SHIPPED: Record<NamePart, Map<string, number>> = {
  given: shares(GIVEN, 'given'),
  patronymic: shares(PATRONYMIC, 'patronymic'),
  surname: shares(SURNAME, 'surname'),
};

/** Folded endings of fathers' names (…ович, …евич, …ич, …овна, …евна, Ukrainian …йович, оглы, кызы). */
const PATRONYMIC_ENDING = /(vich|ich|ovn|evn|ichn|ogli|kizi)$/;

/** Which part of a name a folded term most likely is. */
export function partOf(term: string): NamePart {
  if (SHIPPED.given.has(term)) return 'given';
  if (PATRONYMIC_ENDING.test(term) && term.length >= 5) return 'patronymic';
  return 'surname';
}

/** The share of men whose name holds a part: what it costs to agree on it by chance. */
export interface NameFrequencies {
  share(term: string): number;
}

/** Shares from the shipped list alone (when no data is at hand, as in reviewing one report). */
export const SHIPPED_FREQUENCIES: NameFrequencies = {
  share: (term) => {
    const part = partOf(term);
    return SHIPPED[part].get(term) ?? LAW[part].floor;
  },
};

/**
 * Shares observed in a set of names (a list being imported), never below the shipped share. A
 * part is counted once per name; the record being matched is one of them, so one occurrence is
 * taken off before dividing: a part seen once is as rare as the data can tell.
 */
export class ObservedFrequencies implements NameFrequencies {
  private readonly counts = new Map<string, number>();
  private names = 0;

  /** Counts the parts of one man's name (its variants together). */
  add(variants: string[][]): void {
    this.names++;
    for (const term of new Set(variants.flat())) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }

  share(term: string): number {
    const shipped = SHIPPED_FREQUENCIES.share(term);
    // Too few names to say anything about how common a part is.
    if (this.names < 200) return shipped;
    const seen = Math.max(0, (this.counts.get(term) ?? 0) - 1);
    return Math.max(shipped, seen / this.names);
  }
}
