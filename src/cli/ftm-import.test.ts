import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runVigil } from '../testing/cli.js';
import { describeEachEngine } from '../testing/engines.js';

// Written with the reference Python library and accepted by its validator (see its README).
const fixture = fileURLToPath(new URL('../../../shared/fixtures/ftm/reference-built.ftm', import.meta.url));

describeEachEngine('vigil import --format ftm', (db) => {
  test('prints what each entity lost and why, the outcomes per schema, and updates on a second run', () => {
    const dry = runVigil(['import', fixture, '--format', 'ftm', '--dry-run', '--db', db().url]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^dry run, nothing kept: would have created .*3 persons/m);
    const first = runVigil(['import', fixture, '--format', 'ftm', '--db', db().url]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^p-1 \(Person\): dropped idNumber: Vigil keeps no identity numbers/m);
    assert.match(first.stdout, /^san-1 \(Sanction\): skipped: Vigil has no record for a Sanction$/m);
    assert.match(first.stdout, /^ul-2 \(UnknownLink\): skipped: role "associate" is not one of Vigil's/m);
    assert.match(first.stdout, /^Person: 3 created$/m);
    assert.match(first.stdout, /^Event: 2 created$/m);
    assert.match(
      first.stdout,
      /^created .*3 persons.*; updated none; skipped \d+ entities; 0 conflicts \(dataset "default"\)$/m,
    );
    const second = runVigil(['import', fixture, '--format', 'ftm', '--db', db().url]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Person: 3 unchanged$/m);
    assert.match(second.stdout, /^created none; updated none;/m);
    const other = runVigil(['import', fixture, '--format', 'ftm', '--dataset', 'other', '--db', db().url]);
    assert.equal(other.code, 0, other.stderr);
    assert.match(
      other.stdout,
      /^Person: 3 created$/m,
      'the same ids from another dataset are other entities',
    );
  });
});
