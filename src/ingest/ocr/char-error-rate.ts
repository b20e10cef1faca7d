/**
 * Character error rate of recognised text against the text that was printed: the edit distance
 * (insertions, deletions, substitutions) over the printed length. Runs of whitespace count as
 * one space, since OCR's line and paragraph breaks are layout, not characters misread.
 */
export function charErrorRate(printed: string, read: string): number {
  const a = [...printed.replace(/\s+/g, ' ').trim()];
  const b = [...read.replace(/\s+/g, ' ').trim()];
  if (a.length === 0) return b.length === 0 ? 0 : 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] / a.length;
}
