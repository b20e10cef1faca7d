import type { AppContext } from '../../context.js';
import type { SensitiveFields } from '../../presenters/record-presenter.js';
import type { Selection } from './export-selection.js';
import type { ExportSink } from './export-sink.js';

/** What an export wrote, for the command line's message and the tests. */
export interface ExportSummary {
  /** Records (or, for GeoJSON, features; for FollowTheMoney, entities) written. */
  items: number;
  files: string[];
}

/**
 * Writes a selection in one format. Presenters are the only way records leave Vigil; they get
 * records already redacted for the reader and never query records the selection does not hold.
 */
export interface ExportPresenter {
  /** How the files are delivered: `many` needs a zip or a directory unless one type is selected. */
  files: 'one' | 'many' | 'bundle';
  /** Media type of the download (the zip's for bundles). */
  contentType: string;
  /** File name of the download. */
  filename: string;
  /** Formats for other tools carry no sensitive fields, whoever exports. */
  sensitiveFields: SensitiveFields;
  write(ctx: AppContext, selection: Selection, sink: ExportSink, now: Date): Promise<ExportSummary>;
}
