import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  inflectPhraseUk,
  personsGenitiveUk,
  personsUk,
  regionNameUk,
  unitNameUk,
} from './ukrainian-names.js';

test('puts a body’s name in the genitive after "звернення до", its complement untouched', () => {
  const genitive: Array<[string, string]> = [
    ['Державне бюро розслідувань', 'Державного бюро розслідувань'],
    ['Офіс Генерального прокурора', 'Офісу Генерального прокурора'],
    [
      'Уповноважений Верховної Ради України з прав людини',
      'Уповноваженого Верховної Ради України з прав людини',
    ],
    ['Слідчий комітет Російської Федерації', 'Слідчого комітету Російської Федерації'],
    ['Головна військова прокуратура', 'Головної військової прокуратури'],
    [
      'Головне військове слідче управління Слідчого комітету Російської Федерації',
      'Головного військового слідчого управління Слідчого комітету Російської Федерації',
    ],
    ['Міністерство оборони Російської Федерації', 'Міністерства оборони Російської Федерації'],
    ['Робоча група ООН з питань довільних затримань', 'Робочої групи ООН з питань довільних затримань'],
    [
      'Міжнародний комітет Червоного Хреста, регіональна делегація в Москві',
      'Міжнародного комітету Червоного Хреста, регіональної делегації в Москві',
    ],
  ];
  for (const [nominative, expected] of genitive) assert.equal(inflectPhraseUk(nominative, 'gent'), expected);
});

test('puts an addressee in the dative', () => {
  assert.equal(inflectPhraseUk('Генеральний прокурор', 'datv'), 'Генеральному прокурору');
  assert.equal(
    inflectPhraseUk('Директор Державного бюро розслідувань', 'datv'),
    'Директору Державного бюро розслідувань',
  );
  assert.equal(inflectPhraseUk('Головна військова прокуратура', 'datv'), 'Головній військовій прокуратурі');
});

test('leaves what the dictionary cannot read as it is', () => {
  assert.equal(inflectPhraseUk('Investigative Committee', 'gent'), 'Investigative Committee');
  assert.equal(inflectPhraseUk('МКЧХ', 'gent'), 'МКЧХ');
});

test('names units and regions given in English the Ukrainian way', () => {
  assert.equal(unitNameUk('Fifth company'), '5-та рота');
  assert.equal(unitNameUk('the 3rd Separate Assault Brigade'), '3-тя окрема штурмова бригада');
  assert.equal(unitNameUk('the 155th naval infantry brigade'), '155-та бригада морської піхоти');
  assert.equal(unitNameUk('1st battalion'), '1-й батальйон');
  assert.equal(unitNameUk('military unit 12345'), 'військова частина 12345');
  assert.equal(unitNameUk('Wagner Group'), null);
  assert.equal(regionNameUk('Donetsk Oblast'), 'Донецька область');
  assert.equal(regionNameUk('Moskovskaya Oblast'), 'Московська область');
});

test('counts people with the right form of "особа"', () => {
  assert.deepEqual(
    [1, 3, 5, 11, 21, 22].map((n) => `${n} ${personsUk(n)}`),
    ['1 особа', '3 особи', '5 осіб', '11 осіб', '21 особа', '22 особи'],
  );
  assert.equal(`у кількості 21 ${personsGenitiveUk(21)}`, 'у кількості 21 особи');
  assert.equal(`у кількості 8 ${personsGenitiveUk(8)}`, 'у кількості 8 осіб');
});
