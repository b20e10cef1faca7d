import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countPeople } from './people-count.js';

test('a named member of a group is counted once, as one of its number', () => {
  const group = { id: 'g', count: 21, memberPersonIds: ['kashin'] };
  assert.equal(countPeople(['kashin', 'petrov'], [group]), 22);
});

test('named members beyond the stated number raise the count', () => {
  assert.equal(countPeople([], [{ id: 'g', count: 2, memberPersonIds: ['a', 'b', 'c'] }]), 3);
});

test('a sub-group is part of its parent, and its members count in the parent', () => {
  const parent = { id: 'all', count: 21 };
  const exempt = { id: 'exempt', count: 8, parentGroupId: 'all', memberPersonIds: ['kashin'] };
  assert.equal(countPeople(['kashin'], [parent, exempt]), 21);
});

test('overlapping sub-groups give the parent at least the largest of them, never their sum', () => {
  const parent = { id: 'all' };
  const parts = [
    { id: 'exempt', count: 8, parentGroupId: 'all' },
    { id: 'ill', count: 3, parentGroupId: 'all' },
  ];
  assert.equal(countPeople([], [parent, ...parts]), 8);
});

test('a sub-group whose parent is not there counts on its own, and a cycle does not hang', () => {
  assert.equal(countPeople(['x'], [{ id: 'exempt', count: 8, parentGroupId: 'elsewhere' }]), 9);
  const a = { id: 'a', count: 2, parentGroupId: 'b' };
  const b = { id: 'b', count: 5, parentGroupId: 'a' };
  assert.ok(countPeople([], [a, b]) >= 5);
});
