import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** A polite "loading" line for screen readers and eyes alike. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('status.loading')}
    </p>
  );
}

/** What went wrong, in the API's words, with what the user can do about it. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  let text = t('error.unknown');
  let hint: string | undefined;
  // A request refused as invalid is something the user can put right, not a failure of Vigil.
  const refused = error instanceof ApiError && (error.status === 400 || error.status === 422);
  if (error instanceof ApiError) {
    text = error.message;
    if (error.status === 409) hint = t('error.conflict');
    else if (error.status === 401) hint = t('error.signedOut');
    else if (error.status === 403) hint = t('error.forbidden');
    else if (error.status === 404) hint = t('error.notFound');
    else if (error.status === 413) hint = t('error.tooLarge');
    else if (error.status === 429) hint = t('error.rateLimited');
    else if (error.status === 0) text = t('error.network');
  }
  return (
    <div className="error" role="alert">
      <p>
        <strong>{t(refused ? 'error.refused' : 'error.title')}</strong> {text}
      </p>
      {hint && <p>{hint}</p>}
      {error instanceof ApiError && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p) => (
            <li key={p.path}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** An empty list, said plainly. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Shows loading, error or the content of a read. */
export function Loaded<T>({
  load,
  children,
}: {
  load: { data: T | undefined; error: unknown; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
}) {
  if (load.error) return <ErrorMessage error={load.error} onRetry={load.reload} />;
  if (load.data === undefined) return <Loading />;
  return <>{children(load.data)}</>;
}
