import { type Static, Type } from '@sinclair/typebox';
import { oneOf } from './common.js';

/**
 * Where the extraction of one source stands, as the review page shows it
 * (GET /api/sources/:id/extraction). 'not_queued': nothing will be extracted (a sensitive
 * source, or one stored before ingest existed).
 */
export const ExtractionStatus = Type.Object(
  {
    sourceId: Type.String(),
    status: oneOf(['queued', 'running', 'done', 'failed', 'not_queued'] as const),
    draftId: Type.Union([Type.String(), Type.Null()]),
    attempts: Type.Integer(),
    runner: oneOf(
      ['in-process', 'pg-boss'] as const,
      'in-process: the server runs jobs; pg-boss: `vigil worker` processes do',
    ),
  },
  { title: 'ExtractionStatus' },
);
export type ExtractionStatus = Static<typeof ExtractionStatus>;
