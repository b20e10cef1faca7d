import { createHash } from 'node:crypto';
import type { StoredRecord } from '../../domain/collections.js';
import { TABLE_MEDIA_TYPES } from '../../ingest/tables/read-table.js';
import type { TableText } from '../../ingest/tables/table-text.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { RecordWriter } from '../../store/record-store.js';
import { insertValidRecord } from '../records/record-creator.js';
import type { ImportPlan } from './import-planner.js';

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/**
 * The source an import cites: the file imported before (same bytes, or the same table in other
 * bytes), else a new spreadsheet source whose text is the table rendered as text. It is marked
 * sensitive (text encrypted, not indexed): a list of detained men, with whatever notes and
 * contacts its columns hold. The original bytes are kept sealed, content-addressed as ingest does.
 */
export async function storeImportSource(
  writer: RecordWriter,
  plan: ImportPlan,
  file: { bytes: Buffer; name: string; text: TableText },
): Promise<StoredRecord> {
  const { sha256: fileSha, format } = plan.table.file;
  const text = file.text.text;
  const [known] = await ingestRows.sourcesOfFile(writer.trx, fileSha);
  const stored = known ? await writer.get('sources', known) : undefined;
  // Another sheet of the same workbook is another text, and another source.
  if (stored?.text === text) return stored;
  const keep = async (sourceId: string) => {
    if (!known) await ingestRows.insertFile(writer.trx, { ...original, source_id: sourceId });
  };
  const mediaType = TABLE_MEDIA_TYPES[format];
  const original = {
    sha256: fileSha,
    media_type: mediaType,
    size: file.bytes.length,
    bytes: Buffer.from(writer.cipher.seal(file.bytes.toString('base64')), 'utf8'),
    created_at: writer.now,
  };
  const [same] = await writer.list('sources', { filters: { sha256: sha256(text) }, limit: 1 });
  if (same) {
    await keep(same.id);
    return same;
  }
  const reliability = plan.resolved.mapping.reliability;
  const source = await insertValidRecord(
    writer,
    'sources',
    {
      kind: 'spreadsheet',
      title: `${plan.system}: ${file.name}`.slice(0, 500),
      text,
      sensitive: true,
      fileSha256: fileSha,
      mediaType,
      ...(reliability ? { reliability } : {}),
    },
    'import-table',
  );
  await keep(source.id);
  return source;
}
