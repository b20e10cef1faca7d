import type { Kysely } from 'kysely';
import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../../domain/collections.js';
import { VigilError } from '../../../domain/errors.js';
import { type FtmIdTarget, ftmIdRows } from '../../../store/ftm-id-rows.js';
import { recordFate } from '../../../store/record-fate.js';
import type { RecordWriter } from '../../../store/record-store.js';
import type { Database } from '../../../store/schema.js';
import { insertValidRecord } from '../../records/record-creator.js';
import { cleanRecordText } from '../../records/record-text.js';
import { updateValidRecord } from '../../records/record-updater.js';
import { nameTerms } from '../../resolution/person-similarity.js';
import type { FtmEntityReport } from './ftm-entity-reader.js';

const VIGIL_ID = /^vigil-([a-z_]+)-([0-9A-HJKMNP-TV-Z]{26})$/;

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The names a record goes by, for telling an id reused for someone else from an update. */
function namesOf(collection: CollectionName, fields: Record<string, unknown>): string[] {
  const text = (v: unknown) => (typeof v === 'string' ? [v] : []);
  const list = (v: unknown) => (Array.isArray(v) ? v.flatMap(text) : []);
  switch (collection) {
    case 'persons':
      return Array.isArray(fields.names)
        ? fields.names.flatMap((n) => text((n as { value?: unknown } | null)?.value))
        : [];
    case 'places':
    case 'organizations':
      return [...text(fields.name), ...list(fields.otherNames)];
    case 'cases':
    case 'sources':
      return text(fields.title);
    default:
      return [];
  }
}

/** Names that share no term in any script ("Иванов Пётр" and "Petr Ivanov" share two). */
function clearlyDifferent(
  collection: CollectionName,
  before: StoredRecord,
  incoming: Record<string, unknown>,
) {
  const terms = (names: string[]) => new Set(names.flatMap(nameTerms));
  const old = terms(namesOf(collection, before));
  const next = terms(namesOf(collection, incoming));
  return old.size > 0 && next.size > 0 && ![...next].some((t) => old.has(t));
}

/** Where an entity's earlier record went, when it is not simply there to update. */
type Found =
  | { record: StoredRecord; mergedFrom?: string; bound: boolean }
  | { refused: string; outcome: 'skipped' | 'conflict' }
  | undefined;

/**
 * Creates or updates the record an entity (or a part of one, keyed `entity#part`) becomes: the
 * record it was imported as before from the same dataset (`ftm_ids`), or the Vigil record a Vigil
 * export named, is updated — lists gain the new values, other fields take the file's — and a new
 * one is created otherwise. A record merged since is followed to the one that survived; one
 * deleted since is not recreated; an id bound to a record of another kind or of a clearly
 * different name is a collision, reported and not overwritten. A record Vigil's rules refuse is
 * reported as skipped; the import goes on.
 */
export class FtmRecordSaver {
  private readonly added: Array<{ ftmId: string } & FtmIdTarget> = [];
  /** Records created and updated per collection, an Event's act and involvements included. */
  readonly tally: Record<'created' | 'updated', Partial<Record<CollectionName, number>>> = {
    created: {},
    updated: {},
  };

  private constructor(
    private readonly writer: RecordWriter,
    private readonly dataset: string,
    private readonly known: Map<string, FtmIdTarget>,
    private readonly locked: ReadonlySet<string>,
  ) {}

  /** `locked`: ids of stored records the actor may not change (see `recordsNamed`). */
  static async open(
    writer: RecordWriter,
    dataset: string,
    keys: string[],
    locked: ReadonlySet<string>,
  ): Promise<FtmRecordSaver> {
    return new FtmRecordSaver(writer, dataset, await ftmIdRows.targets(writer.trx, dataset, keys), locked);
  }

  private async existing(key: string, collection: CollectionName): Promise<Found> {
    const target = this.known.get(key);
    if (target && target.collection !== collection)
      return {
        refused: `the id already names a record of another kind (${target.collection}) in dataset "${this.dataset}": it is not overwritten`,
        outcome: 'conflict',
      };
    const own = VIGIL_ID.exec(key);
    const id = target?.recordId ?? (own?.[1] === collection ? own[2] : undefined);
    if (id === undefined) return undefined;
    const record = await this.writer.get(collection, id);
    const fate = record ? undefined : await recordFate(this.writer.trx, collection, id);
    if (fate?.fate === 'deleted')
      return {
        refused: 'its record was deleted since it was imported: it is not recreated',
        outcome: 'skipped',
      };
    const found =
      record ?? (fate?.fate === 'merged' ? await this.writer.get(collection, fate.into) : undefined);
    if (!found) return undefined;
    if (this.locked.has(found.id))
      return {
        refused: 'its record is linked to a case you may not change: it is left as it is',
        outcome: 'skipped',
      };
    // A Vigil export's own id is the record's identity; only a dataset's binding can be a reuse.
    const bound = target !== undefined;
    return record ? { record, bound } : { record: found, mergedFrom: id, bound };
  }

