import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../../domain/collections.js';
import { csvRow, UTF8_BOM } from '../csv/csv-writer.js';
import type { ExportPresenter } from './export-presenter.js';
import type { Selection } from './export-selection.js';
import type { ExportSink } from './export-sink.js';

/** Joins the values of a list in one cell, as Uwazi and most spreadsheets users expect. */
export const LIST_SEPARATOR = ' | ';

/** The columns of a collection's CSV: the record's metadata and fields, in schema order. */
export function csvColumns(collection: CollectionName): string[] {
  return Object.keys(COLLECTIONS[collection].record.properties);
}

/**
 * One field as one cell: text, numbers and booleans as they are; a list of texts or of name
 * variants joined with " | "; anything else nested (status history, contacts, spans) as JSON.
 */
export function csvValue(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(LIST_SEPARATOR);
    const isName = (v: unknown) =>
      v !== null &&
      typeof v === 'object' &&
      Object.keys(v).every((k) => ['value', 'script', 'lang'].includes(k)) &&
      typeof (v as { value?: unknown }).value === 'string';
    if (value.every(isName)) return value.map((v) => (v as { value: string }).value).join(LIST_SEPARATOR);
  }
  return JSON.stringify(value);
}

/** The CSV file name of a collection. */
export const csvFileName = (collection: CollectionName) => `${collection}.csv`;

/** Writes one CSV file per selected collection into the sink; returns the records written. */
export async function writeCsvFiles(selection: Selection, sink: ExportSink): Promise<number> {
  let items = 0;
  for (const collection of selection.collections) {
    const columns = csvColumns(collection);
    const file = sink.open(csvFileName(collection));
    await file.write(UTF8_BOM + csvRow(columns));
    for await (const page of selection.pages(collection)) {
      await file.write(page.map((r: StoredRecord) => csvRow(columns.map((c) => csvValue(r[c])))).join(''));
      items += page.length;
    }
    await file.end();
  }
  return items;
}

/**
 * The selection as CSV, one file per record type (RFC 4180, UTF-8 with a byte order mark so
 * Excel reads Cyrillic, formula-like text defused). A single download holds one type.
 */
export const csvPresenter: ExportPresenter = {
  files: 'many',
  contentType: 'text/csv; charset=utf-8',
  filename: 'vigil-export.csv',
  sensitiveFields: 'by-role',
  async write(_ctx, selection, sink) {
    const items = await writeCsvFiles(selection, sink);
    return { items, files: selection.collections.map(csvFileName) };
  },
};
