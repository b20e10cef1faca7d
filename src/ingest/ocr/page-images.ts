import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { VigilError } from '../../domain/errors.js';
import { MAX_IMAGE_PIXELS, MAX_SCAN_PAGES } from '../formats/image-file.js';

/** One page made ready for OCR: grey, contrast stretched, upright by its EXIF orientation. */
export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  /** Resolution Tesseract is told: the scan's own when plausible, else that of a 300 dpi scan. */
  dpi: number;
}

/** Long side of a scanned PDF page rendered for OCR: an A4 page at 300 dpi. */
const PDF_PAGE_LONG_SIDE = 3508;

/**
 * Pages of an image file (PNG, JPEG, one or more TIFF pages) made ready for OCR. Phone photos
 * declare 72 dpi whatever they show; Tesseract would then scale the text up past recognition.
 * With `only` (1-based), just that page.
 */
export async function imagePages(bytes: Buffer, only?: number): Promise<PageImage[]> {
  const meta = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  const pages = Math.min(meta.pages ?? 1, MAX_SCAN_PAGES);
  const dpi = meta.density && meta.density >= 150 && meta.density <= 1200 ? Math.round(meta.density) : 300;
  const out: PageImage[] = [];
  for (let page = only ? only - 1 : 0; page < (only ?? pages); page++)
    out.push(await prepare(sharp(bytes, { page, limitInputPixels: MAX_IMAGE_PIXELS }), dpi));
  return out;
}

/**
 * Pages `first` to `pageCount` of a PDF without a text layer, rendered by Poppler's `pdftoppm` and
 * made ready for OCR.
 */
export async function pdfPages(bytes: Buffer, pageCount: number, first = 1): Promise<PageImage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-ocr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const last = Math.min(pageCount, MAX_SCAN_PAGES);
    await new Promise<void>((resolve, reject) => {
      execFile(
        'pdftoppm',
        // The long side is fixed, so a page declaring a huge media box cannot make a huge image.
        [
          '-gray',
          '-png',
          '-scale-to',
          String(PDF_PAGE_LONG_SIDE),
          '-f',
          String(first),
          '-l',
          String(last),
          'in.pdf',
          'page',
        ],
        { cwd: dir, timeout: 300_000 },
        (err) => {
          if (!err) resolve();
          else if ((err as NodeJS.ErrnoException).code === 'ENOENT')
            reject(
              new VigilError('internal', 'PDF rendering is not installed: apt-get install poppler-utils'),
            );
          else reject(new VigilError('invalid_input', 'the scanned PDF could not be rendered'));
        },
      );
    });
    const files = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
    files.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    const out: PageImage[] = [];
    for (const f of files)
      out.push(
        await prepare(sharp(await readFile(join(dir, f)), { limitInputPixels: MAX_IMAGE_PIXELS }), 300),
      );
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Turns a page image upright by `degrees` clockwise (after orientation detection). */
export async function rotatePage(page: PageImage, degrees: number): Promise<PageImage> {
  const { data, info } = await sharp(page.png).rotate(degrees).png().toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, dpi: page.dpi };
}

async function prepare(image: sharp.Sharp, dpi: number): Promise<PageImage> {
  // A 3×3 median takes out speckle; stretching the contrast evens a shaded photo enough for
  // Tesseract's own (Otsu) binarisation, which lost whole blocks of speckled pages when set to
  // its adaptive (Sauvola) method.
  const { data, info } = await image
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .median(3)
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, dpi };
}
