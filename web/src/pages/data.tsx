import { Page, Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { type ExportChoice, NO_CHOICE } from './data/export-filters';
import { ExportForm } from './data/export-form';
import { FtmImportForm } from './data/ftm-import-form';
import { TelegramImportForm } from './data/telegram-import-form';

/** The filters a search handed over in the history entry's state (never in the address). */
function choiceFrom(state: Record<string, unknown> | null): ExportChoice | undefined {
  const given = state?.exportFilters as Partial<ExportChoice> | undefined;
  return given ? { ...NO_CHOICE, ...given } : undefined;
}

/**
 * Data in and out: table, Telegram and FollowTheMoney import for those who write records, exports in every format for what the
 * user may see (filtered, or carried over from a search), the public data and the deadline calendar.
 */
export function DataPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { state } = useLocation();
  const fromSearch = choiceFrom(state);
  return (
    <Page title={t('data.title')}>
      {can('tables.import') && (
        <Section title={t('data.import')} id="import">
          <p>{t('data.importText')}</p>
          <p>
            <Link to="/data/import" className="button primary">
              {t('data.importLink')}
            </Link>
          </p>
        </Section>
      )}
      {can('records.write') && (
        <Section title={t('data.telegram')} id="telegram">
          <p>{t('data.telegramText')}</p>
          <TelegramImportForm />
        </Section>
      )}
      {can('records.write') && (
        <Section title={t('data.ftm')} id="ftm">
          <p>{t('data.ftmText')}</p>
          <FtmImportForm />
        </Section>
      )}
      <Section title={t('data.export')} id="export">
        <p>{fromSearch ? t('data.exportFromSearch') : t('data.exportText')}</p>
        <ExportForm initial={fromSearch ?? NO_CHOICE} fromSearch={fromSearch !== undefined} />
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
