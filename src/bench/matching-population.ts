import { readFileSync } from 'node:fs';
import { random } from './names.js';

/**
 * A realistic population for measuring person matching: Russian men whose surnames, first names
 * and patronymics are drawn with skewed frequencies (so a list of a few thousand holds many
 * namesakes, as real lists do), hometowns drawn from the gazetteer's Russian towns weighted by
 * population, and a pool of military units. The shares are rank-based approximations (a Zipf-like
 * law over names ordered from most to least common), not a published frequency table: what the
 * measurement needs is the skew, which produces namesakes, not the exact share of any one name.
 */

/** Common surnames, most common first; a long tail of generated surnames follows them. */
const SURNAMES = `Смирнов Иванов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Петров Волков
Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев
Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев
Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв Герасимов
Пономарёв Григорьев Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов Жуков Фролов
Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Дорофеев Егоров Матвеев Бобров
Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров Веселов Филиппов Марков Большаков Суханов
Миронов Ширяев Александров Коновалов Шестаков Казаков Ефимов Денисов Громов Фомин Давыдов Мельников
Щербаков Блинов Колесников Карпов Афанасьев Власов Маслов Исаков Тихонов Аксёнов Гаврилов Родионов
Котов Горбунов Кудряшов Быков Зуев Третьяков Савельев Панов Рыбаков Суворов Абрамов Воронов Мухин
Архипов Трофимов Мартынов Емельянов Горшков Чернов Овчинников Селезнёв Панфилов Копылов Михеев Галкин
Назаров Лобанов Лукин Беляков Потапов Некрасов Хохлов Жданов Наумов Шилов Воронцов Ермаков Дроздов
Игнатьев Савин Логинов Сафонов Капустин Кириллов Моисеев Елисеев Кошелев Костин Горбачёв Орехов
Ефремов Исаев Евдокимов Калашников Кабанов Носков Юдин Кулагин Лапин Прохоров Нестеров Харитонов
Агафонов Муравьёв Ларионов Федосеев Зимин Пахомов Шубин Игнатов Филатов Крюков Рогов Кулаков Терентьев
Молчанов Владимиров Артемьев Гурьев Зиновьев Гришин Кононов Дементьев Ситников Симонов Мишин Фадеев
Комиссаров Мамонтов Носов Гуляев Шаров Устинов Вишняков Евсеев Лаврентьев Брагин Константинов Корнилов
Авдеев Зыков Бирюков Шарапов Никонов Щукин Дьячков Одинцов Сазонов Якушев Красильников Гордеев
Самойлов Князев Беспалов Уваров Шашков Бобылёв Доронин Белозёров Рожков Самсонов Мясников Лихачёв
Буров Сысоев Фомичёв Русаков Стрелков Гущин Тетерин Колобов Субботин Фокин Блохин Селиверстов Пестов
Кондратьев Силин Меркушев Лыткин Туров`
  .split(/\s+/)
  .filter((s) => s !== '');

/** Roots and endings that make the tail of rarer surnames (Бурмакин, Лесовский, Гречихин…). */
const TAIL_ROOTS =
  'Бурмак Лесов Гречих Ветл Дудк Жар Заруб Калит Кочет Мохн Ощеп Пряд Ряб Сурк Толокн Ухан Хмел Черемш Шпак Ярош Бахт Вьюн Глух Дерюг Ежак Жмур Завьял Кислиц Лопух Мокр Нечай Ожег Пыж Рогож Сытн Тюр Угл Фед Хвост Цыган Чуприн Шишк Щеглов Юрк Ястреб Баклан Волын Горюн Дымк Елань Жилк Зюз Кубар Лущ Мамч Невз Оглоб Полуш Ратм Сенч Тучк Ушак Фирс Хорьк Чебот Шумк Щепк'.split(
    ' ',
  );
const TAIL_ENDINGS = ['ин', 'ов', 'ев', 'ский', 'енко', 'ых', 'ёнок'];

