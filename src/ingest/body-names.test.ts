import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyNameIn, LOCALLY_NAMED } from './body-names.js';
import { ORG_LEXICON } from './org-lexicon.js';

test('every body of the lexicon a letter may address or accuse has a Russian and a Ukrainian name', () => {
  const bodies = ORG_LEXICON.filter((o) => ['state_body', 'military', 'armed_group'].includes(o.kind));
  assert.ok(bodies.length > 20);
  for (const body of bodies)
    for (const lang of ['ru', 'uk'] as const) {
      const name = bodyNameIn(body.name, lang);
      assert.notEqual(name, body.name, `${body.name} has no name in ${lang}`);
      assert.match(name, /\p{Script=Cyrillic}{3}/u, `${body.name} in ${lang}: ${name}`);
    }
  const lexicon = new Set(ORG_LEXICON.map((o) => o.name));
  assert.deepEqual(
    LOCALLY_NAMED.filter((name) => !lexicon.has(name)),
    [],
    'no name for a body the lexicon does not have',
  );
});

test('a name the lexicon does not know, and any name in English, stays as given', () => {
  assert.equal(bodyNameIn("Military Prosecutor's Office", 'ru'), 'военная прокуратура');
  assert.equal(bodyNameIn("Military Prosecutor's Office", 'uk'), 'військова прокуратура');
  assert.equal(bodyNameIn("Military Prosecutor's Office", 'en'), "Military Prosecutor's Office");
  assert.equal(
    bodyNameIn('Военная прокуратура Южного военного округа', 'ru'),
    'Военная прокуратура Южного военного округа',
  );
  assert.equal(bodyNameIn('3rd Assault Brigade', 'uk'), '3rd Assault Brigade');
});
