import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { ocrSkip } from '../../testing/ocr.js';
import { REPLY_LETTERS } from '../../testing/reply-letters.js';
import { charErrorRate } from './char-error-rate.js';
import { readScan } from './read-scan.js';
import { renderTestPage } from './render-test-page.js';
import { LOW_CONFIDENCE } from './tesseract-tsv.js';

describe('reading scans and photos with Tesseract', { skip: ocrSkip }, () => {
  test('reads a clean 300 dpi Russian page within 3% character error, words boxed where they were printed', async () => {
    const lines = [...REPLY_LETTERS.forwarded];
    const fontSize = 42;
    const doc = await readScan({ kind: 'image', bytes: await renderTestPage(lines, { fontSize }) }, 'ru');
    const cer = charErrorRate(lines.join('\n'), doc.text);
    assert.ok(cer <= 0.03, `character error rate ${cer.toFixed(4)}`);
    const [page] = doc.pages;
    assert.equal(page.rotation, 0);
    assert.ok(page.confidence > LOW_CONFIDENCE, `mean confidence ${page.confidence}`);
    // The renderer puts line i's baseline at 300 + i × 1.6 × fontSize.
    const at = doc.text.indexOf('принадлежности');
    assert.ok(at >= 0, doc.text);
    const word = page.words.find((w) => w.start === at);
    assert.ok(word, 'the word has a box');
    const baseline = 300 + lines.findIndex((l) => l.includes('принадлежности')) * Math.round(fontSize * 1.6);
    const [, top, , height] = word.box;
    assert.ok(top < baseline && top > baseline - 1.5 * fontSize, `top ${top} near baseline ${baseline}`);
    assert.ok(top + height > baseline - fontSize / 2 && top + height < baseline + fontSize / 2);
  });

  test('reads a skewed, speckled scan and a shaded phone photo taken at an angle and turned sideways', async () => {
    const forwarded = [...REPLY_LETTERS.extended];
    const scan = await renderTestPage(forwarded, { skew: 2.5, noise: 0.02, format: 'tiff', seed: 7 });
    const scanned = await readScan({ kind: 'image', bytes: scan });
    const scanCer = charErrorRate(forwarded.join('\n'), scanned.text);
    assert.ok(scanCer <= 0.05, `skewed scan: character error rate ${scanCer.toFixed(4)}\n${scanned.text}`);

    const answered = [...REPLY_LETTERS.answeredUk];
    const photo = await renderTestPage(answered, {
      perspective: 0.12,
      shade: true,
      noise: 0.01,
      format: 'jpeg',
    });
    const sideways = await sharp(photo).rotate(90).jpeg({ quality: 85 }).toBuffer();
    const read = await readScan({ kind: 'image', bytes: sideways }, 'uk');
    assert.equal(read.pages[0].rotation, 270, 'turned upright by script detection');
    const photoCer = charErrorRate(answered.join('\n'), read.text);
    assert.ok(photoCer <= 0.08, `photo: character error rate ${photoCer.toFixed(4)}\n${read.text}`);
    assert.match(read.text, /звернення від 01\.03\.2024/);
  });
});
