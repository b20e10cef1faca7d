import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadDeadlineData } from '../deadlines/load-deadline-data.js';
import {
  findRecipient,
  loadRecipients,
  toLetterRecipient,
  validateRecipients,
} from './recipient-directory.js';

describe('the recipients directory', () => {
  const recipients = loadRecipients();

  test('lists every body the issue names, with district military prosecutors under the Main Military Prosecutor', () => {
    for (const id of [
      'gvp',
      'gvsu_skr',
      'skr',
      'mod',
      'ombudsman_rf',
      'icrc_moscow',
      'icrc_cta',
      'un_wgad',
    ]) {
      assert.ok(
        recipients.some((r) => r.id === id),
        id,
      );
    }
    assert.ok(recipients.filter((r) => r.parentId === 'gvp').length >= 5);
  });

  test('refers only to deadline rules that exist', () => {
    const ruleIds = new Set(loadDeadlineData().rules.rules.map((r) => r.id));
    for (const r of recipients)
      for (const id of r.deadlineRuleIds) assert.ok(ruleIds.has(id), `${r.id}: ${id}`);
  });

  test('never presents an unknown address as a value', () => {
    for (const r of recipients) {
      if (r.postalAddress.confidence === 'unknown') assert.equal(r.postalAddress.value, null, r.id);
      else assert.ok(r.postalAddress.value, r.id);
    }
  });

  test('gives a letter the addressee in the letter language', () => {
    assert.equal(toLetterRecipient(recipients, 'gvp', 'ru').addressee, 'Главному военному прокурору');
    assert.equal(
      toLetterRecipient(recipients, 'un_wgad', 'en').addressee,
      'The Working Group on Arbitrary Detention',
    );
  });

  test('rejects a directory with a dangling parent', () => {
    const broken = { recipients: [{ ...recipients[0], parentId: 'nowhere' }] };
    assert.throws(() => validateRecipients(broken), /invalid/);
  });
});

test('finds the body an appeal names, and no body for a vague name', () => {
  const recipients = loadRecipients();
  assert.equal(findRecipient(recipients, 'Investigative Committee of Russia')?.id, 'skr');
  assert.equal(findRecipient(recipients, "Main Military Prosecutor's Office")?.id, 'gvp');
  assert.equal(findRecipient(recipients, 'Главная военная прокуратура')?.id, 'gvp');
  assert.equal(findRecipient(recipients, 'Ministry of Defense of Russia')?.id, 'mod');
  assert.equal(findRecipient(recipients, "Prosecutor's Office"), undefined);
});
