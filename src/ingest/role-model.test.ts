import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { predictRole, ROLE_MODEL_URL, roleFeatures } from './role-model.js';
import { developmentRoleModel, trainRoleModel } from './role-training.js';
import { buildDoc } from './text.js';

test('the shipped role model is what `npm run train` builds from the development corpus', () => {
  const shipped = JSON.parse(readFileSync(ROLE_MODEL_URL, 'utf8'));
  const corpus = fileURLToPath(new URL('../../eval/corpus', import.meta.url));
  assert.deepEqual(developmentRoleModel(corpus), shipped);
});

test('a role is learned from the words around the mentions, whatever their inflection', () => {
  const lines = [
    ['Адвокат по делу Иван Петров подал жалобу.', 'lawyer'],
    ['Жалобу в суд подал защитник Сергей Иванов.', 'lawyer'],
    ['Командир части Олег Сидоров угрожал бойцам.', 'perpetrator'],
    ['Бойцам угрожал командир Павел Орлов.', 'perpetrator'],
  ] as const;
  const examples = lines.map(([text, role]) => {
    const doc = buildDoc(text);
    const name = doc.tokens.filter((t) => t.cap).slice(-2);
    return { features: roleFeatures(doc, [{ start: name[0].start, end: name[1].end }], 'ru'), role };
  });
  const model = trainRoleModel(examples, 'test');
  const doc = buildDoc('Жалобу подаст в суд Андрей Лебедев.');
  const name = doc.tokens.filter((t) => t.cap).slice(-2);
  const predicted = predictRole(model, roleFeatures(doc, [{ start: name[0].start, end: name[1].end }], 'ru'));
  assert.equal(predicted.role, 'lawyer');
  // Above chance among the seven roles, and a probability.
  assert.ok(predicted.p > 1 / 7 && predicted.p <= 1);
});
