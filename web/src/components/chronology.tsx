import type { ChronologyEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

const SUBJECT_PAGES: Record<string, string> = { person: '/persons', case: '/cases' };

/** A value of a claim in words. */
function claimValue(entry: ChronologyEntry, label: (g: string, v: string) => string): string {
  if (entry.value === undefined || entry.value === null) return '';
  if (entry.field === 'type') return label('act', String(entry.value));
  if (entry.field === 'status')
    return label(
      entry.subjectType === 'intervention' ? 'appealOutcome' : 'personStatus',
      String(entry.value),
    );
  return typeof entry.value === 'object' ? JSON.stringify(entry.value) : String(entry.value);
}

/** Facts in date order, each with the words of its source and a link to read them in place. */
export function Chronology({
  entries,
  showSubject = true,
}: {
  entries: ChronologyEntry[];
  showSubject?: boolean;
}) {
  const { t, label, date } = useI18n();
  return (
    <ol className="chronology">
      {entries.map((e) => (
        <li key={e.claimId}>
          <div className="when">
            {e.date ? date(e.date) : t('chronology.undated')}
            {e.dateSource === 'source' && <span className="muted"> {t('chronology.published')}</span>}
          </div>
          <div className="what">
            {showSubject && (
              <>
                <span className="subject">
                  {SUBJECT_PAGES[e.subjectType] ? (
                    <Link to={`${SUBJECT_PAGES[e.subjectType]}/${e.subjectId}`}>
                      {e.subjectType === 'act' ? label('act', e.subjectLabel) : e.subjectLabel}
                    </Link>
                  ) : e.subjectType === 'act' ? (
                    label('act', e.subjectLabel)
                  ) : (
                    e.subjectLabel
                  )}
                </span>
                {' · '}
              </>
            )}
            <span className="field-name">{label('field', e.field)}</span>
            {claimValue(e, label) && <>: {claimValue(e, label)}</>}
            <blockquote className="quote">«{e.quote}»</blockquote>
            <Link to={`/sources/${e.sourceId}`} className="source-link" state={{ claimId: e.claimId }}>
              {t('chronology.source')}: {e.sourceTitle}
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}
