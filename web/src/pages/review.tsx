import { type FormEvent, useEffect, useState } from 'react';
import { api, apiResponse } from '../api/client';
import type { Draft, Extraction, Page as ListPage, Source } from '../api/types';
import { Page, Section } from '../components/page';
import { Empty, ErrorMessage, Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../lib/router';
import { useLoad } from '../lib/use-api';

const MAX_TEXT = 2_000_000;

/** A stored report, and whether it had been stored before (the same file or text again). */
interface Stored {
  source: Source;
  before: boolean;
}

/**
 * Follows a source's extraction until its draft exists, then opens the draft. A report stored
 * before is not opened silently: the reader is told, with a link to its draft.
 */
function ExtractionProgress({ stored: { source, before } }: { stored: Stored }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<Extraction | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [waited, setWaited] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async (n: number) => {
      try {
        const next = await api<Extraction>('GET', `/api/sources/${source.id}/extraction`);
        if (stopped) return;
        setStatus(next);
        setWaited(n);
        if (next.status === 'done' && next.draftId && !before)
          navigate(`/review/${next.draftId}`, { replace: true });
        else if (next.status === 'queued' || next.status === 'running')
          timer = window.setTimeout(() => void poll(n + 1), n < 10 ? 500 : 2000);
      } catch (err) {
        if (!stopped) setError(err);
      }
    };
    void poll(0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [source.id, before]);
  if (error) return <ErrorMessage error={error} />;
  let text = t('extraction.starting');
  if (status?.status === 'queued') text = t('extraction.queued');
  if (status?.status === 'running') text = t('extraction.running');
  if (status?.status === 'failed') text = t('extraction.failed');
  if (status?.status === 'not_queued')
    text = source.sensitive ? t('extraction.sensitive') : t('extraction.notQueued');
  if (status?.status === 'done' && !status.draftId) text = t('extraction.noText');
  if (before)
    return (
      <div className="card" role="status" aria-live="polite">
        <p>
          <strong>{t('review.seenBefore', { date: dateTime(String(source.createdAt)) })}</strong>
        </p>
        {status?.status === 'done' && status.draftId ? (
          <p>
            <Link to={`/review/${status.draftId}`}>{t('review.openEarlierDraft')}</Link>
          </p>
        ) : (
          <p>{text}</p>
        )}
      </div>
    );
  return (
    <div className="card" role="status" aria-live="polite">
      <p>
        <strong>{t('extraction.stored')}</strong> {text}
      </p>
      {status?.status === 'queued' && status.runner === 'pg-boss' && waited > 10 && (
        <p className="muted">{t('extraction.needsWorker')}</p>
      )}
      {(status?.status === 'queued' || status?.status === 'running') && (
        <progress aria-label={t('extraction.progress')} />
      )}
    </div>
  );
}

/** A new report: pasted text or a file, with what the user knows about it. */
function NewReportForm({ onStored }: { onStored: (stored: Stored) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const hints: Record<string, string | boolean> = {};
    if (title.trim()) hints.title = title.trim();
    if (outlet.trim()) hints.outlet = outlet.trim();
    if (published) hints.published = published;
    if (url.trim()) hints.url = url.trim();
    if (sensitive) hints.sensitive = true;
    try {
      let answer: { status: number; body: Source };
      if (mode === 'file' && file) {
        const form = new FormData();
        for (const [k, v] of Object.entries(hints)) form.append(k, String(v));
        form.append('file', file);
        answer = await apiResponse<Source>('POST', '/api/sources', { form });
      } else answer = await apiResponse<Source>('POST', '/api/sources', { body: { text, ...hints } });
      // 200 instead of 201: the same content was ingested before, and this is that source.
      onStored({ source: answer.body, before: answer.status === 200 });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      <fieldset className="segmented">
        <legend>{t('review.how')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} />{' '}
          {t('review.paste')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'file'} onChange={() => setMode('file')} />{' '}
          {t('review.upload')}
        </label>
      </fieldset>
      {mode === 'paste' ? (
        <div className="field">
          <label htmlFor="report-text">{t('review.text')}</label>
          <textarea
            id="report-text"
            rows={12}
            required
            maxLength={MAX_TEXT}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor="report-file">{t('review.file')}</label>
          <input
            id="report-file"
            type="file"
            required
            accept=".txt,.html,.htm,.pdf,.eml,.docx,.jpg,.jpeg,.png,.tif,.tiff,text/plain,text/html,application/pdf,message/rfc822,image/jpeg,image/png,image/tiff"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="hint">{t('review.fileHint')}</p>
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="report-title">{t('source.title')}</label>
          <input id="report-title" maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-outlet">{t('source.outlet')}</label>
          <input
            id="report-outlet"
            maxLength={500}
            value={outlet}
            onChange={(e) => setOutlet(e.target.value)}
          />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="report-published">{t('source.published')}</label>
          <input
            id="report-published"
            type="date"
            value={published}
            onChange={(e) => setPublished(e.target.value)}
          />
          <p className="hint">{t('review.publishedHint')}</p>
        </div>
        <div className="field">
          <label htmlFor="report-url">{t('source.url')}</label>
          <input
            id="report-url"
            type="url"
            maxLength={2000}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
      </div>
      <div className="field check">
        <input
          id="report-sensitive"
          type="checkbox"
          checked={sensitive}
          onChange={(e) => setSensitive(e.target.checked)}
        />
        <label htmlFor="report-sensitive">{t('review.sensitive')}</label>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('status.working') : t('review.submit')}
      </button>
    </form>
  );
}

/** Review: take in a report, then follow it to its draft; the drafts waiting for review. */
export function ReviewPage() {
  const { t, dateTime } = useI18n();
  const [stored, setStored] = useState<Stored | undefined>(undefined);
  const drafts = useLoad(
    (signal) =>
      api<ListPage<Draft>>('GET', '/api/drafts', { query: { status: 'pending', limit: 50 }, signal }),
    [],
  );
  return (
    <Page title={t('review.title')}>
      <div className="grid wide-first">
        <Section title={t('review.new')} id="new-report">
          {stored ? (
            <>
              <ExtractionProgress stored={stored} />
              <button type="button" onClick={() => setStored(undefined)}>
                {t('review.another')}
              </button>
            </>
          ) : (
            <NewReportForm onStored={setStored} />
          )}
        </Section>
        <Section title={t('dashboard.drafts')} id="pending">
          <Loaded load={drafts}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('dashboard.noDrafts')}</Empty>
              ) : (
                <ul className="list">
                  {page.items.map((d) => (
                    <li key={d.id}>
                      <Link to={`/review/${d.id}`}>{d.title || t('draft.untitled')}</Link>
                      <span className="muted">
                        {' '}
                        · {t('draft.items', { n: d.items.length })} · {dateTime(d.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Section>
      </div>
    </Page>
  );
}
