import { createHash } from 'node:crypto';
import type { StoredRecord } from '../../domain/collections.js';
import { VigilError } from '../../domain/errors.js';
import { LANGUAGES, type Language } from '../../domain/vocabularies.js';
import { IMAGE_MEDIA_TYPES } from '../../ingest/formats/image-format.js';
import { readReportFile } from '../../ingest/formats/read-report-file.js';
import { detectLanguage } from '../../ingest/language.js';
import { type OcrDocument, readScan, type ScanFile } from '../../ingest/ocr/read-scan.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { AppContext } from '../context.js';

const SCAN_MEDIA_TYPES = new Set<string>([...Object.values(IMAGE_MEDIA_TYPES), 'application/pdf']);

/** Whether a source still waits for OCR: a photo or scan kept as a file, with no text yet. */
export function awaitsOcr(source: StoredRecord): boolean {
  return (
    typeof source.text !== 'string' &&
    typeof source.mediaType === 'string' &&
    SCAN_MEDIA_TYPES.has(source.mediaType)
  );
}

/** Reads a source's kept scan or photo by OCR. */
export async function readScanOfSource(ctx: AppContext, source: StoredRecord): Promise<OcrDocument> {
  const lang = LANGUAGES.includes(source.language as Language) ? (source.language as Language) : undefined;
  return readScan(await scanOfSource(ctx, source), lang);
}

/** A source's kept scan or photo (the sealed original of a sensitive one is opened). */
export async function scanOfSource(ctx: AppContext, source: StoredRecord): Promise<ScanFile> {
  const file = await ingestRows.fileOfSource(ctx.store.handle.db, source.id);
  if (!file) throw new VigilError('internal', 'the scanned file of a source is missing');
  const bytes =
    source.sensitive === true
      ? Buffer.from(String(ctx.store.cipher.open(Buffer.from(file.bytes).toString('utf8'))), 'base64')
      : Buffer.from(file.bytes);
  const { scan } = await readReportFile(bytes);
  if (!scan) throw new VigilError('internal', 'the file of a source read by OCR is not a scan');
  return scan;
}

/**
 * Keeps what OCR read: the source gets its text (sealed with it when sensitive, indexed when
 * not) and its language, and the pages their word boxes. Returns the updated source.
 */
export async function storeScanText(
  writer: RecordWriter,
  source: StoredRecord,
  doc: OcrDocument,
): Promise<StoredRecord> {
  const digest = createHash('sha256').update(doc.text, 'utf8').digest('hex');
  // Two photos of one page can read the same: the text's hash is unique, so only the first keeps it.
  const taken = await writer.list('sources', { filters: { sha256: digest }, limit: 1 });
  const after: StoredRecord = {
    ...source,
    text: doc.text,
    ...(taken.length === 0 && doc.text !== '' ? { sha256: digest } : {}),
    ...(source.language === undefined && doc.text ? { language: detectLanguage(doc.text) } : {}),
    version: source.version + 1,
    updatedAt: writer.now,
  };
  if (!(await writer.update('sources', source, after, 'ocr')))
    throw new VigilError('conflict', 'the source changed while it was read by OCR');
  await ingestRows.insertOcrPages(
    writer.trx,
    doc.pages.map((p) => ({
      source_id: source.id,
      page: p.page,
      width: p.width,
      height: p.height,
      rotation: p.rotation,
      confidence: p.confidence,
      words: JSON.stringify(p.words.map((w) => [w.start, w.end, ...w.box, w.confidence])),
      created_at: writer.now,
    })),
  );
  return after;
}
