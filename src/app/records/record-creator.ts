import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../domain/collections.js';
import { newId } from '../../domain/ids.js';
import { assertValid } from '../../domain/validate.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Actor, AppContext } from '../context.js';
import {
  enforceRecordRules,
  enforceRecordRulesMany,
  refuseServerFields,
  stampStatusSetter,
} from './record-rules.js';
import { cleanRecordText } from './record-text.js';

export interface CreateRecordProps {
  ctx: AppContext;
  actor: Actor;
  collection: CollectionName;
  input: unknown;
}

/** Validates and stores a new record, with its audit entry, in one transaction. */
export async function createRecord({
  ctx,
  actor,
  collection,
  input,
}: CreateRecordProps): Promise<StoredRecord> {
  return ctx.store.write(actor.id, (writer) => insertValidRecord(writer, collection, input));
}

/** The body of a create inside an open transaction, for commands that create several records. */
export async function insertValidRecord(
  writer: RecordWriter,
  collection: CollectionName,
  input: unknown,
  action = 'create',
): Promise<StoredRecord> {
  const record = await validNewRecord(writer, collection, input, COLLECTIONS[collection].noun);
  await writer.insert(collection, record, action);
  return record;
}

/**
 * Validates and stores many new records of one collection in the caller's transaction, with
 * batched statements; used by bulk loads. All or nothing, like the transaction around it.
 */
export async function insertValidRecords(
  writer: RecordWriter,
  collection: CollectionName,
  inputs: unknown[],
  action = 'create',
): Promise<StoredRecord[]> {
  const noun = COLLECTIONS[collection].noun;
  const records = inputs.map((input, i) => newRecord(writer, collection, input, `${noun} ${i + 1}`));
  await enforceRecordRulesMany(writer, collection, records);
  await writer.insertMany(collection, records, action);
  return records;
}

/** A new record from client input: schema-checked, given id, version and timestamps, rules enforced. */
async function validNewRecord(
  writer: RecordWriter,
  collection: CollectionName,
  input: unknown,
  what: string,
): Promise<StoredRecord> {
  const record = newRecord(writer, collection, input, what);
  await enforceRecordRules(writer, collection, record);
  return record;
}

/**
 * A new record from client input: its text cleaned (record-text.ts), schema-checked, server
 * fields refused, and given id, version and timestamps.
 */
function newRecord(
  writer: RecordWriter,
  collection: CollectionName,
  input: unknown,
  what: string,
): StoredRecord {
  const copy: unknown = structuredClone(input);
  if (copy !== null && typeof copy === 'object' && !Array.isArray(copy))
    cleanRecordText(collection, copy as Record<string, unknown>);
  const fields = assertValid<Record<string, unknown>>(COLLECTIONS[collection].fields, copy, what);
  refuseServerFields(collection, fields, undefined);
  stampStatusSetter(collection, fields, 'created', writer.actor);
  return { id: newId(), version: 1, createdAt: writer.now, updatedAt: writer.now, ...fields };
}
