import { useState } from 'react';
import type { TablePreview } from '../../api/table-import';
import { useI18n } from '../../i18n/i18n';
import { columnName } from './mapping-columns';

const DELIMITERS: Record<
  string,
  'import.delimiter.comma' | 'import.delimiter.semicolon' | 'import.delimiter.tab'
> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
};

/** How many columns the table has: its header row may be shorter than its rows. */
export function tableWidth(preview: TablePreview): number {
  return Math.max(preview.headers.length, ...preview.rows.map((r) => r.length));
}

/**
 * What was uploaded and how it was read (format, encoding, delimiter, sheet, rows), with its
 * headers and first rows; another sheet or header row reads it again.
 */
export function TablePreviewView({
  preview,
  fileName,
  busy,
  onReread,
}: {
  preview: TablePreview;
  fileName: string;
  busy: boolean;
  onReread: (options: { sheet?: string; headerRow?: number }) => void;
}) {
  const { t, number } = useI18n();
  const { file } = preview;
  const headerRow = preview.suggestedMapping.headerRow ?? 1;
  const [row, setRow] = useState(String(headerRow));
  const width = tableWidth(preview);
  const columns = Array.from({ length: width }, (_, i) => i);
  const delimiter = file.delimiter === undefined ? undefined : DELIMITERS[file.delimiter];
  return (
    <>
      <dl className="facts inline file-facts">
        <div>
          <dt>{t('import.fileName')}</dt>
          <dd>{fileName}</dd>
        </div>
        <div>
          <dt>{t('import.format')}</dt>
          <dd>{file.format === 'csv' ? 'CSV' : 'XLSX'}</dd>
        </div>
        {file.encoding && (
          <div>
            <dt>{t('import.encoding')}</dt>
            <dd>{file.encoding.toUpperCase()}</dd>
          </div>
        )}
        {file.delimiter !== undefined && (
          <div>
            <dt>{t('import.delimiter')}</dt>
            <dd>{delimiter ? t(delimiter) : file.delimiter}</dd>
          </div>
        )}
        {file.sheet && (
          <div>
            <dt>{t('import.sheet')}</dt>
            <dd>{file.sheet}</dd>
          </div>
        )}
        <div>
          <dt>{t('import.rows')}</dt>
          <dd>{number(Math.max(0, file.rows - headerRow))}</dd>
        </div>
      </dl>
      <div className="toolbar">
        {file.sheets && file.sheets.length > 1 && (
          <div className="field">
            <label htmlFor="import-sheet">{t('import.chooseSheet')}</label>
            <select
              id="import-sheet"
              value={file.sheet}
              disabled={busy}
              onChange={(e) => onReread({ sheet: e.target.value, headerRow })}
            >
              {file.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(row);
            if (Number.isInteger(n) && n >= 1) onReread({ sheet: file.sheet, headerRow: n });
          }}
        >
          <div className="field">
            <label htmlFor="import-header-row">{t('import.headerRow')}</label>
            <input
              id="import-header-row"
              type="number"
              min={1}
              max={1000}
              value={row}
              onChange={(e) => setRow(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy || row === String(headerRow)}>
            {t('import.reread')}
          </button>
        </form>
      </div>
      <p className="hint">{t('import.rereadHint')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls; the keyboard must reach it */}
      <section className="table-scroll" tabIndex={0} aria-label={t('import.previewTable')}>
        <table>
          <caption className="visually-hidden">
            {t('import.previewCaption', { n: preview.rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('import.rowNumber')}</th>
              {columns.map((i) => (
                <th scope="col" key={i}>
                  {columnName(preview.headers, i, t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((cells, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a file, in its order
              <tr key={r}>
                <td className="num">{headerRow + r + 1}</td>
                {columns.map((i) => (
                  <td key={i}>{cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
