import { fmt, percentile, renderGrid } from '../table.js';
import type { CheckResult } from './checks.js';
import { type LoadResult, OPERATIONS } from './workload.js';

/** Per operation: requests, throughput, latency p50/p95/p99 and the failed answers by status. */
export function renderLoadTable(result: LoadResult): string {
  const header = ['operation', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors by status'];
  const all: number[] = [];
  const errorCells = (errors: Map<number, number>) =>
    [...errors]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${n}`)
      .join(', ');
  const totalErrors = new Map<number, number>();
  const lines = OPERATIONS.map((op) => {
    const { latenciesMs, errors } = result.stats.get(op) ?? { latenciesMs: [], errors: new Map() };
    all.push(...latenciesMs);
    for (const [status, n] of errors) totalErrors.set(status, (totalErrors.get(status) ?? 0) + n);
    return line(op, latenciesMs, errorCells(errors));
  });
  function line(name: string, latencies: number[], errors: string): string[] {
    return [
      name,
      String(latencies.length),
      fmt(latencies.length / result.seconds),
      fmt(percentile(latencies, 50)),
      fmt(percentile(latencies, 95)),
      fmt(percentile(latencies, 99)),
      errors,
    ];
  }
  return renderGrid(header, [...lines, line('all', all, errorCells(totalErrors))]);
}

/** The checks after the run, one line each. */
export function renderChecks(checks: CheckResult[]): string {
  return checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`).join('\n');
}
