import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

test('puts an inflected Russian name in the nominative with the dictionary', () => {
  const x = extractText('Жена Елены Кашиной рассказала о муже.');
  assert.ok(x.persons.some((p) => p.name === 'Елена Кашина'));
});

test('puts an inflected Ukrainian name in the nominative, surname unknown to the dictionary', () => {
  const x = extractText("Відеозвернення матері Оксани Плюсніної з'явилося в мережі.");
  assert.equal(x.persons[0].name, 'Оксана Плюсніна');
  assert.equal(x.persons[0].role, 'relative');
});

test("reads a man's name in the genitive, not as a woman's ('сина Олександра Коваленка')", () => {
  const x = extractText('Вона шукає сина Олександра Коваленка.');
  assert.equal(x.persons[0].name, 'Олександр Коваленко');
  assert.equal(x.persons[0].role, 'detainee');
});

test('links surname-only mentions to the full name and keeps every span', () => {
  const x = extractText('Антона Гнедовца мобилизовали. Гнедовец отказался служить.');
  assert.equal(x.persons.length, 1);
  assert.equal(x.persons[0].name, 'Антон Гнедовец');
  assert.equal(x.persons[0].spans.length, 2);
});

test('a man named with "his relatives" is not one of them: the clause says what was done to him', () => {
  const x = extractText(
    'Павел Сидоренко был мобилизован, несмотря на отсрочку. Для Сидоренко и его родных это стало неожиданностью.',
  );
  assert.equal(x.persons[0].role, 'detainee');
  const y = extractText('Elena Kashina, one of the spouses who signed the letter, says her husband is held.');
  assert.equal(y.persons[0].role, 'relative');
});

test('gives roles from kinship, profession and title words in English', () => {
  const x = extractText(
    'Svetlana Orlova, whose 41-year-old husband Nikolai Orlov is held, hired lawyer Maxim Grebenkin. Commander Andrei Sokolov threatened them.',
  );
  const role = (name: string) => x.persons.find((p) => p.name === name)?.role;
  assert.equal(role('Svetlana Orlova'), 'relative');
  assert.equal(role('Nikolai Orlov'), 'detainee');
  assert.equal(role('Maxim Grebenkin'), 'lawyer');
  assert.equal(role('Andrei Sokolov'), 'perpetrator');
  assert.equal(x.persons.find((p) => p.name === 'Nikolai Orlov')?.age, 41);
});

test('reads an age written before a Russian name', () => {
  const x = extractText('20-летний москвич Антон Гнедовец был мобилизован.');
  assert.equal(x.persons[0].age, 20);
});

test('does not list unnamed people or capitalized words that are not names', () => {
  const x = extractText('Current Time reported that the Security Council met. Her husband was detained.');
  assert.deepEqual(x.persons, []);
});

test('Ukrainian given names whose Russian forms differ by more than spelling are names', () => {
  const names = (text: string) => extractText(text, undefined, 'uk').persons.map((p) => p.name);
  assert.deepEqual(names('Про це розповіла Олена Коваленко.'), ['Олена Коваленко']);
  assert.deepEqual(names('Дружина Матвій Шевчук не бачила півроку.'), ['Матвій Шевчук']);
  assert.deepEqual(names('Лист підписала Віра Бондар.'), ['Віра Бондар']);
});

