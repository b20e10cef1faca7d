import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../domain/errors.js';
import { extractReport } from './extract-report.js';

const HTML = `<html><head><meta property="og:title" content="Held in Bryanka"><meta name="date" content="2022-11-07"></head>
<body><article><p>On October 10, 21 mobilized men were locked in a basement in Bryanka.</p></article></body></html>`;

test('extracts an HTML page and anchors relative dates on its own metadata', () => {
  const x = extractReport({ content: Buffer.from(HTML) });
  assert.equal(x.title, 'Held in Bryanka');
  assert.equal(x.published, '2022-11-07');
  assert.equal(x.text.startsWith('Held in Bryanka\n\n'), true);
  assert.deepEqual(
    x.dates.map((d) => d.date),
    ['2022-10-10'],
  );
  assert.equal(x.detainedCount?.value, 21);
  assert.equal(x.detentionSites[0].canonical, 'Brianka');
});

test('every span points into the returned text and the output is deterministic', () => {
  const input = {
    content: 'Родственники 30 мобилизованных, которых держат в подвале в Ровеньках, обратились в ФСБ.',
    published: '2023-01-10',
  };
  const a = extractReport(input);
  assert.deepEqual(extractReport(input), a);
  const items = [
    ...a.detentionSites,
    ...a.persons,
    ...a.organizations,
    ...a.units,
    ...a.dates,
    ...a.acts,
    ...a.appeals,
  ];
  for (const item of items)
    for (const s of item.spans) assert.ok(s.start >= 0 && s.end > s.start && s.end <= a.text.length);
});

test('adds the rule or cue of each item only when asked', () => {
  const content = 'They are held in a basement.';
  assert.equal('explain' in extractReport({ content }).acts[0], false);
  assert.ok(extractReport({ content, explain: true }).acts[0].explain?.length);
});

test('refuses empty, binary, invalid UTF-8 and oversized input', () => {
  const kind = (content: string | Buffer) => {
    try {
      extractReport({ content });
      return 'ok';
    } catch (err) {
      return err instanceof VigilError ? err.kind : 'other';
    }
  };
  assert.equal(kind('   \n'), 'invalid_input');
  assert.equal(kind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), 'invalid_input');
  assert.equal(kind(Buffer.from([0x48, 0xc3, 0x28, 0x41])), 'invalid_input');
  assert.equal(kind(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)), 'too_large');
});
