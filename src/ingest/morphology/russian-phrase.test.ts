import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflectPhrase } from './russian-phrase.js';

test('puts an authority’s name in the case the letter needs, its complement untouched', () => {
  assert.equal(inflectPhrase('Главная военная прокуратура', 'accs'), 'Главную военную прокуратуру');
  assert.equal(inflectPhrase('Главный военный прокурор', 'datv'), 'Главному военному прокурору');
  assert.equal(
    inflectPhrase('Военная прокуратура Южного военного округа', 'loct'),
    'Военной прокуратуре Южного военного округа',
  );
  assert.equal(
    inflectPhrase('Главное военное следственное управление СК России', 'datv'),
    'Главному военному следственному управлению СК России',
  );
  assert.equal(inflectPhrase('Следственный комитет РФ', 'accs'), 'Следственный комитет РФ');
  assert.equal(
    inflectPhrase('Уполномоченный по правам человека в Российской Федерации', 'accs'),
    'Уполномоченного по правам человека в Российской Федерации',
  );
  assert.equal(inflectPhrase('военнослужащий', 'loct'), 'военнослужащем');
});

test('leaves what the dictionary cannot read as it is', () => {
  assert.equal(inflectPhrase('Investigative Committee', 'accs'), 'Investigative Committee');
  assert.equal(inflectPhrase('МККК', 'accs'), 'МККК');
});
