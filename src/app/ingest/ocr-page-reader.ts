import sharp from 'sharp';
import type { StoredRecord } from '../../domain/collections.js';
import { notFound } from '../../domain/errors.js';
import type { OcrPageView } from '../../domain/schemas/ocr-page.js';
import { imagePages, pdfPages, rotatePage } from '../../ingest/ocr/page-images.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { AppContext } from '../context.js';
import { type AccessScope, forbidden } from '../policies/access-scope.js';
import { scanOfSource } from './scan-reader.js';

/** Widest page image sent to a browser: enough to read a letter, a fraction of the scan's bytes. */
const SHOWN_WIDTH = 1600;

/**
 * The source, when the reader may see its words: a page image shows the text itself, so a
 * sensitive source's pages go only to roles that read sensitive text.
 */
async function readableSource(ctx: AppContext, scope: AccessScope, sourceId: string): Promise<StoredRecord> {
  await scope.assertVisible('sources', sourceId);
  const source = await ctx.store.get('sources', sourceId);
  if (!source) throw notFound('source');
  if (source.sensitive === true && !scope.abilities.readsSensitive) throw forbidden();
  return source;
}

/** The OCR pages of a source (none for a source that was not read by OCR). */
export async function readOcrPages(
  ctx: AppContext,
  scope: AccessScope,
  sourceId: string,
): Promise<OcrPageView[]> {
  await readableSource(ctx, scope, sourceId);
  const rows = await ingestRows.ocrPagesOf(ctx.store.handle.db, sourceId);
  return rows.map((row) => ({
    page: Number(row.page),
    width: Number(row.width),
    height: Number(row.height),
    rotation: Number(row.rotation),
    confidence: Number(row.confidence),
    words: (JSON.parse(row.words) as number[][]).map(
      ([start, end, left, top, width, height, confidence]) => ({
        start,
        end,
        box: [left, top, width, height],
        confidence,
      }),
    ),
  }));
}

/**
 * One page of a source as OCR read it (upright, grey, contrast stretched), as a JPEG no wider
 * than {@link SHOWN_WIDTH}: the word boxes scale with it by the page's stored width.
 */
export async function renderOcrPage(
  ctx: AppContext,
  scope: AccessScope,
  sourceId: string,
  page: number,
): Promise<Buffer> {
  const source = await readableSource(ctx, scope, sourceId);
  const row = (await ingestRows.ocrPagesOf(ctx.store.handle.db, sourceId)).find(
    (r) => Number(r.page) === page,
  );
  if (!row) throw notFound('page');
  const scan = await scanOfSource(ctx, source);
  const [image] =
    scan.kind === 'image' ? await imagePages(scan.bytes, page) : await pdfPages(scan.bytes, page, page);
  if (!image) throw notFound('page');
  const upright = row.rotation ? await rotatePage(image, Number(row.rotation)) : image;
  return sharp(upright.png)
    .resize({ width: SHOWN_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}
