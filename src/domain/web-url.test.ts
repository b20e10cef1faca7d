import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWebUrl } from './web-url.js';

test('only absolute http and https URLs with a host are web URLs', () => {
  for (const good of ['https://example.org/a?b=c#d', 'http://example.org', 'HTTPS://EXAMPLE.ORG/x'])
    assert.ok(isWebUrl(good), good);
  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'ftp://example.org/a',
    'vbscript:msgbox',
    '/relative/path',
    'https://',
    'https://exa mple.org',
    `https://example.org/${'a'.repeat(2000)}`,
    undefined,
  ])
    assert.ok(!isWebUrl(bad), String(bad));
});
