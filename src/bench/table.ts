/** One line of the benchmark table: Vigil's figure beside its peer's, measured in the same run. */
export interface BenchRow {
  engine: string;
  metric: string;
  unit: string;
  vigil: number;
  /** The same work on the raw engine (or another peer), when there is one. */
  peer?: number;
  peerName?: string;
  /** How ratio reads: for latencies vigil/peer (lower is better), for rates peer/vigil. */
  kind?: 'latency' | 'rate';
}

/** A figure as the tables print it: thousands grouped, small numbers with decimals. */
export function fmt(n: number): string {
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Renders the rows as a fixed-width text table with a cost ratio column (1.00 = as fast as the peer). */
export function renderTable(rows: BenchRow[]): string {
  const header = ['engine', 'metric', 'vigil', 'peer', 'ratio', 'unit'];
  const lines = rows.map((r) => {
    const ratio =
      r.peer === undefined ? '' : r.kind === 'rate' ? fmt(r.peer / r.vigil) : fmt(r.vigil / r.peer);
    return [
      r.engine,
      r.metric,
      fmt(r.vigil),
      r.peer === undefined ? '' : `${fmt(r.peer)} (${r.peerName ?? 'raw'})`,
      ratio,
      r.unit,
    ];
  });
  return renderGrid(header, lines);
}

/** Renders a header and rows of cells as a fixed-width text table. */
export function renderGrid(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}
