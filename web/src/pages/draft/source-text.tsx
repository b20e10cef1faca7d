import type { DraftItem } from '../../api/types';
import { segmentsOf } from './segments';

/** The source text with every extracted item highlighted at its span; the selected one stands out. */
export function SourceText({
  text,
  items,
  selected,
  onSelect,
}: {
  text: string;
  items: DraftItem[];
  selected: string | undefined;
  onSelect: (itemId: string) => void;
}) {
  const kindOf = new Map(items.map((i) => [i.id, i.kind]));
  return (
    <div className="source-text">
      {segmentsOf(text.length, items).map((seg) => {
        const words = text.slice(seg.start, seg.end);
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
