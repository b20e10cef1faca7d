import { useState } from 'react';
import { DRAFT_ITEM_KINDS } from '../../../src/domain/record-vocabularies';
import { LOW_OCR_CONFIDENCE, type OcrPageView } from '../../../src/domain/schemas/ocr-page';
import { ApiError, api } from '../api/client';
import type { Draft, Source } from '../api/types';
import { Page, Section } from '../components/page';
import { ErrorMessage, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { inOrder } from '../lib/in-order';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';
import { type DecisionInput, ItemCard } from './draft/item-card';
import { ScanPages } from './draft/scan-pages';
import { SourceText } from './draft/source-text';

const KIND_ORDER = inOrder(DRAFT_ITEM_KINDS, [
  'case',
  'person',
  'place',
  'organization',
  'act',
  'appeal',
  'count',
  'date',
  'reply',
]);

/** The pages OCR read of a photo or scan, when the reader may see them (none otherwise). */
async function scanPagesOf(source: Source, signal: AbortSignal): Promise<OcrPageView[]> {
  if (!/^(image\/|application\/pdf$)/.test(String(source.mediaType ?? ''))) return [];
  try {
    return (await api<{ items: OcrPageView[] }>('GET', `/api/sources/${source.id}/pages`, { signal })).items;
  } catch (err) {
    // A sensitive scan's pages are for readers of sensitive text; the page says the text is hidden.
    if (err instanceof ApiError && err.status === 403) return [];
    throw err;
  }
}

/** Brings an item's highlight into view (and the item's card, when the text was clicked). */
function reveal(selector: string) {
  const el = document.querySelector(selector);
  if (el instanceof HTMLElement) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** Review of one draft: the text with its highlights beside the items; decide each, then apply. */
export function DraftPage({ draftId }: { draftId: string }) {
  const { t, date, number } = useI18n();
  const load = useLoad(
    async (signal) => {
      const draft = await api<Draft>('GET', `/api/drafts/${draftId}`, { signal });
      const source = await api<Source>('GET', `/api/sources/${draft.sourceId}`, { signal });
      return { draft, source, pages: await scanPagesOf(source, signal) };
    },
    [draftId],
  );
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [acceptPending, setAcceptPending] = useState(false);

  const decide = async (draft: Draft, itemId: string, input: DecisionInput) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Draft>('PATCH', `/api/drafts/${draft.id}/items/${itemId}`, { body: input });
      if (load.data) load.set({ ...load.data, draft: next });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const apply = async (draft: Draft) => {
    setBusy(true);
    setError(undefined);
    try {
      const applied = await api<Draft>('POST', `/api/drafts/${draft.id}/apply`, { body: { acceptPending } });
      if (load.data)
        load.set({ ...load.data, draft: { ...load.data.draft, ...applied, items: load.data.draft.items } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Loaded load={load}>
      {({ draft, source, pages }) => {
        const readOnly = draft.status === 'applied';
        const pending = draft.items.filter((i) => i.decision === 'pending').length;
        const items = [...draft.items].sort(
          (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
        );
        return (
          <Page title={draft.title || source.title || t('draft.untitled')}>
            <p className="muted">
              {source.outlet && `${source.outlet} · `}
              {source.published && `${date(source.published)} · `}
              {t('draft.summary', { n: draft.items.length, pending })}
            </p>
            {error !== undefined && <ErrorMessage error={error} />}
            {readOnly ? (
              <div className="card success" role="status">
                <p>{t('draft.applied')}</p>
                {draft.result?.caseId && (
                  <p>
                    <Link to={`/cases/${draft.result.caseId}`} className="button primary">
                      {t('draft.openCase')}
                    </Link>
                  </p>
                )}
              </div>
            ) : (
              <div className="card apply-bar">
                {pending > 0 && (
                  <div className="field check">
                    <input
                      id="accept-pending"
                      type="checkbox"
                      checked={acceptPending}
                      onChange={(e) => setAcceptPending(e.target.checked)}
                    />
                    <label htmlFor="accept-pending">{t('draft.acceptPending', { n: number(pending) })}</label>
                  </div>
                )}
                <button type="button" className="primary" disabled={busy} onClick={() => void apply(draft)}>
                  {t('draft.apply')}
                </button>
              </div>
            )}
            <div className={`review-split${pages.length ? ' with-scan' : ''}`}>
              {pages.length > 0 && (
                <Section title={t('draft.scanTitle')} id="scan">
                  <ScanPages sourceId={source.id} pages={pages} items={draft.items} selected={selected} />
                </Section>
              )}
              <Section title={t('draft.sourceText')} id="text">
                {typeof source.text === 'string' ? (
                  <SourceText
                    text={source.text}
                    items={draft.items}
                    selected={selected}
                    uncertain={pages.flatMap((p) => p.words.filter((w) => w.confidence < LOW_OCR_CONFIDENCE))}
                    onSelect={(id) => {
                      setSelected(id);
                      reveal(`[data-item="${id}"]`);
                    }}
                  />
                ) : (
                  <p>{t('draft.noTextShown')}</p>
                )}
              </Section>
              <Section title={t('draft.itemsTitle')} id="items">
                <div className="items">
                  {items.map((item) => (
                    <ItemCard
                      key={`${item.id}-${item.decision}-${item.matchId ?? ''}`}
                      item={item}
                      selected={item.id === selected}
                      readOnly={readOnly}
                      busy={busy}
                      onSelect={() => {
                        setSelected(item.id);
                        reveal(`mark[data-items~="${item.id}"]`);
                      }}
                      onDecide={(input) => void decide(draft, item.id, input)}
                    />
                  ))}
                </div>
              </Section>
            </div>
          </Page>
        );
      }}
    </Loaded>
  );
}
