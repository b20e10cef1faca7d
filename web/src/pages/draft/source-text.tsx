import type { DraftItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { segmentsOf } from './segments';

/** The source text with every extracted item highlighted at its span; the selected one stands out. */
export function SourceText({
  text,
  items,
  selected,
  onSelect,
  uncertain = [],
}: {
  text: string;
  items: DraftItem[];
  selected: string | undefined;
  onSelect: (itemId: string) => void;
  /** Words OCR read with low confidence, marked for the reviewer to check. */
  uncertain?: Array<{ start: number; end: number }>;
}) {
  const { t } = useI18n();
  const kindOf = new Map(items.map((i) => [i.id, i.kind]));
  return (
    <div className="source-text">
      {segmentsOf(text.length, items, uncertain).map((seg) => {
        const plain = text.slice(seg.start, seg.end);
        const words = seg.uncertain ? (
          <span className="ocr-low" title={t('draft.scanLowKey')}>
            {plain}
          </span>
        ) : (
          plain
        );
        if (seg.itemIds.length === 0) return <span key={seg.start}>{words}</span>;
        // The innermost (last listed) item names the colour; the selected one wins.
        const main = seg.itemIds.includes(selected ?? '')
          ? (selected as string)
          : seg.itemIds[seg.itemIds.length - 1];
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the item list offers the same with the keyboard
          <mark
            key={seg.start}
            data-items={seg.itemIds.join(' ')}
            className={`hl kind-${kindOf.get(main)}${seg.itemIds.includes(selected ?? '') ? ' selected' : ''}`}
            onClick={() => onSelect(main)}
          >
            {words}
          </mark>
        );
      })}
    </div>
  );
}
