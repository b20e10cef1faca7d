import { notFound, VigilError } from '../../domain/errors.js';
import type { TablePreview } from '../../domain/schemas/table-import.js';
import { readTable } from '../../ingest/tables/read-table.js';
import type { RecordWriter } from '../../store/record-store.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import type { Actor, AppContext } from '../context.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../ingest/source-ingester.js';
import { previewTable } from './table-preview.js';

/** How long an uploaded table waits for its import. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** An uploaded table as its uploader reads it back. */
export interface StagedUpload {
  sha256: string;
  name: string;
  bytes: Buffer;
}

/**
 * Keeps an uploaded table, sealed, for its uploader's preview, dry runs and apply, so the file is
 * sent once. The file is read first: a malformed or oversize one is refused and nothing is kept.
 * Uploads older than a day are dropped on the way. Returns the preview of the table.
 */
export async function stageUpload({
  ctx,
  actor,
  userId,
  bytes,
  name,
  sheet,
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: string;
  bytes: Buffer;
  name: string;
  sheet?: string;
  maxBytes?: number;
}): Promise<TablePreview> {
  if (bytes.length > maxBytes)
    throw new VigilError('too_large', `the file is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`);
  const table = readTable(bytes, { sheet });
  const fileName = name.replace(/[\\/]/g, '_').slice(0, 200) || 'table';
  await ctx.store.write(actor.id, async (writer) => {
    const expired = new Date(Date.parse(writer.now) - UPLOAD_TTL_MS).toISOString();
    await tableImportRows.putUpload(
      writer.trx,
      {
        user_id: userId,
        sha256: table.file.sha256,
        name: fileName,
        size: bytes.length,
        sealed: writer.cipher.seal(bytes.toString('base64')),
        created_at: writer.now,
      },
      expired,
    );
    await writer.note({
      action: 'upload',
      collection: 'table_uploads',
      recordId: table.file.sha256,
      before: undefined,
      after: { size: bytes.length, format: table.file.format },
    });
  });
  return previewTable(table, fileName);
}

/** The uploader's own upload (another user's is not found), while it is kept. */
export async function stagedUpload(ctx: AppContext, userId: string, sha256: string): Promise<StagedUpload> {
  const row = await tableImportRows.upload(ctx.store.handle.db, userId, sha256);
  if (!row || Date.parse(row.created_at) < Date.now() - UPLOAD_TTL_MS)
    throw new VigilError(
      'not_found',
      'upload not found: uploads are kept for 24 hours; upload the file again',
    );
  return {
    sha256: row.sha256,
    name: row.name,
    bytes: Buffer.from(String(ctx.store.cipher.open(row.sealed)), 'base64'),
  };
}

/** Drops an upload inside the caller's transaction (after its import, or when the uploader discards it). */
export async function dropUpload(writer: RecordWriter, userId: string, sha256: string): Promise<void> {
  if (!(await tableImportRows.deleteUpload(writer.trx, userId, sha256))) throw notFound('upload');
  await writer.note({
    action: 'discard',
    collection: 'table_uploads',
    recordId: sha256,
    before: undefined,
    after: undefined,
  });
}

/** Discards an upload the uploader no longer needs. */
export async function discardUpload({
  ctx,
  actor,
  userId,
  sha256,
}: {
  ctx: AppContext;
  actor: Actor;
  userId: string;
  sha256: string;
}): Promise<void> {
  await ctx.store.write(actor.id, (writer) => dropUpload(writer, userId, sha256));
}
