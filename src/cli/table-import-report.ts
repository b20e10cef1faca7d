import type { FieldChange, ImportReport, ImportRow } from '../domain/schemas/table-import.js';

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(value).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.status === 'string')
      return [o.status, o.date, o.place ? `at ${o.place}` : undefined].filter(Boolean).join(' ');
    if ('kind' in o && 'value' in o) return `${o.kind} ${o.value}`;
    if ('system' in o && 'value' in o) return `${o.system} ${o.value}`;
    return Object.entries(o)
      .map(([k, x]) => `${k} ${value(x)}`)
      .join(', ');
  }
  return String(v);
}

function change(c: FieldChange): string {
  if (Array.isArray(c.after)) {
    const before = Array.isArray(c.before) ? c.before.map(value) : [];
    const added = c.after.map(value).filter((a) => !before.includes(a));
    return `${c.field}: + ${added.join(', ')}`;
  }
  if (c.before === null) return `${c.field}: ${value(c.after)}`;
  return `${c.field}: ${value(c.before)} → ${value(c.after)}`;
}

function line(r: ImportRow): string {
  const head = `row ${r.row}: ${r.outcome}${r.label ? ` — ${r.label}` : ''}`;
  const parts: string[] = [];
  if (r.outcome === 'updated') parts.push((r.changes ?? []).map(change).join('; '));
  for (const p of r.problems ?? []) parts.push(p.message);
  for (const c of r.candidates ?? [])
    parts.push(`candidate ${c.id} ${c.label} (${c.score}: ${c.reasons.map((x) => x.code).join(', ')})`);
  return parts.length ? `${head}: ${parts.join('; ')}` : head;
}

/**
 * The report of a table import as a person reads it: one line per row (what it did and why),
 * the persons of the earlier import this version lacks, the units, places and cases it makes,
 * and the counts.
 */
export function renderImportReport(report: ImportReport, fileName: string): string {
  const f = report.file;
  const how = [
    f.format,
    f.encoding,
    f.delimiter ? `separator ${JSON.stringify(f.delimiter)}` : undefined,
    f.sheet ? `sheet "${f.sheet}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const out = [`${fileName} (${how}), list "${report.system}":`];
  for (const r of report.rows) out.push(line(r));
  if (report.absent.length) {
    out.push(`absent from this version (in the earlier import, kept as they are):`);
    for (const a of report.absent)
      out.push(`  row ${a.row} of the earlier import: ${a.label} (${a.personId})`);
  }
  if (report.newRecords.length)
    out.push(
      `new: ${report.newRecords.map((n) => `${n.collection.replace(/s$/, '')} "${n.label}" (${n.rows} row${n.rows === 1 ? '' : 's'})`).join(', ')}`,
    );
  const s = report.summary;
  out.push(
    `${s.rows} rows: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.ambiguous} ambiguous, ${s.invalid} invalid, ${s.conflict} in conflict; ${s.absent} absent`,
  );
  if (report.dryRun) out.push('dry run: nothing was written');
  else if (report.importId) out.push(`imported as ${report.importId}, source ${report.sourceId}`);
  else out.push('nothing to write: every row is unchanged or was not imported');
  return `${out.join('\n')}\n`;
}
