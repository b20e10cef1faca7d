import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionNameRu, unitNameRu } from './russian-names.js';

test('names units given in English the Russian way, or not at all', () => {
  assert.equal(unitNameRu('Fifth company'), '5-я рота');
  assert.equal(
    unitNameRu('the 27th Separate Motorized Rifle Brigade'),
    '27-я отдельная мотострелковая бригада',
  );
  assert.equal(unitNameRu('military unit 12345'), 'войсковая часть 12345');
  assert.equal(unitNameRu('Wagner Group'), null);
  assert.equal(unitNameRu('company'), null);
});

test('names regions in Russian', () => {
  assert.equal(regionNameRu('Donetsk Oblast'), 'Донецкая область');
  assert.equal(regionNameRu('Moskovskaya Oblast'), 'Московская область');
  assert.equal(regionNameRu('Крым'), 'Крым');
});
