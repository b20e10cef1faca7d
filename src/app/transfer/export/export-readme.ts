import { DATA_ATTRIBUTIONS } from '../../../domain/attribution.js';
import type { SelectionInfo } from './export-selection.js';

/** The attribution of data shipped with Vigil, as plain-text lines for README files. */
export function attributionLines(): string[] {
  return DATA_ATTRIBUTIONS.map((a) => `- ${a.data} (${a.licence}): ${a.text}`);
}

/** What the export holds and who exported it, as plain-text lines. */
export function selectionLines(info: SelectionInfo, now: Date): string[] {
  const filters = Object.keys(info.filters).length ? JSON.stringify(info.filters) : 'none';
  return [
    `Exported: ${now.toISOString()}`,
    `Exported as: ${info.reader}`,
    `Filters: ${filters}`,
    info.complete
      ? 'Completeness: every record in the database.'
      : 'Completeness: only the records this reader may see that match the filters.',
    ...(info.truncated
      ? ['The search matched more records than an export holds: only the best matches are in.']
      : []),
  ];
}
