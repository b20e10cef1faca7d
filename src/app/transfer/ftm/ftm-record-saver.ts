import { COLLECTIONS, type CollectionName, type StoredRecord } from '../../../domain/collections.js';
import { VigilError } from '../../../domain/errors.js';
import { type FtmIdTarget, ftmIdRows } from '../../../store/ftm-id-rows.js';
import type { RecordWriter } from '../../../store/record-store.js';
import { insertValidRecord } from '../../records/record-creator.js';
import { cleanRecordText } from '../../records/record-text.js';
import { updateValidRecord } from '../../records/record-updater.js';
import type { FtmEntityReport } from './ftm-entity-reader.js';

const VIGIL_ID = /^vigil-([a-z_]+)-([0-9A-HJKMNP-TV-Z]{26})$/;

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates or updates the record an entity (or a part of one, keyed `entity#part`) becomes: the
 * record it was imported as before (`ftm_ids`), or the Vigil record a Vigil export named, is
 * updated — lists gain the new values, other fields take the file's — and a new one is created
 * otherwise. A record Vigil's rules refuse is reported as skipped; the import goes on.
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
    private readonly known: Map<string, FtmIdTarget>,
  ) {}

  static async open(writer: RecordWriter, keys: string[]): Promise<FtmRecordSaver> {
    return new FtmRecordSaver(writer, await ftmIdRows.targets(writer.trx, keys));
  }

  private async existing(key: string, collection: CollectionName): Promise<StoredRecord | undefined> {
    const target = this.known.get(key);
    if (target?.collection === collection) return this.writer.get(collection, target.recordId);
    const own = VIGIL_ID.exec(key);
    if (own?.[1] === collection) return this.writer.get(collection, own[2]);
    return undefined;
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
      const before = await this.existing(key, collection);
      if (!before) {
        const record = await insertValidRecord(this.writer, collection, fields, 'import');
        this.added.push({ ftmId: key, collection, recordId: record.id });
        return this.saved(report, 'created', collection, record);
      }
      const incoming = structuredClone(fields);
      cleanRecordText(collection, incoming);
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
      // A part of an entity (an Event's act) refused leaves the record the entity became.
      if (report.recordId)
        report.dropped.push({ property: key.split('#')[1] ?? collection, reason: err.message });
      else Object.assign(report, { outcome: 'skipped', reason: err.message });
      return undefined;
    }
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
    await ftmIdRows.save(this.writer.trx, this.added);
  }
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
