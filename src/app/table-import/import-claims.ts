import type { TableText } from '../../ingest/tables/table-text.js';
import type { RecordWriter } from '../../store/record-store.js';
import { insertValidRecords } from '../records/record-creator.js';
import type { ImportPlan, PlannedRow } from './import-planner.js';

/** The audit action of every write a table import makes. */
export const IMPORT_ACTION = 'import-table';

/** The claims of an import: one per written cell, quoting the cell in the source's text. */
export class ImportClaims {
  private pending: Array<Record<string, unknown>> = [];
  private readonly credibility: number;

  constructor(
    plan: ImportPlan,
    private readonly text: TableText,
    private readonly sourceId: string,
  ) {
    this.credibility = plan.resolved.mapping.credibility ?? 3;
  }

  add(
    subjectType: string,
    subjectId: string,
    field: string,
    value: unknown,
    row: PlannedRow,
    column: number,
  ): void {
    const span = row.values ? this.text.cell(row.values.index, column) : undefined;
    if (!span) return;
    this.pending.push({
      sourceId: this.sourceId,
      subjectType,
      subjectId,
      field,
      value,
      span: { start: span.start, end: span.end },
      quote: span.quote,
      credibility: this.credibility,
    });
  }

  /** Writes the claims gathered so far. */
  async flush(writer: RecordWriter): Promise<void> {
    await insertValidRecords(writer, 'claims', this.pending, IMPORT_ACTION);
    this.pending = [];
  }

  /** A claim about the row's person for every cell whose value the row wrote. */
  ofRow(row: PlannedRow): void {
    const personId = row.report.personId;
    if (!personId || !row.values || !row.changes) return;
    for (const cell of row.values.cells)
      if (row.changes.written.has(cell.target))
        this.add('person', personId, cell.target, cell.value, row, cell.column);
  }
}
