import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placesNamed, russianNameOf } from './gazetteer.js';

const russian = (ukrainian: string) => {
  const place = placesNamed(ukrainian).places.find((p) => p.country === 'UA');
  assert.ok(place, ukrainian);
  return russianNameOf(place);
};

test('a Ukrainian town is named in Russian as Russian writes it, from the names the gazetteer attests', () => {
  assert.equal(russian('Харків'), 'Харьков');
  assert.equal(russian('Краматорськ'), 'Краматорск');
  assert.equal(russian('Дніпро'), 'Днепр');
  assert.equal(russian('Одеса'), 'Одесса');
  assert.equal(russian('Кривий Ріг'), 'Кривой Рог');
  assert.equal(russian('Біла Церква'), 'Белая Церковь');
  assert.equal(russian('Зайцеве'), 'Зайцево');
});

test('a name Russian writes alike stays, and a former name does not come back', () => {
  assert.equal(russian('Бахмут'), 'Бахмут');
  assert.equal(russian('Ужгород'), 'Ужгород');
  assert.equal(russian('Брянка'), 'Брянка');
});
