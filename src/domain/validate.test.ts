import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { VigilError } from './errors.js';
import { BirthDate, CalendarDate, PartialDate, WebUrl } from './schemas/common.js';
import { addVigilFormats, assertValid } from './validate.js';

const Dated = Type.Object(
  {
    when: Type.Optional(PartialDate),
    day: Type.Optional(CalendarDate),
    born: Type.Optional(BirthDate),
    url: Type.Optional(WebUrl),
  },
  { additionalProperties: false },
);

test("Vigil's formats refuse impossible dates and non-web URLs, naming each field with a plain message", () => {
  assert.deepEqual(assertValid(Dated, { when: '2024-02', day: '2024-02-29', born: '1990' }), {
    when: '2024-02',
    day: '2024-02-29',
    born: '1990',
  });
  try {
    assertValid(Dated, { when: '2023-02-29', day: '2023-04-31', born: '2999', url: 'javascript:alert(1)' });
    assert.fail('accepted impossible values');
  } catch (e) {
    assert.ok(e instanceof VigilError);
    const problems = (e.details as { problems: Array<{ path: string; message: string }> }).problems;
    assert.deepEqual(
      problems.map((p) => p.path),
      ['/when', '/day', '/born', '/url'],
    );
    assert.match(problems[0].message, /real date/);
    assert.match(problems[3].message, /http or https/);
  }
});

test('addVigilFormats teaches another Ajv (Fastify query strings) the same formats', () => {
  const other = addVigilFormats(new Ajv({ coerceTypes: 'array' }));
  const check = other.compile(Dated);
  assert.equal(check({ when: '2023-02-30' }), false);
  assert.equal(check({ when: '2023-02-28', url: 'https://example.org' }), true);
});
