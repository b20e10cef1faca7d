import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { Page } from '../components/page';
import { ErrorMessage } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

/** Sign-in; afterwards the page that asked for it (or the dashboard) shows. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { path } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
      if (path === '/sign-in') navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('signIn.title')}>
      <form className="card narrow" onSubmit={submit}>
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error instanceof ApiError && error.status === 401 ? (
          // Here a 401 is the answer to the password just typed, not an ended session.
          <p className="error" role="alert">
            {t('signIn.wrong')}
          </p>
        ) : (
          error !== undefined && <ErrorMessage error={error} />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('status.working') : t('action.signIn')}
        </button>
      </form>
      <p className="aside">
        {t('signIn.relatives')} <Link to="/report">{t('signIn.reportLink')}</Link>
      </p>
    </Page>
  );
}
