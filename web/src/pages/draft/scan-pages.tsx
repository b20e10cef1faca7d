import type { OcrPageView } from '../../../../src/domain/schemas/ocr-page';
import { LOW_OCR_CONFIDENCE } from '../../../../src/domain/schemas/ocr-page';
import type { DraftItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/**
 * The pages of a photo or scan as OCR read them, each word's box drawn over it: words of the
 * selected item highlighted, words read with low confidence marked, so the reviewer checks
 * the recognised text against the paper itself.
 */
export function ScanPages({
  sourceId,
  pages,
  items,
  selected,
}: {
  sourceId: string;
  pages: OcrPageView[];
  items: DraftItem[];
  selected: string | undefined;
}) {
  const { t, number } = useI18n();
  const spans = items.find((i) => i.id === selected)?.spans ?? [];
  const inSelected = (start: number, end: number) => spans.some((s) => s.start < end && start < s.end);
  const low = pages.reduce((n, p) => n + p.words.filter((w) => w.confidence < LOW_OCR_CONFIDENCE).length, 0);
  return (
    <div className="scan-pages">
      <p className="muted">
        {t('draft.scanConfidence', { n: number(low) })}{' '}
        <span className="ocr-low-key">{t('draft.scanLowKey')}</span>
      </p>
      {pages.map((page) => (
        <figure key={page.page} className="scan-page">
          <svg
            viewBox={`0 0 ${page.width} ${page.height}`}
            role="img"
            aria-label={t('draft.scanPage', { n: page.page })}
          >
            <image
              href={`/api/sources/${sourceId}/pages/${page.page}/image`}
              width={page.width}
              height={page.height}
            />
            {page.words.map((w) => {
              const marked = inSelected(w.start, w.end);
              const uncertain = w.confidence < LOW_OCR_CONFIDENCE;
              if (!marked && !uncertain) return null;
              const [x, y, width, height] = w.box;
              return (
                <rect
                  key={w.start}
                  x={x}
                  y={y}
                  width={width}
                  height={height}
                  className={`${marked ? 'ocr-selected' : ''}${uncertain ? ' ocr-low' : ''}`}
                  data-confidence={Math.round(w.confidence)}
                />
              );
            })}
          </svg>
          <figcaption className="muted">
            {t('draft.scanPage', { n: page.page })} ·{' '}
            {t('draft.scanMeanConfidence', { n: number(Math.round(page.confidence)) })}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
