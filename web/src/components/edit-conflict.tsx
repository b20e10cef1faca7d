import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from './status';

/** Did a write fail because someone else changed the record first? */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/**
 * A failed save, said plainly. A conflict keeps the user's changes in the form and offers to load
 * what is saved now; the form then shows where the two differ, and saving again is the user's call.
 */
export function SaveError({
  error,
  onReload,
  busy,
}: {
  error: unknown;
  onReload: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  if (!isConflict(error)) return error === undefined ? null : <ErrorMessage error={error} />;
  return (
    <div className="error" role="alert">
      <p>
        <strong>{t('conflict.title')}</strong> {t('conflict.text')}
      </p>
      <button type="button" onClick={onReload} disabled={busy}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}

/** Under a field after a reload: what is saved now, where it differs from what the user typed. */
export function SavedNow({ value, shown }: { value: string | undefined; shown: string | undefined }) {
  const { t } = useI18n();
  if (shown === undefined || (value ?? '') === shown) return null;
  return (
    <span className="hint saved-now">
      {t('conflict.savedNow')}: {shown === '' ? t('conflict.empty') : shown}
    </span>
  );
}
