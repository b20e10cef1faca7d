import { performance } from 'node:perf_hooks';
import { charErrorRate } from '../ingest/ocr/char-error-rate.js';
import { readScan } from '../ingest/ocr/read-scan.js';
import { renderTestPage, type TestPageOptions } from '../ingest/ocr/render-test-page.js';
import { REPLY_LETTERS } from '../testing/reply-letters.js';
import type { BenchRow } from './table.js';

/** The rendered pages measured: clean 300 dpi scans, then scans and photos as they come in. */
const CONDITIONS: Array<{ name: string; options: TestPageOptions }> = [
  { name: 'clean 300 dpi scan', options: {} },
  { name: 'skewed, speckled scan', options: { skew: 2.5, noise: 0.02, format: 'tiff' } },
  {
    name: 'phone photo (perspective, shade, JPEG)',
    options: { perspective: 0.12, shade: true, noise: 0.01, format: 'jpeg' },
  },
];

/**
 * OCR of invented replies rendered to pages: seconds per page (Tesseract limited to one thread,
 * orientation detection included), characters read per second, and the character error rate
 * against the printed text, for Russian and Ukrainian pages under each condition.
 */
export async function benchOcr(log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const letters = Object.entries(REPLY_LETTERS);
  for (const { name, options } of CONDITIONS) {
    for (const lang of ['ru', 'uk'] as const) {
      const pages = letters
        .filter(([key]) => (lang === 'uk') === key.endsWith('Uk'))
        .map(([, lines]) => lines);
      let seconds = 0;
      let chars = 0;
      let errors = 0;
      let printed = 0;
      for (const [k, lines] of pages.entries()) {
        const image = await renderTestPage([...lines], { ...options, seed: k + 1 });
        const started = performance.now();
        const doc = await readScan({ kind: 'image', bytes: image }, lang);
        seconds += (performance.now() - started) / 1000;
        chars += doc.text.length;
        const truth = lines.join('\n');
        errors += charErrorRate(truth, doc.text) * truth.replace(/\s+/g, ' ').trim().length;
        printed += truth.replace(/\s+/g, ' ').trim().length;
      }
      log(`ocr: ${name}, ${lang}: ${pages.length} pages`);
      const metric = `OCR ${lang}, ${name}, ${pages.length} page${pages.length === 1 ? '' : 's'}`;
      rows.push(
        { engine: '-', metric, unit: 's/page (1 thread)', vigil: seconds / pages.length },
        { engine: '-', metric, unit: 'chars/s', vigil: chars / seconds },
        { engine: '-', metric, unit: '% CER', vigil: (100 * errors) / printed },
      );
    }
  }
  return rows;
}