test('a head is an official, a rights worker or a perpetrator by the body named after the title', () => {
  const role = (text: string, lang?: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(
    role("President's Office Head Andriy Yermak said that 60 prisoners were released."),
    'official',
  );
  assert.equal(role('Alexey Tabalov, head of the NGO Conscript School, said more men are held.'), 'other');
  assert.equal(role('Начальник колонии Игорь Смирнов угрожал заключенным.'), 'perpetrator');
  assert.equal(role('Deputy Chairman of the Security Council Ivan Sokolov spoke on Monday.'), 'official');
  assert.equal(
    role(
      'Про це заявила представниця Координаційного штабу з питань поводження з військовополоненими Вікторія Цимбалюк.',
      'uk',
    ),
    'official',
  );
  assert.equal(role('Про це заявив речник Генерального штабу ЗСУ Андрій Ковальов.', 'uk'), 'official');
  assert.equal(role('Фото зробив представник Червоного Хреста Іван Петренко.', 'uk'), 'other');
});

test('kinship words in the instrumental and lawyers called counsel', () => {
  assert.equal(
    extractText('Вона разом із чоловіком Андрієм Коваленком шукає сина.', undefined, 'uk').persons[0].role,
    'detainee',
  );
  assert.equal(extractText('Я говорила с матерью Ольгой Смирновой.').persons[0].role, 'relative');
  assert.equal(
    extractText('Defense counsel Ivan Pavlov said the soldiers were held illegally.').persons[0].role,
    'lawyer',
  );
});

test('a job the person had is not a title; with no cue at all the person is one of the men held', () => {
  const x = extractText(
    '31-летний Алексей Арсютин работал директором магазина, а 25 сентября пошел в военкомат.',
  );
  assert.equal(x.persons[0].role, 'detainee');
});

test('the name alone on a line at the top is the byline of a journalist', () => {
  const x = extractText(
    'Полонених утримують у підвалах\n\nТетяна Катриченко\n\nУ десятках підвалів утримують людей.',
    undefined,
    'uk',
  );
  assert.equal(x.persons[0].role, 'journalist');
});

test('relatives "of" a named man make him the detainee; "the wife of one serviceman, X" is the wife', () => {
  const x = extractText('According to the mothers of Artyom Gorshenin, the men are held in basements.');
  assert.equal(x.persons[0].role, 'detainee');
  const y = extractText(
    'The wife of one serviceman, Valeria Sokolova, said the officials never called back.',
  );
  assert.equal(y.persons[0].role, 'relative');
});

test('public officials everyone knows are officials in any script, even beside words of detention', () => {
  const x = extractText('С началом мобилизации, объявленной Владимиром Путиным, задержанных стало больше.');
  assert.equal(x.persons[0].role, 'official');
  assert.equal(extractText('Volodymyr Zelensky met the released prisoners.').persons[0].role, 'official');
});

test('a kinship word before a word for a soldier makes the named person the relative, in three languages', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Брат мобилизованного Сергей Кузнецов написал жалобу в прокуратуру.', 'ru'), 'relative');
  assert.equal(role('Жена военнослужащего Анна Павлова рассказала, что его удерживают.', 'ru'), 'relative');
  assert.equal(
    role(
      'Мать одного из мобилизованных, которых держат в Зайцево, Наталья Орлова, обратилась к губернатору.',
      'ru',
    ),
    'relative',
  );
  assert.equal(role('Брат мобілізованого Сергій Кравченко написав скаргу.', 'uk'), 'relative');
  assert.equal(
    role('Про це розповіла мати одного з військових, яких утримують у полоні, Наталія Шевченко.', 'uk'),
    'relative',
  );
  assert.equal(
    role('The brother of a mobilized man, Sergei Kuznetsov, wrote a complaint.', 'en'),
    'relative',
  );
});

test('a name in the case of the soldier word after a kinship word is the soldier', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Мать мобилизованного Сергея Кузнецова написала жалобу.', 'ru'), 'detainee');
  assert.equal(role('Мати мобілізованого Сергія Кравченка написала скаргу.', 'uk'), 'detainee');
  assert.equal(role('The mother of mobilized soldier Sergei Kuznetsov wrote a complaint.', 'en'), 'detainee');
  // An adjective for the military is not a soldier without a kinship word before it.
  assert.equal(
    role('Назначенный военными властями глава администрации Иван Петров выступил.', 'ru'),
    'official',
  );
});

test('"X, whose son ..." makes X the relative, in three languages', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(
    role('Sergei Petrov, whose son was mobilized in October, wrote to the prosecutor.', 'en'),
    'relative',
  );
  assert.equal(
    role('Сергей Петров, чей сын был мобилизован в октябре, написал в прокуратуру.', 'ru'),
    'relative',
  );
  assert.equal(
    role('Сергій Петренко, чий син був мобілізований у жовтні, написав до прокуратури.', 'uk'),
    'relative',
  );
});

test('a deputy holds the role of the military title that follows; an English apposition reaches past "the X"', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(
    role('Игорь Морозов, заместитель командира батальона, не отвечает на звонки.', 'ru'),
    'perpetrator',
  );
  assert.equal(
    role('Ігор Мороз, заступник командира батальйону, не відповідає на дзвінки.', 'uk'),
    'perpetrator',
  );
  assert.equal(role('Заместитель министра обороны Игорь Морозов выступил в Думе.', 'ru'), 'official');
  assert.equal(role('Igor Morozov, the battalion commander, refused to meet them.', 'en'), 'perpetrator');
  assert.equal(role("Ivan Petrov, the family's lawyer, filed a complaint.", 'en'), 'lawyer');
  // A title after a verb is someone else's: "X, said the lawyer".
  assert.notEqual(role('Igor Morozov was mobilized, said the lawyer.', 'en'), 'lawyer');
});

