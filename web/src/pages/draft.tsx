import { useEffect, useState } from 'react';
import { DRAFT_ITEM_KINDS } from '../../../src/domain/record-vocabularies';
import { LOW_OCR_CONFIDENCE, type OcrPageView } from '../../../src/domain/schemas/ocr-page';
import { ApiError, api } from '../api/client';
import type { Draft, DraftItem, Source } from '../api/types';
import { Page, Section } from '../components/page';
import { ErrorMessage, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { inOrder } from '../lib/in-order';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-api';
import { acceptAsSuggested, type DecisionInput, ItemCard } from './draft/item-card';
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
function reveal(selector: string, focus = false) {
  const el = document.querySelector(selector);
  if (!(el instanceof HTMLElement)) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (focus) el.focus({ preventScroll: true });
}

/** The items in the order the list shows them: by kind, then as extracted. */
function inListOrder(draft: Draft): DraftItem[] {
  return [...draft.items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** The first undecided item after this one (wrapping round), or undefined when all are decided. */
function nextPending(items: DraftItem[], after: string | undefined): DraftItem | undefined {
  const at = items.findIndex((i) => i.id === after);
  const rest = [...items.slice(at + 1), ...items.slice(0, at + 1)];
  return rest.find((i) => i.decision === 'pending' && i.id !== after);
}

/** Keys that do not reach the review: typing in a field, or with a modifier. */
function typing(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  const target = event.target;
  return (
    target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]') !== null
  );
}

/** Review of one draft: the text with its highlights beside the items; decide each, then apply. */
export function DraftPage({ draftId }: { draftId: string }) {
  const { t, date, number, label } = useI18n();
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
  const [focusApply, setFocusApply] = useState(false);
  // The apply button is focused once it is enabled again, after the last decision.
  useEffect(() => {
    if (!focusApply || busy) return;
    document.getElementById('apply-draft')?.focus();
    setFocusApply(false);
  }, [focusApply, busy]);

  const decide = async (draft: Draft, itemId: string, input: DecisionInput) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Draft>('PATCH', `/api/drafts/${draft.id}/items/${itemId}`, { body: input });
      if (load.data) load.set({ ...load.data, draft: next });
      return next;
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** Every undecided item of a kind, one decision after the other (each is its own request). */
  const decideAll = async (draft: Draft, kind: string, decision: 'accept' | 'reject') => {
    let current: Draft | undefined = draft;
    for (const item of inListOrder(draft).filter((i) => i.kind === kind && i.decision === 'pending')) {
      if (!current) return;
      current = await decide(
        current,
        item.id,
        decision === 'accept' ? acceptAsSuggested(item) : { decision },
      );
    }
  };
  const select = (id: string | undefined) => {
    setSelected(id);
    if (id) reveal(`[data-item="${id}"]`, true);
  };

  // The review by keyboard: j/k next and previous item, a accept, r reject (both move on to the
  // next undecided item), e edit, t show in the text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const data = load.data;
      if (!data || data.draft.status === 'applied' || busy || typing(event)) return;
      const items = inListOrder(data.draft);
      const at = items.findIndex((i) => i.id === selected);
      const item = items[at];
      const decideAndMove = async (input: DecisionInput) => {
        if (!item) return;
        const next = await decide(data.draft, item.id, input);
        if (!next) return;
        const following = nextPending(inListOrder(next), item.id);
        // With every item decided, the keyboard goes on to applying the draft.
        if (following) select(following.id);
        else setFocusApply(true);
      };
      if (event.key === 'j') select(items[Math.min(at + 1, items.length - 1)]?.id);
      else if (event.key === 'k') select(items[Math.max(at - 1, 0)]?.id);
      else if (event.key === 'a' && item) void decideAndMove(acceptAsSuggested(item));
      else if (event.key === 'r' && item) void decideAndMove({ decision: 'reject' });
      else if (event.key === 'e' && item)
        document.querySelector<HTMLButtonElement>(`[data-item="${item.id}"] button.edit`)?.click();
      else if (event.key === 't' && item) reveal(`mark[data-items~="${item.id}"]`);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
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
        const items = inListOrder(draft);
        const kinds = [...new Set(items.map((i) => i.kind))];
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
                <button
                  type="button"
                  id="apply-draft"
                  className="primary"
                  disabled={busy}
                  onClick={() => void apply(draft)}
                >
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
              <Section title={t('draft.sourceText')} id="text" scrolls>
                {typeof source.text === 'string' ? (
                  <SourceText
                    text={source.text}
                    items={draft.items}
                    selected={selected}
                    uncertain={pages.flatMap((p) => p.words.filter((w) => w.confidence < LOW_OCR_CONFIDENCE))}
                    onSelect={select}
                  />
                ) : (
                  <p>{t('draft.noTextShown')}</p>
                )}
              </Section>
              <Section title={t('draft.itemsTitle')} id="items">
                {!readOnly && (
                  <p className="muted" id="review-keys">
                    {t('draft.keys')}
                  </p>
                )}
                {kinds.map((kind) => {
                  const ofKind = items.filter((i) => i.kind === kind);
                  const undecided = ofKind.filter((i) => i.decision === 'pending').length;
                  return (
                    <section key={kind} className="item-group" aria-label={label('itemKind', kind)}>
                      <div className="item-group-head">
                        <h3>
                          {label('itemKind', kind)} <span className="muted">({number(ofKind.length)})</span>
                        </h3>
                        {!readOnly && undecided > 0 && (
                          <div className="buttons">
                            <button
                              type="button"
                              disabled={busy}
                              onClick={() => void decideAll(draft, kind, 'accept')}
                            >
                              {t('draft.acceptAll', { n: undecided })}
                            </button>
                            <button
                              type="button"
                              disabled={busy}
                              onClick={() => void decideAll(draft, kind, 'reject')}
                            >
                              {t('draft.rejectAll', { n: undecided })}
                            </button>
                          </div>
                        )}
                      </div>
                      <div className="items">
                        {ofKind.map((item) => (
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
                    </section>
                  );
                })}
              </Section>
            </div>
          </Page>
        );
      }}
    </Loaded>
  );
}