  /** The record saved, or undefined when Vigil's rules refused it (the report says why). */
  async save(
    key: string,
    collection: CollectionName,
    input: Record<string, unknown>,
    report: FtmEntityReport,
  ): Promise<StoredRecord | undefined> {
    const fields = defined(input);
    try {
      const found = await this.existing(key, collection);
      if (found && 'refused' in found)
        return this.refused(report, key, collection, found.refused, found.outcome);
      const before = found?.record;
      if (!before) {
        const record = await insertValidRecord(this.writer, collection, fields, 'import');
        this.added.push({ ftmId: key, collection, recordId: record.id });
        return this.saved(report, 'created', collection, record);
      }
      const incoming = structuredClone(fields);
      cleanRecordText(collection, incoming);
      if (found.bound && clearlyDifferent(collection, before, incoming))
        return this.refused(
          report,
          key,
          collection,
          `the id already names a record of ${collection} with a clearly different name in dataset "${this.dataset}": it is not overwritten`,
          'conflict',
        );
      if (found.mergedFrom && !report.recordId)
        report.reason =
          'its record was merged into another since it was imported: the surviving record is updated';
      const changes: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(incoming)) {
        const old = before[field];
        const next = Array.isArray(value) && Array.isArray(old) ? union(old, value) : value;
        if (same(old, next)) continue;
        if (COLLECTIONS[collection].immutable?.includes(field))
          report.dropped.push({ property: field, reason: 'Vigil does not change it after creation' });
        else changes[field] = next;
      }
      if (this.known.get(key)?.recordId !== before.id)
        this.added.push({ ftmId: key, collection, recordId: before.id });
      if (!Object.keys(changes).length) return this.saved(report, 'unchanged', collection, before);
      const after = await updateValidRecord(
        this.writer,
        collection,
        before.id,
        before.version,
        changes,
        'import',
      );
      return this.saved(report, 'updated', collection, after);
    } catch (err) {
      if (!(err instanceof VigilError)) throw err;
      return this.refused(report, key, collection, err.message);
    }
  }

  /** An entity (or a part of one) that must not touch the record its id names. */
  private refused(
    report: FtmEntityReport,
    key: string,
    collection: CollectionName,
    reason: string,
    outcome: 'skipped' | 'conflict' = 'skipped',
  ) {
    // A part of an entity (an Event's act) refused leaves the record the entity became.
    if (report.recordId) report.dropped.push({ property: key.split('#')[1] ?? collection, reason });
    else Object.assign(report, { outcome, reason });
    return undefined;
  }

  private saved(
    report: FtmEntityReport,
    outcome: 'created' | 'updated' | 'unchanged',
    collection: CollectionName,
    record: StoredRecord,
  ) {
    if (outcome !== 'unchanged') this.tally[outcome][collection] = (this.tally[outcome][collection] ?? 0) + 1;
    // The report names the entity's own record; parts saved after it (an Event's act) do not rename it.
    if (!report.recordId) Object.assign(report, { outcome, collection, recordId: record.id });
    return record;
  }

  /** Remembers the records created for the ids, for the next import of the same entities. */
  async finish() {
    await ftmIdRows.save(this.writer.trx, this.dataset, this.added);
  }
}

/**
 * The stored records the keys of an import name — imported before from the dataset, or named by
 * a Vigil export's ids — with merged ones followed to the survivor: read before the import's
 * transaction, so that the caller can check which of them the actor may change.
 */
export async function recordsNamed(
  db: Kysely<Database>,
  dataset: string,
  keys: string[],
): Promise<Array<{ collection: CollectionName; id: string }>> {
  const targets = [...(await ftmIdRows.targets(db, dataset, keys)).values()].map((t) => ({
    collection: t.collection,
    id: t.recordId,
  }));
  for (const key of keys) {
    const own = VIGIL_ID.exec(key);
    if (own && own[1] in COLLECTIONS) targets.push({ collection: own[1] as CollectionName, id: own[2] });
  }
  const out: Array<{ collection: CollectionName; id: string }> = [];
  for (const t of targets) {
    out.push(t);
    if (t.collection !== 'persons') continue;
    // Only persons are merged; a missing one may have survived under another id.
    const fate = await recordFate(db, t.collection, t.id);
    if (fate.fate === 'merged') out.push({ collection: t.collection, id: fate.into });
  }
  return out;
}

/** A name or contact is the same whatever script or note it was given; other values are compared whole. */
function keyOf(v: unknown): string {
  if (v && typeof v === 'object' && 'value' in v) {
    const { kind, value } = v as { kind?: unknown; value: unknown };
    return JSON.stringify([kind, value]);
  }
  return JSON.stringify(v);
}

function union(old: unknown[], incoming: unknown[]): unknown[] {
  const seen = new Set(old.map(keyOf));
  return [...old, ...incoming.filter((v) => !seen.has(keyOf(v)))];
}
