import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

/** A client route that does not exist. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </Page>
  );
}
