import { type Static, Type } from '@sinclair/typebox';

/** Words read with less confidence than this (Tesseract's 0–100) are marked for the reviewer. */
export const LOW_OCR_CONFIDENCE = 60;

/** One word read by OCR: its span in the source's text, its box on the page and its confidence. */
export const OcrWordView = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    box: Type.Array(Type.Integer(), {
      minItems: 4,
      maxItems: 4,
      description: 'left, top, width, height in pixels of the page image as read',
    }),
    confidence: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false, title: 'OcrWord' },
);

/**
 * One page of a photo or scan read by OCR (GET /api/sources/:id/pages): its size as read (the
 * image at …/pages/:page/image is this page, possibly scaled), how it was turned upright, and
 * its words. The words' text is the source's text at their spans.
 */
export const OcrPageView = Type.Object(
  {
    page: Type.Integer({ minimum: 1 }),
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
    rotation: Type.Integer(),
    confidence: Type.Number(),
    words: Type.Array(OcrWordView),
  },
  { additionalProperties: false, title: 'OcrPage' },
);
export type OcrPageView = Static<typeof OcrPageView>;