test('a woman named without any cue is taken for a relative, a man for one of the men held', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Ольга Смирнова рассказала, что не знает, где он находится.', 'ru'), 'relative');
  assert.equal(role('Оксана Ткаченко розповіла, що не знає, де він перебуває.', 'uk'), 'relative');
  assert.equal(role('Olga Smirnova said she does not know where he is.', 'en'), 'relative');
  assert.equal(role('Игорь Смирнов пропал в конце октября.', 'ru'), 'detainee');
  // Words of detention beside her name still make her one of those held.
  assert.equal(role('Ольга Смирнова задержана на блокпосту.', 'ru'), 'detainee');
});

test('"X said his son was held" makes X the relative, in three languages; "his son X" stays the son', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Сергей Петров рассказал, что его сына мобилизовали в сентябре.', 'ru'), 'relative');
  assert.equal(role('Сергій Петренко розповів, що його сина мобілізували у вересні.', 'uk'), 'relative');
  assert.equal(role('Sergei Petrov said his son was mobilized in September.', 'en'), 'relative');
  assert.equal(role('Его сын Илья Петров мобилизован.', 'ru'), 'detainee');
});

test('prisoners of war after a kinship word and a family named beside a man', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Брат військовополоненого Сергій Кравченко звернувся до омбудсмана.', 'uk'), 'relative');
  assert.equal(role('Брат военнопленного Сергей Кузнецов обратился к омбудсмену.', 'ru'), 'relative');
  assert.equal(role('Сергій Кравченко, його родина не знає, де він.', 'uk'), 'detainee');
});

test('a speaker quoted on "my son" is the relative, in three languages; "мой сын X" is the son', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('«Моего сына забрали прямо с работы», — говорит Сергей Петров.', 'ru'), 'relative');
  assert.equal(role('«Мого сина забрали просто з роботи», — каже Сергій Петренко.', 'uk'), 'relative');
  assert.equal(role('"They took my son straight from work," says Sergei Petrov.', 'en'), 'relative');
  assert.equal(role('Мой сын Илья Петров служит в армии.', 'ru'), 'detainee');
});

test('members of parliament, press secretaries and ombudspersons are officials', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Про це повідомив нардеп Сергій Петренко.', 'uk'), 'official');
  assert.equal(role('Ombudsperson Sergei Petrov visited the camp.', 'en'), 'official');
  assert.equal(role('Об этом сообщил спикер Сергей Петров.', 'ru'), 'official');
});

test('experts and scholars are quoted people (other); a prisoner of war is held; heads of police and the General Staff are officials', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Психолог Сергей Петров объясняет, как говорить с детьми.', 'ru'), 'other');
  assert.equal(role('Історик Сергій Петренко пояснює, чому це важливо.', 'uk'), 'other');
  assert.equal(role('Analyst Sergei Petrov explains why this matters.', 'en'), 'other');
  assert.equal(role('Військовополонений Сергій Петренко повернувся додому.', 'uk'), 'detainee');
  assert.equal(role('Начальник полиции Сергей Петров отказался от комментариев.', 'ru'), 'official');
  assert.equal(role('Про це заявив начальник Генштабу Сергій Петренко.', 'uk'), 'official');
});

test('English plural titles and more kinship words (dad, stepfather, aunt) in three languages', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('The soldiers hired lawyers Ivan Petrov and Maxim Orlov.', 'en'), 'lawyer');
  assert.equal(role('His dad, Sergei Petrov, wrote to the prosecutor.', 'en'), 'relative');
  assert.equal(role('Его отчим Сергей Петров написал в прокуратуру.', 'ru'), 'relative');
  assert.equal(role('Його дідусь Сергій Петренко написав до прокуратури.', 'uk'), 'relative');
});

test('kinship words in the accusative and female titles in Ukrainian', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(role('Повестку вручили через его жену Ольгу Смирнову.', 'ru'), 'relative');
  assert.equal(role('Повістку вручили через його дружину Олену Коваленко.', 'uk'), 'relative');
  assert.equal(role('Про це заявила міністерка Олена Коваленко.', 'uk'), 'official');
});

test('a woman named in the genitive after "mother of one of the soldiers" is the mother', () => {
  const role = (text: string, lang: 'en' | 'ru' | 'uk') =>
    extractText(text, undefined, lang).persons[0]?.role;
  assert.equal(
    role('Канал показав звернення матері одного з цих військових Ірини Шевчук.', 'uk'),
    'relative',
  );
  assert.equal(
    role('Канал показал обращение матери одного из этих мобилизованных Ирины Орловой.', 'ru'),
    'relative',
  );
  assert.equal(
    role('The channel showed an appeal by the mother of one of these soldiers Irina Orlova.', 'en'),
    'relative',
  );
});
