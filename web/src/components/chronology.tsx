import type { ChronologyEntry, ChronologyFact } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../lib/router';

const SUBJECT_PAGES: Record<string, string> = { person: '/persons', case: '/cases' };

/**
 * A value of a claim in words. An appeal's status is the one shown in the appeals table when the
 * page knows it, so the chronology and the table never disagree about an answer.
 */
function factValue(
  fact: ChronologyFact,
  label: (g: string, v: string) => string,
  appealStatuses?: Record<string, string>,
): string {
  if (fact.value === undefined || fact.value === null) return '';
  if (fact.field === 'type') return label('act', String(fact.value));
  const shown = fact.subjectType === 'intervention' ? appealStatuses?.[fact.subjectId] : undefined;
  if (fact.field === 'status' && shown) return label('appealStatus', shown);
  if (fact.field === 'status')
    return label(fact.subjectType === 'intervention' ? 'appealOutcome' : 'personStatus', String(fact.value));
  return typeof fact.value === 'object' ? JSON.stringify(fact.value) : String(fact.value);
}

/** Who or what a fact is about, linked to its page where it has one. */
function Subject({ fact }: { fact: ChronologyFact }) {
  const { label } = useI18n();
  const text = fact.subjectType === 'act' ? label('act', fact.subjectLabel) : fact.subjectLabel;
  const page = SUBJECT_PAGES[fact.subjectType];
  return (
    <span className="subject">{page ? <Link to={`${page}/${fact.subjectId}`}>{text}</Link> : text}</span>
  );
}

/**
 * Entries in date order: the words of a source once, with every fact they state, and a link to
 * read them in place. Facts about the same subject share its name.
 */
export function Chronology({
  entries,
  showSubject = true,
  appealStatuses,
}: {
  entries: ChronologyEntry[];
  showSubject?: boolean;
  /** Shown status of each appeal of the page, by id. */
  appealStatuses?: Record<string, string>;
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
            <ul className="facts-list">
              {e.facts.map((f, i) => {
                const value = factValue(f, label, appealStatuses);
                const sameSubject =
                  i > 0 &&
                  e.facts[i - 1].subjectType === f.subjectType &&
                  e.facts[i - 1].subjectId === f.subjectId;
                return (
                  <li key={f.claimId}>
                    {showSubject && !sameSubject && (
                      <>
                        <Subject fact={f} />
                        {' · '}
                      </>
                    )}
                    <span className="field-name">{label('field', f.field)}</span>
                    {value && <>: {value}</>}
                  </li>
                );
              })}
            </ul>
            <blockquote className="quote">«{e.quote}»</blockquote>
            {e.sourcePages !== undefined && (
              // The letter itself, as photographed or scanned: the quote above is its recognised text.
              <Link to={`/sources/${e.sourceId}`} className="scan-thumb">
                <img
                  src={`/api/sources/${e.sourceId}/pages/1/image`}
                  alt={t('chronology.scanAlt', { title: e.sourceTitle })}
                  loading="lazy"
                />
              </Link>
            )}
            <Link to={`/sources/${e.sourceId}`} className="source-link" state={{ claimId: e.claimId }}>
              {t('chronology.source')}: {e.sourceTitle}
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}
