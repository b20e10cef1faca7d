import { createHash } from 'node:crypto';
import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../../domain/collections.js';
import { VigilError } from '../../../domain/errors.js';
import { queryTerms } from '../../../domain/text/terms.js';
import { searchCandidates } from '../../../store/search-index.js';
import type { AppContext } from '../../context.js';
import { cutToPrecision, type DateFormat, type Precision } from './uwazi-cells.js';
import { type FieldMap, titleOf, UWAZI_FIELDS } from './uwazi-fields.js';
import { decodeCell, type RefRequest } from './uwazi-row-codec.js';
import type { RowProblem, UwaziRow } from './uwazi-rows.js';

/** A link target: a record in the database, or the record another row of the import makes. */
export type Target = { id: string } | { row: number };

/** A relationship cell with its titles resolved. */
export interface ResolvedLink {
  map: FieldMap;
  column: string;
  targets: Array<{ collection: CollectionName; target: Target }>;
}

/** What one row will do: the record it creates or updates, its fields, its resolved links. */
export interface PlannedRow {
  row: UwaziRow;
  collection: CollectionName;
  /** The record the row updates (by its Vigil ID, or a source by its text); absent: a new record. */
  existingId?: string;
  set: Record<string, unknown>;
  otherNames?: string[];
  status?: string;
  history?: Array<{ status: string; date?: string }>;
  links: ResolvedLink[];
}

const VIGIL_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Titles compare as Uwazi users type them: case, spacing and Unicode form do not matter. */
export const normalTitle = (t: string) => t.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Finds records of these collections whose title is exactly this one, through the search index. */
async function recordsTitled(ctx: AppContext, collections: CollectionName[], title: string) {
  const hits = await searchCandidates(ctx.store.handle.db, ctx.store.engine, queryTerms(title), {
    collections,
    limit: 200,
  });
  const out: Array<{ collection: CollectionName; id: string }> = [];
  for (const collection of collections) {
    const ids = hits.filter((h) => h.collection === collection).map((h) => h.recordId);
    for (const r of await ctx.store.getMany(collection, ids))
      if (normalTitle(titleOf(collection, r)) === normalTitle(title)) out.push({ collection, id: r.id });
  }
  return out;
}

function decodeRow(row: UwaziRow, format: DateFormat) {
  const fields = UWAZI_FIELDS[row.template.name];
  const plan: Omit<PlannedRow, 'links'> & { refs: RefRequest[] } = {
    row,
    collection: row.template.collection,
    set: {},
    refs: [],
  };
  const precisions: Array<{ fields: string[]; precisions: Precision[] }> = [];
  for (const prop of row.template.properties) {
    const cell = row.cells.get(prop.name);
    if (cell === undefined) continue;
    const decoded = decodeCell(fields[prop.name], prop, cell, format);
    Object.assign(plan.set, decoded.set ?? {});
    if (decoded.ref) plan.refs.push(decoded.ref);
    if (decoded.otherNames) plan.otherNames = decoded.otherNames;
    if (decoded.status) plan.status = decoded.status;
    if (decoded.history) plan.history = decoded.history;
    if (decoded.precision) precisions.push(decoded.precision);
  }
  // Uwazi holds only whole dates: the precision columns say which were a month or a year.
  for (const { fields, precisions: each } of precisions)
    fields.forEach((field, i) => {
      const value = plan.set[field];
      if (typeof value === 'string') plan.set[field] = cutToPrecision(value, each[i]);
    });
  if (!row.title && row.template.collection !== 'acts')
    throw new VigilError('invalid_input', 'the title is empty');
  return plan;
}

/**
 * Reads every row and resolves its links by title before anything is written: first among the
 * rows of the import (a file of persons and their units links within itself), then among the
 * records in Vigil. A title that matches nothing, or more than one record, is a problem of its
 * row; Uwazi would link every match, Vigil refuses to guess.
 */
export async function planUwaziImport(
  ctx: AppContext,
  rows: UwaziRow[],
  format: DateFormat,
): Promise<{ plans: PlannedRow[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const problem = (row: UwaziRow, message: string) =>
    problems.push({ file: row.file, line: row.line, message });
  const decoded: Array<ReturnType<typeof decodeRow>> = [];
  for (const row of rows) {
    try {
      decoded.push(decodeRow(row, format));
    } catch (err) {
      if (!(err instanceof VigilError)) throw err;
      problem(row, err.message);
    }
  }
  // The records rows update: by Vigil ID, or for a source by its text, as ingest matches it.
  const claimed = new Map<string, UwaziRow>();
  for (const plan of decoded) {
    const given = plan.row.cells.get('vigil_id')?.trim();
    let existing: StoredRecord | undefined;
    if (given && VIGIL_ID.test(given)) existing = await ctx.store.get(plan.collection, given);
    if (!existing && plan.collection === 'sources' && typeof plan.set.text === 'string') {
      const sha256 = createHash('sha256').update(plan.set.text, 'utf8').digest('hex');
      existing = (await ctx.store.list('sources', { filters: { sha256 }, limit: 1 }))[0];
    }
    if (!existing) continue;
    const other = claimed.get(existing.id);
    if (other) problem(plan.row, `updates the same record as ${other.file} line ${other.line}`);
    claimed.set(existing.id, plan.row);
    plan.existingId = existing.id;
  }
  const byTitle = new Map<string, number[]>();
  decoded.forEach((plan, i) => {
    const key = `${plan.collection}/${normalTitle(plan.row.title)}`;
    byTitle.set(key, [...(byTitle.get(key) ?? []), i]);
  });
  const inDatabase = new Map<string, Array<{ collection: CollectionName; id: string }>>();
  const plans: PlannedRow[] = [];
  for (const { refs, ...plan } of decoded) {
    const links: ResolvedLink[] = [];
    for (const ref of refs) {
      const link: ResolvedLink = { map: ref.map, column: ref.column, targets: [] };
      for (const [n, title] of ref.titles.entries()) {
        const inFile = ref.targets.flatMap((c) =>
          (byTitle.get(`${c}/${normalTitle(title)}`) ?? []).map((row) => ({
            collection: c,
            target: { row },
          })),
        );
        const key = `${ref.targets.join(',')}/${normalTitle(title)}`;
        if (!inFile.length && !inDatabase.has(key))
          inDatabase.set(key, await recordsTitled(ctx, ref.targets, title));
        const found = inFile.length
          ? inFile
          : (inDatabase.get(key) ?? []).map((r) => ({ collection: r.collection, target: { id: r.id } }));
        const what = `column ${ref.column}, value ${n + 1}`;
        if (found.length === 1) link.targets.push(found[0]);
        else
          problem(
            plan.row,
            found.length
              ? `${what}: the title fits ${found.length} records`
              : `${what}: no ${ref.targets.map((c) => COLLECTIONS[c].noun).join(' or ')} has this title`,
          );
      }
      links.push(link);
    }
    plans.push({ ...plan, links });
  }
  return { plans, problems };
}
