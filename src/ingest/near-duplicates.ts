import { termsOf } from '../domain/text/terms.js';

/**
 * Near-duplicate detection for reprints and lightly edited copies of one story: word 3-shingles
 * over folded, stemmed terms (so case, script of a transliterated name and punctuation do not
 * matter), summarized by a 64-value MinHash signature. Candidates are found through 32 LSH
 * bands of 2 values; the signature then estimates the Jaccard similarity of the shingle sets.
 */
export const SIGNATURE_SIZE = 64;
const ROWS_PER_BAND = 2;
const SHINGLE = 3;

/** Estimated Jaccard similarity from which two sources tell one story. */
export const SAME_STORY_SIMILARITY = 0.45;

// Fixed seeds: signatures stored in the database must stay comparable across versions.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)),
);

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The MinHash signature of a text. */
export function storySignature(text: string): number[] {
  const terms = termsOf(text).map((t) => t.term);
  const shingles = new Set<number>();
  if (terms.length < SHINGLE) shingles.add(fnv1a(terms.join(' ')));
  for (let i = 0; i + SHINGLE <= terms.length; i++)
    shingles.add(fnv1a(terms.slice(i, i + SHINGLE).join(' ')));
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(shingle ^ SEEDS[k]);
      if (h < signature[k]) signature[k] = h;
    }
  }
  return signature;
}

/** LSH band keys of a signature: two sources sharing any one are compared. */
export function signatureBands(signature: number[]): string[] {
  const bands: string[] = [];
  for (let b = 0; b * ROWS_PER_BAND < signature.length; b++) {
    const rows = signature.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND);
    bands.push(`${b}:${rows.map((r) => r.toString(36)).join('.')}`);
  }
  return bands;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function signatureSimilarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}
