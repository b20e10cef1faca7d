import { createHash } from 'node:crypto';
import type { CollectionName, StoredRecord } from '../../domain/collections.js';
import { COLLECTIONS, referencesOf } from '../../domain/collections.js';
import { type FieldProblem, invalid } from '../../domain/errors.js';
import type { RecordWriter } from '../../store/record-store.js';
import { enforceInterventionRules } from '../appeals/intervention-rules.js';

/**
 * Rules a record must meet beyond its schema, checked inside the write transaction: every
 * referenced record exists, and each collection's own cross-field rules hold. May fill derived
 * fields (a source's SHA-256). Throws invalid_input naming the fields, or conflict.
 */
export async function enforceRecordRules(
  writer: RecordWriter,
  collection: CollectionName,
  record: StoredRecord,
): Promise<void> {
  await enforceRecordRulesMany(writer, collection, [record]);
}

/**
 * The rules of `enforceRecordRules` for many records of one collection at once: references are
 * checked with one query per target collection, and sources quoted by many claims are read once.
 */
export async function enforceRecordRulesMany(
  writer: RecordWriter,
  collection: CollectionName,
  records: StoredRecord[],
): Promise<void> {
  await checkReferences(writer, collection, records);
  const rule = COLLECTION_RULES[collection];
  if (!rule) return;
  const sources = new Map<string, Promise<StoredRecord | undefined>>();
  const source = (id: string) => {
    let found = sources.get(id);
    if (!found) {
      found = writer.get('sources', id);
      sources.set(id, found);
    }
    return found;
  };
  for (const record of records) await rule(writer, record, source);
}

async function checkReferences(writer: RecordWriter, collection: CollectionName, records: StoredRecord[]) {
  const problems: FieldProblem[] = [];
  const byCollection = new Map<CollectionName, Array<{ field: string; id: string; at: string }>>();
  for (const [i, record] of records.entries()) {
    const at = records.length > 1 ? `/${i}` : '';
    for (const ref of referencesOf(COLLECTIONS[collection], record)) {
      const list = byCollection.get(ref.collection) ?? [];
      list.push({ field: ref.field, id: ref.id, at });
      byCollection.set(ref.collection, list);
    }
  }
  for (const [target, refs] of byCollection) {
    const missing = new Set(
      await writer.missing(
        target,
        refs.map((r) => r.id),
      ),
    );
    for (const ref of refs) {
      if (missing.has(ref.id)) {
        problems.push({
          path: `${ref.at}/${ref.field.replaceAll('.', '/')}`,
          message: `no ${COLLECTIONS[target].noun} with this id`,
        });
      }
    }
  }
  if (problems.length) throw invalid(`${problems[0].path} refers to a record that does not exist`, problems);
}

/**
 * An act's status changed by a person is theirs to keep: recording who set it stops Vigil's
 * corroboration count from moving it again (see corroboration/act-status-updater.ts).
 */
export function stampStatusSetter(
  collection: CollectionName,
  fields: Record<string, unknown>,
  changes: Record<string, unknown>,
  actorId: string,
): void {
  if (collection === 'acts' && 'status' in changes && !('statusSetBy' in changes))
    fields.statusSetBy = actorId;
}

/** A collection's own rule; `source` reads a source once per batch of records. */
type Rule = (
  writer: RecordWriter,
  record: StoredRecord,
  source: (id: string) => Promise<StoredRecord | undefined>,
) => Promise<void>;

const COLLECTION_RULES: Partial<Record<CollectionName, Rule>> = {
  interventions: enforceInterventionRules,

  involvements: async (_writer, record) => {
    const hasPerson = typeof record.personId === 'string';
    const hasOrganization = typeof record.organizationId === 'string';
    if (hasPerson === hasOrganization) {
      throw invalid('an involvement names exactly one of personId and organizationId', [
        { path: '/personId', message: 'give either personId or organizationId' },
      ]);
    }
  },

  sources: async (_writer, record) => {
    if (typeof record.text === 'string') {
      const digest = createHash('sha256').update(record.text, 'utf8').digest('hex');
      if (record.sha256 !== undefined && record.sha256 !== digest) {
        throw invalid('sha256 does not match the text', [
          { path: '/sha256', message: 'is not the SHA-256 of text' },
        ]);
      }
      record.sha256 = digest;
    }
    // The same text may be held by several sources (migration 0008): ingest decides when to reuse one.
  },

  claims: async (_writer, record, source) => {
    const span = record.span as { start: number; end: number };
    if (span.end <= span.start) {
      throw invalid('span must end after it starts', [
        { path: '/span/end', message: 'must be greater than start' },
      ]);
    }
    const text = (await source(String(record.sourceId)))?.text;
    if (typeof text !== 'string') {
      throw invalid('the source has no text to quote', [
        { path: '/sourceId', message: 'source has no text' },
      ]);
    }
    if (span.end > text.length) {
      throw invalid('span lies outside the source text', [
        { path: '/span/end', message: `must be at most ${text.length}` },
      ]);
    }
    if (text.slice(span.start, span.end) !== record.quote) {
      throw invalid('quote is not the source text at span', [
        { path: '/quote', message: 'must equal the source text at span' },
      ]);
    }
  },
};
