import { COLLECTION_NAMES } from '../../../../src/domain/record-vocabularies';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../src/domain/vocabularies';
import { validDate } from '../search/facet-panel';

/** The export formats of POST /api/exports, in the order the form offers them. */
export { EXPORT_FORMATS, type ExportFormat };

/** Every record type an export can hold. */
export const EXPORT_TYPES = COLLECTION_NAMES;

/** What the form narrows the export by; the search's facets arrive from the search page. */
export interface ExportChoice {
  q: string;
  types: string[];
  caseId: string;
  from: string;
  to: string;
  region: string[];
  act: string[];
  status: string[];
}

export const NO_CHOICE: ExportChoice = {
  q: '',
  types: [],
  caseId: '',
  from: '',
  to: '',
  region: [],
  act: [],
  status: [],
};

/**
 * The body of POST /api/exports for a format and the form's choices: empty choices left out; a
 * CSV download holds the one record type chosen for it. The query goes in this body, never in a URL.
 */
export function exportRequest(format: ExportFormat, choice: ExportChoice, csvType: string) {
  const filters: Record<string, unknown> = {};
  if (choice.q.trim()) filters.q = choice.q.trim();
  if (format === 'csv') filters.types = [csvType];
  else if (choice.types.length) filters.types = choice.types;
  if (choice.caseId) filters.caseId = choice.caseId;
  if (validDate(choice.from)) filters.from = choice.from.trim();
  if (validDate(choice.to)) filters.to = choice.to.trim();
  for (const facet of ['region', 'act', 'status'] as const)
    if (choice[facet].length) filters[facet] = choice[facet];
  return { format, filters };
}
