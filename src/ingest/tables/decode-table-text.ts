import { VigilError } from '../../domain/errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes Windows-1251 uses for Russian and Ukrainian letters: А–я, Ёё, Ґґ, Єє, Іі, Її. */
function isCp1251Letter(b: number): boolean {
  return b >= 0xc0 || [0xa8, 0xb8, 0xa5, 0xb4, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf].includes(b);
}

function notText(): VigilError {
  return new VigilError(
    'unsupported_media_type',
    'the file is not a table Vigil reads: send CSV (UTF-8, UTF-16 or Windows-1251) or .xlsx',
  );
}

/** Most bytes ≥ 0x80 are Cyrillic letters in Windows-1251 (as Russian Excel saves CSV). */
function looksLikeCp1251(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (isCp1251Letter(b)) letters++;
  }
  return high > 0 && letters / high >= 0.8;
}

/** Zero bytes in every other position: UTF-16 written without its byte order mark. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/**
 * The text of a delimited table and the encoding it was in, told from the bytes: a byte order
 * mark (UTF-8, UTF-16), valid UTF-8, UTF-16 without a mark, or else Windows-1251, which Russian
 * and Ukrainian Excel still write. Anything else is refused rather than guessed into mojibake.
 */
export function decodeTableText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding | undefined;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else encoding = utf16WithoutBom(bytes);
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      throw notText();
    }
  } else {
    if (body.includes(0)) throw notText();
    try {
      text = STRICT_UTF8.decode(body);
      encoding = 'utf-8';
    } catch {
      if (encoding === 'utf-8' || !looksLikeCp1251(body)) throw notText();
      text = new TextDecoder('windows-1251').decode(body);
      encoding = 'windows-1251';
    }
  }
  let controls = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > 0 && controls / text.length > 0.01) throw notText();
  return { text, encoding };
}
