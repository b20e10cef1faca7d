import type { Writable } from 'node:stream';
import { invalid } from '../../../domain/errors.js';
import type { ExportFormat } from '../../../domain/vocabularies.js';
import type { AppContext } from '../../context.js';
import type { AccessScope } from '../../policies/access-scope.js';
import { ftmPresenter } from '../ftm/ftm-presenter.js';
import { uwaziPresenter } from '../uwazi/uwazi-presenter.js';
import { csvFileName, csvPresenter } from './csv-presenter.js';
import type { ExportPresenter, ExportSummary } from './export-presenter.js';
import { Selection } from './export-selection.js';
import { type ExportSink, streamSink, zipSink } from './export-sink.js';
import { geojsonPresenter } from './geojson-presenter.js';
import { jsonPresenter } from './json-presenter.js';
import { zipPresenter } from './zip-presenter.js';

const PRESENTERS: Record<ExportFormat, ExportPresenter> = {
  json: jsonPresenter,
  csv: csvPresenter,
  zip: zipPresenter,
  geojson: geojsonPresenter,
  ftm: ftmPresenter,
  uwazi: uwaziPresenter,
};

/** An export whose filters are checked and whose search has run: nothing is written yet. */
export interface PreparedExport {
  selection: Selection;
  contentType: string;
  filename: string;
  /** Writes the export to a stream (zip formats as a zip) or into a sink of files. */
  run(out: Writable | ExportSink, now?: Date): Promise<ExportSummary>;
}

export interface ExportProps {
  ctx: AppContext;
  /** The reader: the export holds what this scope may see, as the record presenter shows it. */
  scope: AccessScope;
  format: ExportFormat;
  filters?: unknown;
  /** `stream`: one download (CSV then holds one record type); `files`: a directory of files. */
  into: 'stream' | 'files';
}

const isSink = (out: Writable | ExportSink): out is ExportSink => 'open' in out && 'single' in out;

/**
 * The one export pipeline: the selection step (filters checked, search run, the reader's scope
 * applied) and then the format's presenter. Everything that can be refused is refused here,
 * before the first byte goes out.
 */
export async function prepareExport({
  ctx,
  scope,
  format,
  filters,
  into,
}: ExportProps): Promise<PreparedExport> {
  const presenter = PRESENTERS[format];
  const selection = await Selection.of(ctx, scope, filters, presenter.sensitiveFields);
  let filename = presenter.filename;
  if (presenter.files === 'many' && into === 'stream') {
    if (selection.collections.length !== 1)
      throw invalid('a CSV download holds one record type: give one type, or ask for the zip format', [
        { path: '/filters/types', message: 'give exactly one record type for csv' },
      ]);
    filename = `vigil-${csvFileName(selection.collections[0])}`;
  }
  return {
    selection,
    contentType: presenter.contentType,
    filename,
    async run(out, now = new Date()) {
      const sink = isSink(out) ? out : presenter.files === 'bundle' ? zipSink(out) : streamSink(out);
      const summary = await presenter.write(ctx, selection, sink, now);
      await sink.close();
      return summary;
    },
  };
}
