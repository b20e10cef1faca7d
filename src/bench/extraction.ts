import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../ingest/extract-report.js';
import { percentile } from './table.js';

/** What the extraction benchmark measured. */
export interface ExtractionBench {
  reports: number;
  /** per CPU-second of the single extraction thread */
  reportsPerSecond: number;
  /** per wall-clock second (lower when the machine is shared) */
  wallReportsPerSecond: number;
  peakRssMb: number;
}

interface DevReport {
  id: string;
  text: string;
  published: string | null;
}

// The annotated dev reports next to the repository (../shared/eval/dev), as the eval uses them.
function devReports(): DevReport[] {
  const dir = fileURLToPath(new URL('../../../shared/eval/dev/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as DevReport);
}

/**
 * Extraction throughput on one thread: the dev reports extracted `repeat` times each (after a
 * warm-up that loads the gazetteer and dictionaries), and the peak resident memory.
 */
export async function measureExtraction(opts: { repeat?: number } = {}): Promise<ExtractionBench> {
  const repeat = opts.repeat ?? 40;
  const reports = devReports();
  let peak = process.memoryUsage().rss;
  for (const r of reports) extractReport({ content: r.text, published: r.published ?? undefined });
  // Different whitespace each round so no cache of whole reports can help.
  // Throughput on one core is counted in CPU time of this (single-threaded) process, so that other
  // work on a shared machine does not skew it; wall time is reported beside it.
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let count = 0;
  for (let round = 0; round < repeat; round++) {
    for (const r of reports) {
      extractReport({ content: `${r.text}${' '.repeat(round % 7)}`, published: r.published ?? undefined });
      count++;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    reports: count,
    reportsPerSecond: count / cpuSeconds,
    wallReportsPerSecond: count / wallSeconds,
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
}

/** What the cold start benchmark measured, in wall-clock milliseconds. */
export interface ColdStartBench {
  runs: number;
  /** median of `vigil extract FILE` in a fresh process */
  extractMs: number;
  /** median of `node -e ""`, run alternately with it: the share of the time that is node's own */
  nodeMs: number;
}

/**
 * Cold start of `vigil extract FILE`: a new process per run, each dev report written to a text
 * file and extracted `runs` times, alternating with an empty node process so that load on a
 * shared machine weighs on both alike.
 */
export function measureColdStart(opts: { runs?: number } = {}): ColdStartBench {
  const runs = opts.runs ?? 5;
  const vigil = fileURLToPath(new URL('../../bin/vigil', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cold-start-'));
  const timed = (args: string[]) => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (child.status !== 0)
      throw new Error(`node ${args.join(' ')} failed: ${child.stderr.toString().trim()}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  try {
    const extract: number[] = [];
    const node: number[] = [];
    for (const r of devReports()) {
      const file = join(dir, `${r.id}.txt`);
      writeFileSync(file, r.text);
      for (let i = 0; i < runs; i++) {
        extract.push(timed([vigil, 'extract', file, ...(r.published ? ['--published', r.published] : [])]));
        node.push(timed(['-e', '']));
      }
    }
    return { runs: extract.length, extractMs: percentile(extract, 50), nodeMs: percentile(node, 50) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
