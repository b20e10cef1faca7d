import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../domain/collections.js';
import { invalid, notFound, VigilError } from '../../domain/errors.js';
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

export interface UpdateRecordProps {
  ctx: AppContext;
  actor: Actor;
  collection: CollectionName;
  id: string;
  /** The version the client last saw, and the fields to change (null removes an optional field). */
  patch: { version: number; [field: string]: unknown };
}

const META = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * Applies a partial change if the record is still at the version the client saw; otherwise
 * refuses with 409 and changes nothing (optimistic concurrency).
 */
export async function updateRecord({
  ctx,
  actor,
  collection,
  id,
  patch,
}: UpdateRecordProps): Promise<StoredRecord> {
  const spec = COLLECTIONS[collection];
  const { version, ...changes } = patch;
  for (const key of Object.keys(changes)) {
    if (META.has(key))
      throw invalid(`${key} cannot be changed`, [{ path: `/${key}`, message: 'is set by the server' }]);
    if (spec.immutable?.includes(key)) {
      throw invalid(`${key} cannot be changed after creation`, [
        { path: `/${key}`, message: 'cannot be changed' },
      ]);
    }
  }
  return ctx.store.write(actor.id, async (writer) => {
    const before = await writer.get(collection, id);
    if (!before) throw notFound(spec.noun);
    if (before.version !== version) throw staleVersion(spec.noun, before.version);
    return patchInTransaction(writer, collection, before, changes, actor.id);
  });
}

/**
 * An update by id inside an open transaction, for commands that change several records:
 * checks the version, then applies the changes as `patchInTransaction` does.
 */
export async function updateValidRecord(
  writer: RecordWriter,
  collection: CollectionName,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  action = 'update',
): Promise<StoredRecord> {
  const noun = COLLECTIONS[collection].noun;
  const before = await writer.get(collection, id);
  if (!before) throw notFound(noun);
  if (before.version !== version) throw staleVersion(noun, before.version);
  return patchInTransaction(writer, collection, before, changes, writer.actor, action);
}

/**
 * The body of an update inside an open transaction, for commands that change several records:
 * validates the changed record, enforces the rules, writes it with its audit entry.
 */
export async function patchInTransaction(
  writer: RecordWriter,
  collection: CollectionName,
  before: StoredRecord,
  changes: Record<string, unknown>,
  actorId: string,
  action = 'update',
): Promise<StoredRecord> {
  const after = patched(collection, before, changes, actorId, writer.now);
  await enforceRecordRules(writer, collection, after);
  if (!(await writer.update(collection, before, after, action)))
    throw staleVersion(COLLECTIONS[collection].noun, before.version);
  return after;
}

/** The record `changes` make of `before` (null or undefined removes a field), validated, one version on. */
function patched(
  collection: CollectionName,
  before: StoredRecord,
  changes: Record<string, unknown>,
  actorId: string,
  now: string,
): StoredRecord {
  const spec = COLLECTIONS[collection];
  refuseServerFields(collection, changes, before);
  const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = structuredClone(before);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete fields[key];
    else fields[key] = structuredClone(value);
  }
  cleanRecordText(collection, fields);
  const valid = assertValid<Record<string, unknown>>(spec.fields, fields, spec.noun);
  stampStatusSetter(collection, valid, changes, actorId);
  return { ...valid, id, version: before.version + 1, createdAt: before.createdAt, updatedAt: now };
}

/**
 * `patchInTransaction` for many records of one collection, with batched rule checks and
 * statements: for bulk loads that change thousands of records in one transaction.
 */
export async function patchManyInTransaction(
  writer: RecordWriter,
  collection: CollectionName,
  items: Array<{ before: StoredRecord; changes: Record<string, unknown> }>,
  action = 'update',
): Promise<StoredRecord[]> {
  const spec = COLLECTIONS[collection];
  const pairs = items.map(({ before, changes }) => ({
    before,
    after: patched(collection, before, changes, writer.actor, writer.now),
  }));
  await enforceRecordRulesMany(
    writer,
    collection,
    pairs.map((p) => p.after),
  );
  const stale = await writer.updateMany(collection, pairs, action);
  if (stale.length) {
    const current = await writer.get(collection, stale[0]);
    throw staleVersion(spec.noun, current?.version ?? 0);
  }
  return pairs.map((p) => p.after);
}

/** The 409 a client gets when someone else changed the record since it was read. */
export function staleVersion(noun: string, current: number): VigilError {
  return new VigilError(
    'conflict',
    `the ${noun} was changed by someone else; reload it and apply your change again`,
    {
      currentVersion: current,
    },
  );
}
