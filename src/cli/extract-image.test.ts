import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderTestPage } from '../ingest/ocr/render-test-page.js';
import { VIGIL_BIN } from '../testing/cli.js';
import { TEST_ENV } from '../testing/keys.js';
import { ocrSkip } from '../testing/ocr.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';

/** `bin/vigil` with room for OCR on a loaded machine (runVigil stops a command after a minute). */
function runVigil(args: string[]) {
  const result = spawnSync(process.execPath, [VIGIL_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VIGIL_LOG: 'off', ...TEST_ENV },
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil extract on a photo of a reply', { skip: ocrSkip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-extract-image-'));

  test('prints the extraction with the recognised reply and its new deadline', async () => {
    const file = join(dir, 'reply.png');
    writeFileSync(file, await renderTestPage([...REPLY_LETTERS.extended], { skew: 1.5, noise: 0.005 }));
    const result = runVigil(['extract', file, '--lang', 'ru']);
    assert.equal(result.code, 0, result.stderr);
    const extraction = JSON.parse(result.stdout) as {
      text: string;
      reply?: {
        outcome: { value: string };
        newDeadline: { value: string } | null;
        outgoingNumber: { value: string } | null;
      };
    };
    assert.match(extraction.text, /срок рассмотрения/);
    assert.equal(extraction.reply?.outcome.value, 'extended');
    assert.equal(extraction.reply?.newDeadline?.value, '2024-05-10');
    assert.equal(extraction.reply?.outgoingNumber?.value, '218/3-1044');
  });

  test('refuses a damaged image with exit code 2 and a one-line error', async () => {
    const file = join(dir, 'damaged.jpg');
    const photo = await renderTestPage(['Военная прокуратура'], { format: 'jpeg' });
    writeFileSync(file, photo.subarray(0, 400));
    const result = runVigil(['extract', file]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /damaged or truncated image/);
  });
});
