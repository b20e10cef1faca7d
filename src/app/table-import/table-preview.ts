import type { TablePreview } from '../../domain/schemas/table-import.js';
import { suggestColumns } from '../../ingest/tables/header-words.js';
import type { ParsedTable } from '../../ingest/tables/read-table.js';

/** Data rows a preview shows. */
const PREVIEW_ROWS = 20;

/**
 * The headers and first rows of a table, with a mapping suggested from its headers (in Russian,
 * Ukrainian or English) for the uploader to check and complete. The list's name is suggested from
 * the file name.
 */
export function previewTable(table: ParsedTable, fileName: string, headerRow = 1): TablePreview {
  const headers = table.rows[headerRow - 1] ?? [];
  const system =
    fileName
      .replace(/\.(csv|tsv|txt|xlsx)$/i, '')
      .trim()
      .slice(0, 100) || 'list';
  return {
    file: table.file,
    headers,
    rows: table.rows.slice(headerRow, headerRow + PREVIEW_ROWS),
    suggestedMapping: {
      system,
      ...(table.file.sheet && table.file.sheets && table.file.sheets.length > 1
        ? { sheet: table.file.sheet }
        : {}),
      ...(headerRow !== 1 ? { headerRow } : {}),
      columns: suggestColumns(headers),
    },
  };
}
