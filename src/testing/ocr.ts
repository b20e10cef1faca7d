import { execFileSync } from 'node:child_process';

const requireOcr = process.env.VIGIL_TEST_REQUIRE_OCR === '1';
/** Tesseract languages the OCR tests read with. */
const NEEDED = ['rus', 'ukr', 'osd'];

function missingOcr(): string | false {
  let langs: string[];
  try {
    langs = execFileSync('tesseract', ['--list-langs'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  } catch {
    return 'Tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr)';
  }
  const absent = NEEDED.filter((l) => !langs.includes(l));
  if (absent.length)
    return `Tesseract lacks ${absent.join(', ')} (apt-get install tesseract-ocr-rus tesseract-ocr-ukr)`;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'pdftoppm not installed (apt-get install poppler-utils)';
  }
  return false;
}

/** The reason OCR suites are skipped, or false; with VIGIL_TEST_REQUIRE_OCR=1 (CI) a reason fails the run. */
export const ocrSkip = missingOcr();
if (ocrSkip && requireOcr) throw new Error(`OCR is required (VIGIL_TEST_REQUIRE_OCR=1) but ${ocrSkip}`);
