import sharp from 'sharp';
import { VigilError } from '../../domain/errors.js';

/**
 * Largest image accepted, in pixels (a 50-megapixel phone photo, an A3 page at 600 dpi): a small
 * file can declare a huge canvas, and decoding it would take the worker's memory.
 */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Most pages read from one multi-page scan (TIFF) or scanned PDF. */
export const MAX_SCAN_PAGES = 50;

/** Brands of an ISO media file that hold HEVC-coded (HEIC) images, as phones save photos. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/**
 * Whether these bytes are a HEIC photo. The image library's prebuilt libvips reads HEIF only
 * with AV1 (AVIF): it has no HEVC decoder, so HEIC is refused with a clear 415, never guessed at.
 */
export function isHeic(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(bytes.toString('latin1', at, at + 4));
  return brands.some((b) => HEIC_BRANDS.has(b));
}

/** Page count and size of a checked image. */
export interface ImageCheck {
  pages: number;
  width: number;
  height: number;
}

/**
 * Checks that an image decodes whole and stays within the pixel and page limits, before anything
 * is stored: a truncated or damaged file is invalid input, a decompression bomb too large. The
 * decode is shrunk to a thumbnail, so it costs little memory whatever the image's size.
 */
export async function checkImage(bytes: Buffer): Promise<ImageCheck> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
  const pages = meta.pages ?? 1;
  if (!meta.width || !meta.height) throw damaged();
  if (pages > MAX_SCAN_PAGES)
    throw new VigilError('too_large', `the scan has more than ${MAX_SCAN_PAGES} pages`);
  // Multi-page TIFFs report the first page's size; each page is limited when it is read.
  if (meta.width * meta.height > MAX_IMAGE_PIXELS)
    throw new VigilError('too_large', `the image is larger than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
  for (let page = 0; page < pages; page++) {
    try {
      await sharp(bytes, { page, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' })
        .resize(64, 64, { fit: 'inside' })
        .raw()
        .toBuffer();
    } catch (err) {
      if (err instanceof Error && /pixel limit/i.test(err.message))
        throw new VigilError(
          'too_large',
          `the image is larger than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
        );
      throw damaged();
    }
  }
  return { pages, width: meta.width, height: meta.height };
}

function damaged() {
  return new VigilError('invalid_input', 'the file is a damaged or truncated image');
}
