import { Page, Section } from '../components/page';
import { useI18n } from '../i18n/i18n';

/**
 * Data in and out. Exports the signed-in user may take today; table import and further export
 * formats belong here as sections of their own when they exist.
 */
export function DataPage() {
  const { t } = useI18n();
  return (
    <Page title={t('data.title')}>
      <Section title={t('data.export')} id="export">
        <p>{t('data.exportText')}</p>
        <p>
          <a className="button" href="/api/export" download>
            {t('data.exportJson')}
          </a>
        </p>
      </Section>
      <Section title={t('data.public')} id="public">
        <p>{t('data.publicText')}</p>
        <ul className="list">
          <li>
            <a href="/api/public/sites">{t('data.publicSites')}</a>
          </li>
          <li>
            <a href="/api/public/dataset">{t('data.publicDataset')}</a>
          </li>
        </ul>
      </Section>
      <Section title={t('data.calendar')} id="calendar">
        <p>{t('data.calendarText')}</p>
        <p>
          <a href="/api/deadlines.ics">{t('data.calendarLink')}</a>
        </p>
      </Section>
    </Page>
  );
}
