import { invalid, notFound, VigilError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { type SavedMapping, TableMapping } from '../../domain/schemas/table-mapping.js';
import { assertValid } from '../../domain/validate.js';
import type { TableMappingRow } from '../../store/schema.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import type { Actor, AppContext } from '../context.js';

function savedOf(row: TableMappingRow): SavedMapping {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mapping: JSON.parse(row.doc) as TableMapping,
  };
}

function validName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed.length < 1 || trimmed.length > 100)
    throw invalid('a mapping name is 1–100 characters', [{ path: '/name', message: 'invalid' }]);
  return trimmed;
}

const taken = () => new VigilError('conflict', 'a mapping with this name exists');

/** Every saved mapping, by name. */
export async function listMappings(ctx: AppContext): Promise<SavedMapping[]> {
  return (await tableImportRows.mappings(ctx.store.handle.db)).map(savedOf);
}

/** A saved mapping by its id. */
export async function readMapping(ctx: AppContext, id: string): Promise<SavedMapping> {
  const row = await tableImportRows.mappingById(ctx.store.handle.db, id);
  if (!row) throw notFound('mapping');
  return savedOf(row);
}

/** A saved mapping by its name, as the CLI and the import API refer to it. */
export async function mappingNamed(ctx: AppContext, name: string): Promise<SavedMapping> {
  const row = await tableImportRows.mappingByName(ctx.store.handle.db, validName(name));
  if (!row) throw notFound('mapping');
  return savedOf(row);
}

/** Saves a mapping under a new name, with its audit entry. */
export async function createMapping({
  ctx,
  actor,
  name,
  mapping,
}: {
  ctx: AppContext;
  actor: Actor;
  name: string;
  mapping: unknown;
}): Promise<SavedMapping> {
  const valid = assertValid<TableMapping>(TableMapping, mapping, 'mapping');
  const row = { name: validName(name), doc: JSON.stringify(valid) };
  return ctx.store.write(actor.id, async (writer) => {
    if (await tableImportRows.mappingByName(writer.trx, row.name)) throw taken();
    const stored: TableMappingRow = {
      id: newId(),
      version: 1,
      created_at: writer.now,
      updated_at: writer.now,
      ...row,
    };
    await tableImportRows.insertMapping(writer.trx, stored);
    await writer.note({
      action: 'create',
      collection: 'table_mappings',
      recordId: stored.id,
      before: undefined,
      after: valid,
    });
    return savedOf(stored);
  });
}

/** Renames or replaces a saved mapping if it is still at `version` (else 409), with its audit entry. */
export async function updateMapping({
  ctx,
  actor,
  id,
  version,
  name,
  mapping,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  version: number;
  name?: string;
  mapping?: unknown;
}): Promise<SavedMapping> {
  const valid =
    mapping === undefined ? undefined : assertValid<TableMapping>(TableMapping, mapping, 'mapping');
  return ctx.store.write(actor.id, async (writer) => {
    const before = await tableImportRows.mappingById(writer.trx, id);
    if (!before) throw notFound('mapping');
    const changes = {
      name: name === undefined ? before.name : validName(name),
      doc: valid === undefined ? before.doc : JSON.stringify(valid),
      updated_at: writer.now,
    };
    const other = await tableImportRows.mappingByName(writer.trx, changes.name);
    if (other && other.id !== id) throw taken();
    if (
      Number(before.version) !== version ||
      !(await tableImportRows.updateMapping(writer.trx, id, version, changes))
    )
      throw new VigilError('conflict', 'the mapping was changed by someone else; reload it', {
        currentVersion: Number(before.version),
      });
    await writer.note({
      action: 'update',
      collection: 'table_mappings',
      recordId: id,
      before: { name: before.name, mapping: JSON.parse(before.doc) },
      after: { name: changes.name, mapping: JSON.parse(changes.doc) },
    });
    return savedOf({ ...before, ...changes, version: version + 1 });
  });
}

/** Deletes a saved mapping (imports made with it keep their copy), with its audit entry. */
export async function deleteMapping({
  ctx,
  actor,
  id,
  version,
}: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  version?: number;
}): Promise<void> {
  await ctx.store.write(actor.id, async (writer) => {
    const before = await tableImportRows.mappingById(writer.trx, id);
    if (!before) throw notFound('mapping');
    const at = version ?? Number(before.version);
    if (!(await tableImportRows.deleteMapping(writer.trx, id, at)))
      throw new VigilError('conflict', 'the mapping was changed by someone else; reload it', {
        currentVersion: Number(before.version),
      });
    await writer.note({
      action: 'delete',
      collection: 'table_mappings',
      recordId: id,
      before: { name: before.name, mapping: JSON.parse(before.doc) },
      after: undefined,
    });
  });
}
