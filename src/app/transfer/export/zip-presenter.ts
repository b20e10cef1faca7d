import { csvFileName, LIST_SEPARATOR, writeCsvFiles } from './csv-presenter.js';
import type { ExportPresenter } from './export-presenter.js';
import { attributionLines, selectionLines } from './export-readme.js';

/** The README of a CSV zip: the files, how cells are written, and the attribution of shipped data. */
function readme(files: string[], lines: string[]): string {
  return [
    'Vigil export: one CSV file per record type',
    '',
    ...lines,
    '',
    'Files:',
    ...files.map((f) => `- ${f}`),
    '',
    'How the files are written:',
    '- RFC 4180 CSV, UTF-8 with a byte order mark, CRLF line ends, the first row names the columns.',
    '- Columns are the fields of the record type (see /api/openapi.json); references are record ids.',
    `- Lists of texts and of name variants are joined with "${LIST_SEPARATOR}"; other nested`,
    '  values (status history, contacts, related cases, spans) are JSON.',
    "- Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) starts with ' .",
    '- Contacts and the text of sensitive sources appear only for roles that read them.',
    '',
    'Records can put people in danger: store and share this file as you would the database.',
    '',
    'Data shipped with Vigil under its own licence, which parts of these records may come from:',
    ...attributionLines(),
    '',
  ].join('\r\n');
}

/** The selection's CSV files and a README with the attribution of shipped data, in one zip archive. */
export const zipPresenter: ExportPresenter = {
  files: 'bundle',
  contentType: 'application/zip',
  filename: 'vigil-export.zip',
  sensitiveFields: 'by-role',
  async write(_ctx, selection, sink, now) {
    const items = await writeCsvFiles(selection, sink);
    const files = selection.collections.map(csvFileName);
    const file = sink.open('README.txt');
    await file.write(readme(files, selectionLines(selection.info(), now)));
    await file.end();
    return { items, files: [...files, 'README.txt'] };
  },
};
