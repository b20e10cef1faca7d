import { type FormEvent, useState } from 'react';
import { postFormWithProgress } from '../../api/client';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';

/** What POST /api/telegram-imports answers (TelegramImportSummary in /api/openapi.json). */
interface TelegramImportSummary {
  chat: { name: string; kind: 'channel' | 'group' | 'private'; sensitive: boolean };
  dryRun: boolean;
  messages: { new: number; edited: number; unchanged: number; filtered: number; service: number };
  sources: number;
  media: { stored: number; missing: number; tooLarge: number; unreadable: number };
}

const FIELDS = ['username', 'since', 'until', 'match'] as const;

/**
 * A zipped Telegram Desktop chat export (JSON) imported as sources: first counted (dry run) or
 * imported at once; the summary says what was new, edited, unchanged and filtered out.
 */
export function TelegramImportForm() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>({
    username: '',
    since: '',
    until: '',
    match: '',
  });
  const [extract, setExtract] = useState(false);
  const [summary, setSummary] = useState<TelegramImportSummary>();
  const [sent, setSent] = useState(0);
  const action = useAction();
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    for (const name of FIELDS) if (values[name].trim()) form.append(name, values[name].trim());
    if (extract) form.append('extract', 'true');
    if (dryRun) form.append('dryRun', 'true');
    form.append('file', file);
    setSummary(undefined);
    setSent(0);
    const answer = await action.run(() =>
      postFormWithProgress<TelegramImportSummary>('/api/telegram-imports', form, setSent),
    );
    if (answer) setSummary(answer);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  const types: Record<(typeof FIELDS)[number], string> = {
    username: 'text',
    since: 'date',
    until: 'date',
    match: 'text',
  };
  return (
    <form onSubmit={submit} className="stack">
      <div className="field">
        <label htmlFor="telegram-file">{t('telegram.file')}</label>
        <input
          id="telegram-file"
          type="file"
          required
          accept=".zip,application/zip"
          aria-describedby="telegram-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setSummary(undefined);
            action.clear();
          }}
        />
        <span className="hint" id="telegram-file-hint">
          {t('telegram.fileHint')}
        </span>
      </div>
      {FIELDS.map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`telegram-${name}`}>{t(`telegram.${name}`)}</label>
          <input
            id={`telegram-${name}`}
            type={types[name]}
            value={values[name]}
            onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          />
        </div>
      ))}
      <label className="check">
        <input type="checkbox" checked={extract} onChange={(e) => setExtract(e.target.checked)} />{' '}
        {t('telegram.extract')}
      </label>
      {action.busy && (
        <p role="status">
          <progress
            value={sent}
            max={1}
            aria-label={t('telegram.uploaded', { percent: Math.round(sent * 100) })}
          />{' '}
          {sent < 1 ? t('telegram.uploaded', { percent: Math.round(sent * 100) }) : t('telegram.storing')}
        </p>
      )}
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <div className="row">
        <button type="button" disabled={action.busy || !file} onClick={() => void send(true)}>
          {t('telegram.dryRun')}
        </button>
        <button type="submit" className="primary" disabled={action.busy || !file}>
          {action.busy ? t('telegram.importing') : t('telegram.import')}
        </button>
      </div>
      {summary && (
        <div role="status" className="stack" data-testid="telegram-summary">
          <p>
            {summary.dryRun ? t('telegram.dryRunDone') : t('telegram.done', { sources: summary.sources })}
            {summary.chat.sensitive ? ` ${t('telegram.sensitive')}` : ''}
          </p>
          <ul className="list">
            <li>{t('telegram.messages', summary.messages)}</li>
            <li>{t('telegram.media', summary.media)}</li>
          </ul>
          {!summary.dryRun && !summary.chat.sensitive && summary.sources > 0 && (
            <p>
              <Link to="/review">{t('telegram.review')}</Link>
            </p>
          )}
        </div>
      )}
    </form>
  );
}
