import { execFile } from 'node:child_process';
import { VigilError } from '../../domain/errors.js';
import { parseTesseractTsv, type TsvPage } from './tesseract-tsv.js';

/** Longest one page may take; a page that runs longer is a hostile or broken image. */
const PAGE_TIMEOUT_MS = 180_000;

export interface TesseractOptions {
  /** Tesseract language codes, e.g. ['rus', 'ukr']. */
  languages: string[];
  /** Resolution the page was scanned or rendered at; Tesseract sizes its noise filters by it. */
  dpi: number;
}

/** Runs the Debian `tesseract` binary on one page image (PNG bytes) and reads its TSV output. */
export async function recognisePage(png: Buffer, { languages, dpi }: TesseractOptions): Promise<TsvPage> {
  const tsv = await runTesseract(png, ['-l', languages.join('+'), '--psm', '3', '--dpi', String(dpi), 'tsv']);
  return parseTesseractTsv(tsv);
}

/**
 * The page's orientation by Tesseract's script detection: how many degrees clockwise to turn it
 * upright, or 0 when it is upright or too little text shows to tell.
 */
export async function detectRotation(png: Buffer, dpi: number): Promise<0 | 90 | 180 | 270> {
  let out: string;
  try {
    out = await runTesseract(png, ['--psm', '0', '--dpi', String(dpi)]);
  } catch (err) {
    if (err instanceof VigilError && err.kind === 'internal' && /not installed/.test(err.message)) throw err;
    return 0; // "Too few characters": nothing to turn by.
  }
  const rotate = Number(/Rotate:\s*(\d+)/.exec(out)?.[1] ?? 0);
  const confidence = Number(/Orientation confidence:\s*([\d.]+)/.exec(out)?.[1] ?? 0);
  // Below this, OSD's guess is no better than leaving the page as it is.
  if (confidence < 2) return 0;
  return rotate === 90 || rotate === 180 || rotate === 270 ? rotate : 0;
}

/** Tesseract's installed languages (`tesseract --list-langs`), read once. */
let installed: Promise<Set<string>> | undefined;
export function installedLanguages(): Promise<Set<string>> {
  installed ??= new Promise((resolve, reject) => {
    execFile('tesseract', ['--list-langs'], { timeout: 30_000 }, (err, stdout) => {
      if (err) {
        installed = undefined;
        reject(notInstalled(err));
        return;
      }
      resolve(
        new Set(
          stdout
            .split('\n')
            .slice(1)
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      );
    });
  });
  return installed;
}

function runTesseract(png: Buffer, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'tesseract',
      ['stdin', 'stdout', ...args],
      {
        // One core per page: the machine's other cores belong to other jobs and requests.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: PAGE_TIMEOUT_MS,
        encoding: 'utf8',
      },
      (err, stdout) => {
        if (err) reject(notInstalled(err));
        else resolve(stdout);
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(png);
  });
}

function notInstalled(err: NodeJS.ErrnoException | Error): VigilError {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT')
    return new VigilError(
      'internal',
      'OCR is not installed: apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-ukr',
    );
  return new VigilError('internal', 'OCR failed on a page');
}
