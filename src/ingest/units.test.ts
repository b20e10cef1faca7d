import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const units = (text: string) => extractText(text).units.map((u) => u.name);

test('finds numbered units in English, Russian and Ukrainian', () => {
  assert.deepEqual(units('He served in military unit 12345.'), ['military unit 12345']);
  assert.deepEqual(units('Его отправили в в/ч 54321.'), ['в/ч 54321']);
  assert.deepEqual(units('Він служив у військовій частині А1234.'), ['військова частина А1234']);
  // A unit known by its field post number.
  assert.deepEqual(units('Його листи приходили на польову пошту В2731, тепер він не відповідає.'), [
    'польова пошта В2731',
  ]);
  assert.deepEqual(units('Служив у п/п А0139, потім зник.'), ['п/п А0139']);
  assert.deepEqual(units('Писали ему на полевую почту 12345.'), ['полевая почта 12345']);
  assert.deepEqual(units('Letters went to field post 45678.'), ['field post 45678']);
});

test('names ordinal units with their adjectives in the nominative', () => {
  assert.deepEqual(units('The commissar of the Fifth company threatened them.'), ['Fifth company']);
  assert.deepEqual(units('He is in the 1st Motor Rifle Regiment.'), ['1st Motor Rifle Regiment']);
  assert.deepEqual(units('Он служил в 3-м мотострелковом батальоне.'), ['3-й мотострелковый батальон']);
  assert.deepEqual(units('Син служить в 11-й окремій гвардійській десантно-штурмовій бригаді.'), [
    '11-та окрема гвардійська десантно-штурмова бригада',
  ]);
});

test('does not take an ordinal far from a unit word for a unit', () => {
  assert.deepEqual(units('They were first sent to the army camp.'), []);
});

test('keeps a branch name after the unit noun and merges two namings of one unit', () => {
  const names = extractText(
    'Бойцов 752-го полка держат в подвале. Среди них военные 752-го мотострелкового полка и 155-й бригады морской пехоты.',
  ).units.map((u) => u.name);
  assert.deepEqual(names, ['752-й мотострелковый полк', '155-я бригада морской пехоты']);
});

test('names units by a bare number or a place adjective, not counts of units', () => {
  assert.deepEqual(units('Обращаемся ко всем: нашим мужьям в 109 полку нужна помощь.'), ['109 полк']);
  assert.deepEqual(units('Его прикомандировали к Ямпольскому полку.'), ['Ямпольский полк']);
  assert.deepEqual(units('Він служив в Ахтирському батальйоні.'), ['Ахтирський батальйон']);
  assert.deepEqual(units('They gathered outside the 331 Paratroopers Regiment in Kostroma.'), [
    '331 Paratroopers Regiment',
  ]);
  assert.deepEqual(units('Туда перебросили 5 батальонов и 3 роты.'), []);
  assert.deepEqual(units('Сюди перекинули 3 бригади та 5 полків.'), []);
});

test('writes the Ukrainian feminine ordinal ending of the last numeral word', () => {
  assert.deepEqual(units('Він служив у 25-й бригаді.'), ['25-та бригада']);
  assert.deepEqual(units('Вона у 42-й бригаді.'), ['42-га бригада']);
  assert.deepEqual(units('Він у 53-й бригаді.'), ['53-тя бригада']);
  assert.deepEqual(units('Він у 47-й бригаді.'), ['47-ма бригада']);
});

test('reads Ukrainian ordinal endings, unit abbreviations and quoted unit names', () => {
  assert.deepEqual(units('Його забрав ТЦК і відправив у 155-ту бригаду.'), ['155-та бригада']);
  assert.deepEqual(units('Він служив у 25-та бригаді.'), ['25-та бригада']);
  assert.deepEqual(units('Військовослужбовці 14-ї ОМБр вийшли на зв’язок.'), ['14-та ОМБр']);
  assert.deepEqual(units('Бойцов 752-го мсп держат в подвале.'), ['752-й мсп']);
  assert.deepEqual(units('Чоловік воював у полку «Азов».'), ['полк «Азов»']);
  assert.deepEqual(units('Він служив у 93 ОМБр «Холодний Яр».'), ['93 ОМБр «Холодний Яр»']);
  assert.deepEqual(units('Сина перевели у ВЧ А-1234.'), ['ВЧ А-1234']);
});
