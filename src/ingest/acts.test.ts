import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const acts = (text: string) => extractText(text).acts.map((a) => a.type);

test('finds acts from cue phrases in the three languages', () => {
  assert.deepEqual(acts('They are held in a basement and get no food.'), [
    'arbitrary_detention',
    'denial_of_food',
  ]);
  assert.deepEqual(acts('Их избивают и угрожают расстрелом.'), ['beating', 'threat_of_execution']);
  assert.deepEqual(acts('У них забрали телефони.'), [
    'incommunicado_detention',
    'confiscation_of_documents_or_phones',
  ]);
});

test('drops negated cues', () => {
  assert.deepEqual(acts('They were not beaten.'), []);
  assert.deepEqual(acts('Их не избивали.'), []);
  assert.deepEqual(acts('Їх не катували.'), []);
});

test('reads violence in a conditional clause as a threat, not as an act', () => {
  assert.deepEqual(acts('If they refuse, they will be beaten.'), ['threat_of_violence']);
  assert.deepEqual(acts('Если откажутся, их будут бить и пытать.'), ['threat_of_violence']);
});

test('finds mobilization despite an exemption and inadequate training', () => {
  assert.deepEqual(
    acts('He was mobilized despite his deferment and sent to the front without any training.'),
    ['mobilization_despite_exemption', 'inadequate_training'],
  );
});

test('finds pressure to withdraw a refusal', () => {
  assert.deepEqual(acts('Командиры склоняют их к отказу от рапортов.'), ['pressure_to_withdraw_refusal']);
});

test('drops an act denied after its cue and a case that was refused', () => {
  assert.deepEqual(acts('Избиений, по словам матери, не было.'), []);
  assert.deepEqual(acts('The Investigative Committee refused to open a criminal case.'), []);
});
