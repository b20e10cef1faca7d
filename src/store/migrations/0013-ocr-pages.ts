import type { Kysely, Migration } from 'kysely';

/**
 * The pages of scans and photos read by OCR: per page its size, how it was turned upright, its
 * mean confidence, and its words' offsets into the source's text with their boxes and
 * confidences. The words' text is not repeated here: it stays in the (possibly sealed) source.
 */
export function ocrPagesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ocr_pages')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('page', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('rotation', 'integer', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('words', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ocr_pages_pk', ['source_id', 'page'])
        .execute();
    },
  };
}