/** Men's first names (births of the 1970s–2000s), most common first. */
const FIRST_NAMES = `Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Денис
Владимир Никита Роман Павел Антон Николай Игорь Олег Виктор Илья Кирилл Даниил Вадим Константин Егор
Юрий Владислав Руслан Вячеслав Виталий Станислав Василий Тимур Артур Анатолий Валерий Георгий Григорий
Борис Степан Фёдор Ярослав Пётр Леонид Геннадий Глеб Эдуард Ростислав Аркадий Матвей Тимофей Лев Семён
Марк Филипп Арсений Богдан Всеволод Эльдар Ринат Марат`
  .split(/\s+/)
  .filter((s) => s !== '');

/** Fathers' names (births of the 1940s–1970s), most common first, and their patronymic forms. */
const FATHERS = `Александрович Владимирович Сергеевич Николаевич Викторович Юрьевич Анатольевич Андреевич
Алексеевич Михайлович Валерьевич Евгеньевич Игоревич Васильевич Олегович Иванович Геннадьевич
Дмитриевич Петрович Леонидович Вячеславович Борисович Павлович Витальевич Константинович Григорьевич
Фёдорович Станиславович Романович Вадимович Эдуардович Аркадьевич Степанович Георгиевич Валентинович
Семёнович Яковлевич Ильич Тимофеевич Львович Маратович Ринатович Рустамович`
  .split(/\s+/)
  .filter((s) => s !== '');

/** A draw from a list by a rank law: the r-th item has weight r^-exponent. */
function rankedPicker<T>(items: T[], exponent: number, rnd: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, r) => {
    total += (r + 1) ** -exponent;
    cumulative.push(total);
  });
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

/** Russian towns of the shipped gazetteer with their population (a town of none counts as 2,000). */
function russianTowns(): Array<{ name: string; population: number }> {
  const tsv = readFileSync(new URL('../../data/gazetteer/places.tsv', import.meta.url), 'utf8');
  const out: Array<{ name: string; population: number }> = [];
  const seen = new Set<string>();
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f[9] !== 'RU' || !['city', 'town'].includes(f[5]) || seen.has(f[1])) continue;
    seen.add(f[1]);
    out.push({ name: f[1], population: Number(f[12]) || 2000 });
  }
  return out.sort((a, b) => b.population - a.population);
}

/** One man of the population as the first organization stores him. */
export interface Man {
  surname: string;
  given: string;
  patronymic: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  town: string;
  /** The unit's number, written "в/ч N" by the first organization. */
  unit: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A generator of men with realistic name frequencies, deterministic for a seed. */
export function menOf(seed: number): { next: () => Man; namesakeOf: (man: Man) => Man } {
  const rnd = random(seed);
  const tail = TAIL_ROOTS.flatMap((root) => TAIL_ENDINGS.map((e) => root + e));
  // The tail shuffled, so that rank does not follow the alphabet of the roots.
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [tail[i], tail[j]] = [tail[j], tail[i]];
  }
  const surname = rankedPicker([...SURNAMES, ...tail], 0.75, rnd);
  const given = rankedPicker(FIRST_NAMES, 1.1, rnd);
  const patronymic = rankedPicker(FATHERS, 1.0, rnd);
  const towns = russianTowns();
  const town = (() => {
    // Weighted by population to the power 0.7: big cities dominate, but less than their size says.
    const weights = towns.map((t) => t.population ** 0.7);
    const total = weights.reduce((a, b) => a + b, 0);
    return () => {
      let x = rnd() * total;
      for (let i = 0; i < towns.length; i++) {
        x -= weights[i];
        if (x <= 0) return towns[i].name;
      }
      return towns[0].name;
    };
  })();
  const birthDate = () =>
    `${1972 + Math.floor(rnd() * 33)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const units = Array.from({ length: 400 }, () => String(10_000 + Math.floor(rnd() * 90_000)));
  return {
    next: () => ({
      surname: surname(),
      given: given(),
      patronymic: patronymic(),
      birthDate: birthDate(),
      town: town(),
      unit: units[Math.floor(rnd() * units.length)],
    }),
    // A namesake: the same surname and first name (often the same father's name, and a town
    // and unit as likely as anyone's), another man.
    namesakeOf: (man) => ({
      surname: man.surname,
      given: man.given,
      patronymic: rnd() < 0.3 ? man.patronymic : patronymic(),
      birthDate: birthDate(),
      town: rnd() < 0.3 ? man.town : town(),
      unit: units[Math.floor(rnd() * units.length)],
    }),
  };
}
