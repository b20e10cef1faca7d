import { DataCredits } from '../components/data-credits';
import { Page, Section } from '../components/page';
import { useI18n } from '../i18n/i18n';

/** What Vigil is, where the API is described, and the licences of the data it ships. */
export function AboutPage() {
  const { t } = useI18n();
  return (
    <Page title={t('about.title')}>
      <Section title="Vigil">
        <p>{t('about.text')}</p>
        <p>
          {t('about.api')} <a href="/api/openapi.json">/api/openapi.json</a>
        </p>
        <p>
          {t('about.public')} <a href="/public">/public</a>
        </p>
      </Section>
      <Section title={t('about.licences')} id="licences">
        <p>{t('about.licence')}</p>
        <DataCredits />
      </Section>
    </Page>
  );
}
