import { COLLECTIONS, type CollectionName } from '../../domain/collections.js';
import { type FieldProblem, invalid } from '../../domain/errors.js';
import { cleanLabel, isWellFormedText } from '../../domain/text/labels.js';

/**
 * Text hygiene of a record about to be stored, in place: every string (at any depth) must be well
 * formed (no NUL, no lone surrogate), else invalid_input names the field; the collection's
 * labels (names, titles) are cleaned of invisible controls and NFC-normalized. Other text, and
 * above all verbatim evidence, is kept exactly as given.
 */
export function cleanRecordText(collection: CollectionName, fields: Record<string, unknown>): void {
  cleanText(fields, COLLECTIONS[collection].labels ?? []);
}

/** `cleanRecordText` for input that is not a record (the public form): `labels` are dotted paths. */
export function cleanText(fields: Record<string, unknown>, labels: string[]): void {
  const problems: FieldProblem[] = [];
  visitStrings(fields, '', (text, path) => {
    if (!isWellFormedText(text))
      problems.push({ path, message: 'holds a NUL or an unpaired surrogate, which are not text' });
  });
  if (problems.length) throw invalid(`${problems[0].path} is not well-formed text`, problems);
  for (const path of labels) mapLabels(fields, path.split('.'));
}

function visitStrings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path || '/');
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) visitStrings(v, `${path}/${i}`, visit);
  } else if (value !== null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) visitStrings(v, `${path}/${key}`, visit);
}

/** Cleans the strings at a dotted path, descending through arrays ("names.value", "otherNames"). */
function mapLabels(holder: unknown, path: string[]): void {
  if (Array.isArray(holder)) {
    for (const item of holder) mapLabels(item, path);
    return;
  }
  if (holder === null || typeof holder !== 'object') return;
  const record = holder as Record<string, unknown>;
  const [head, ...rest] = path;
  const value = record[head];
  if (rest.length) mapLabels(value, rest);
  else if (typeof value === 'string') record[head] = cleanLabel(value);
  else if (Array.isArray(value)) record[head] = value.map((v) => (typeof v === 'string' ? cleanLabel(v) : v));
}
