import { foldWord } from '../domain/text/fold.js';

/**
 * A Latin skeleton of a phrase in any script, for comparing spellings across Cyrillic and the
 * usual romanizations: each word folded as search folds it (src/domain/text), so extraction,
 * search and entity resolution agree on what counts as the same name ("Луганської" ~ "Luhansk").
 */
export function fold(s: string): string {
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const out = s
    .split(/[^\p{L}\p{N}'’ʼ]+/u)
    .filter(Boolean)
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
  if (memo.size > 100_000) memo.clear();
  memo.set(s, out);
  return out;
}

const memo = new Map<string, string>();

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}
