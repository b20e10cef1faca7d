// Indexes the build derives from large data files (the gazetteer, the Ukrainian dictionary), so
// that `vigil extract` does not parse megabytes at start. An index is text: a fingerprint line,
// then sections separated by blank lines, each of "key\tvalue" lines sorted by their UTF-8
// bytes. It is searched in place, by binary search over the bytes, without being decoded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The fingerprint of what an index is made from: its data files and the compiled code that derives it. */
function fingerprint(sources: readonly Buffer[]): string {
  const hash = createHash('sha256');
  for (const s of sources) hash.update(createHash('sha256').update(s).digest());
  return `vigil index ${hash.digest('hex')}\n`;
}

/** The text of an index: the fingerprint of its sources, then each section's lines sorted. */
export function indexText(
  sources: readonly Buffer[],
  sections: ReadonlyArray<ReadonlyArray<string>>,
): string {
  const sorted = sections.map((lines) =>
    lines
      .map((line) => Buffer.from(line))
      .sort(Buffer.compare)
      .map((b) => b.toString())
      .join('\n'),
  );
  return `${fingerprint(sources)}${sorted.join('\n\n')}\n`;
}

/**
 * The index the build wrote to `file`, or, when it is missing or was made from other sources, one
 * built now by `build`: results never depend on whether the build step ran.
 */
export function loadIndex(file: URL, sources: readonly Buffer[], build: () => string): IndexSection[] {
  let buf: Buffer | null = null;
  try {
    buf = readFileSync(file);
  } catch {
    // not built: made below
  }
  const head = Buffer.from(fingerprint(sources));
  if (buf?.compare(head, 0, head.length, 0, Math.min(head.length, buf.length)) !== 0)
    buf = Buffer.from(build());
  const sections: IndexSection[] = [];
  let start = head.length;
  while (start < buf.length) {
    const blank = buf.indexOf('\n\n', start);
    const end = blank < 0 ? buf.length - 1 : blank;
    sections.push(new IndexSection(buf, start, end));
    start = end + 2;
  }
  return sections;
}

/** One section of an index: sorted "key\tvalue" lines in bytes [from, to) of the buffer. */
export class IndexSection {
  constructor(
    private readonly buf: Buffer,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The value of a key, or undefined. */
  get(key: string): string | undefined {
    const probe = Buffer.from(`${key}\t`);
    const { buf } = this;
    // The first line not before the probe: lines sort as their keys do, since the tab after a key
    // sorts before any character of a key. lo is always a line start.
    let lo = this.from;
    let hi = this.to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = Math.max(lo, buf.lastIndexOf(0x0a, mid - 1) + 1);
      const end = this.lineEnd(start);
      if (buf.compare(probe, 0, probe.length, start, end) < 0) lo = end + 1;
      else hi = start;
    }
    if (lo >= this.to) return undefined;
    const end = this.lineEnd(lo);
    if (end - lo < probe.length || buf.compare(probe, 0, probe.length, lo, lo + probe.length) !== 0)
      return undefined;
    return buf.toString('utf8', lo + probe.length, end);
  }

  /** Every line of the section, decoded (for small sections read whole). */
  lines(): string[] {
    return this.from >= this.to ? [] : this.buf.toString('utf8', this.from, this.to).split('\n');
  }

  private lineEnd(start: number): number {
    const end = this.buf.indexOf(0x0a, start);
    return end < 0 || end > this.to ? this.to : end;
  }
}
