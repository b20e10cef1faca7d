import type { CollectionName, StoredRecord } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import {
  type DateFormat,
  decodeDate,
  decodeGeo,
  decodePrecision,
  decodeRange,
  encodeGeo,
  encodePrecision,
  encodeRange,
  firstDay,
  joinValues,
  lastDay,
  MULTI_VALUE,
  type Precision,
  splitValues,
} from './uwazi-cells.js';
import { type FieldMap, targetsOf, UWAZI_FIELDS } from './uwazi-fields.js';
import { thesaurusLabel, thesaurusValue, type UwaziProperty, type UwaziTemplate } from './uwazi-templates.js';

/** What the export knows of the records a row links to. */
export interface RowContext {
  /** The title of a record the export holds; undefined for one it does not. */
  titleOf(collection: CollectionName, id: string): string | undefined;
  /** A case's involvements that the export holds. */
  involvements: StoredRecord[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

interface StatusEntry {
  status: string;
  date?: string;
}

function encodeCell(map: FieldMap, prop: UwaziProperty, r: StoredRecord, ctx: RowContext): string {
  switch (map.kind) {
    case 'vigilId':
      return r.id;
    case 'text':
    case 'url':
      return str(r[map.field]);
    case 'date':
      return firstDay(str(r[map.field]));
    case 'precision':
      return encodePrecision(map.fields.map((f) => str(r[f])));
    case 'otherNames':
      return joinValues(
        Array.isArray(r.names)
          ? (r.names as Array<{ value: string }>).slice(1).map((n) => n.value)
          : ids(r.otherNames),
      );
    case 'select':
      return r[map.field] === undefined ? '' : thesaurusLabel(String(prop.content), String(r[map.field]));
    case 'range':
      return encodeRange(firstDay(str(r[map.from])), lastDay(str(r[map.to])));
    case 'geo':
      return encodeGeo(r.lat, r.lon);
    case 'ref':
      return joinValues(
        Object.entries(map.fields).flatMap(([collection, field]) =>
          ids(r[field]).map((id) => ctx.titleOf(collection as CollectionName, id)),
        ),
      );
    case 'involved':
      return joinValues(
        ctx.involvements
          .filter((i) => i.role === map.role)
          .map((i) => {
            const id = map.collection === 'persons' ? i.personId : i.organizationId;
            return typeof id === 'string' ? ctx.titleOf(map.collection, id) : undefined;
          }),
      );
    case 'related':
      return joinValues(
        ((r.relatedCases ?? []) as Array<{ caseId: string; relation: string }>)
          .filter((c) => c.relation === map.relation)
          .map((c) => ctx.titleOf('cases', c.caseId)),
      );
    case 'status': {
      const history = (r.statusHistory ?? []) as StatusEntry[];
      const last = history[history.length - 1];
      return last ? thesaurusLabel('Person status', last.status) : '';
    }
    case 'statusHistory':
      return joinValues(
        ((r.statusHistory ?? []) as StatusEntry[]).map((e) => (e.date ? `${e.date} ${e.status}` : e.status)),
      );
    case 'yesNo':
      return r[map.field] === undefined ? '' : r[map.field] ? 'Yes' : 'No';
  }
}

/** The header of a template's CSV: `title` and the property names, as Uwazi's import reads them. */
export function headerOf(template: UwaziTemplate): string[] {
  return ['title', ...template.properties.map((p) => p.name)];
}

/** One record as a row of its template's CSV, in header order. */
export function encodeRow(
  template: UwaziTemplate,
  r: StoredRecord,
  title: string,
  ctx: RowContext,
): string[] {
  const fields = UWAZI_FIELDS[template.name];
  return [title, ...template.properties.map((p) => encodeCell(fields[p.name], p, r, ctx))];
}

/** A relationship cell to resolve by title before the row can be written. */
export interface RefRequest {
  column: string;
  map: FieldMap;
  titles: string[];
  targets: CollectionName[];
}

/** What one cell means for the record: fields to set (undefined clears), or links to resolve. */
export interface DecodedCell {
  set?: Record<string, unknown>;
  ref?: RefRequest;
  /** Person status history entries (the `status` and `status_history` columns). */
  status?: string;
  history?: StatusEntry[];
  otherNames?: string[];
  /** How precise the dates of these fields are, to cut them to after every cell is read. */
  precision?: { fields: string[]; precisions: Precision[] };
}

function selectValue(prop: UwaziProperty, cell: string): string | undefined {
  if (!cell.trim()) return undefined;
  const value = thesaurusValue(String(prop.content), cell);
  if (!value) throw invalid(`column ${prop.name} holds a value that is not in the thesaurus ${prop.content}`);
  return value;
}

/** Reads one cell of an Uwazi CSV row; throws invalid_input naming the column, never the value. */
export function decodeCell(
  map: FieldMap,
  prop: UwaziProperty,
  cell: string,
  format: DateFormat,
): DecodedCell {
  const value = cell.trim();
  const column = prop.name;
  switch (map.kind) {
    case 'vigilId':
      return {};
    case 'text':
      return { set: { [map.field]: value || undefined } };
    case 'url':
      return { set: { [map.field]: value.split(MULTI_VALUE).pop()?.trim() || undefined } };
    case 'date':
      return { set: { [map.field]: value ? decodeDate(value, format, column) : undefined } };
    case 'otherNames':
      return { otherNames: splitValues(value) };
    case 'precision':
      return {
        precision: { fields: map.fields, precisions: decodePrecision(value, map.fields.length, column) },
      };
    case 'select':
      return { set: { [map.field]: selectValue(prop, value) } };
    case 'range': {
      const [from, to] = decodeRange(value, format, column);
      return { set: { [map.from]: from, [map.to]: to } };
    }
    case 'geo': {
      const geo = decodeGeo(value, column);
      return { set: { lat: geo?.lat, lon: geo?.lon } };
    }
    case 'ref':
    case 'involved':
    case 'related': {
      const titles = splitValues(value);
      if (map.kind === 'ref' && !map.many && titles.length > 1)
        throw invalid(`column ${column} names ${titles.length} records but takes one`);
      return { ref: { column, map, titles, targets: targetsOf(map) } };
    }
    case 'status':
      return { status: selectValue(prop, value) };
    case 'statusHistory':
      return {
        history: splitValues(value).map((entry) => {
          const [first, second, ...rest] = entry.split(/\s+/);
          const status = thesaurusValue('Person status', second ?? first);
          if (rest.length || !status)
            throw invalid(`column ${column} holds an entry that is not "[date] status"`);
          return second ? { status, date: decodeDate(first, format, column) } : { status };
        }),
      };
    case 'yesNo': {
      const yes = selectValue(prop, value);
      return { set: { [map.field]: yes === undefined ? undefined : yes === 'yes' } };
    }
  }
}
