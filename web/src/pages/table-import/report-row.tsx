import type { ImportRow, RowProblem } from '../../api/table-import';
import { MatchReasons } from '../../components/match-reasons';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Link } from '../../lib/router';
import { changeValue } from './change-value';

const PROBLEM_CODES = new Set([
  'no_name',
  'not_a_date',
  'unknown_status',
  'too_long',
  'unknown_case',
  'case_not_writable',
  'not_permitted',
  'not_writable',
  'several_candidates',
  'weak_match',
  'shared_external_id',
  'duplicate_row',
  'changed_since_planned',
]);

/** Why a row is not imported: the reason in the user's language, the column, and the server's words. */
function Problem({ problem }: { problem: RowProblem }) {
  const { t } = useI18n();
  return (
    <li>
      {PROBLEM_CODES.has(problem.code) && (
        <strong>{t(`import.reason.${problem.code}` as MessageKey)} </strong>
      )}
      <span className="muted" lang="en">
        ({problem.message})
      </span>
    </li>
  );
}

/**
 * One row of the report: what it does (or did) to whom. Created and updated rows list their
 * field changes before → after; ambiguous rows their candidates with the reasons for each, linked;
 * invalid and conflicting rows the reason.
 */
export function ReportRow({ row }: { row: ImportRow }) {
  const i18n = useI18n();
  const { t, label, number } = i18n;
  const name = row.label || t('person.unnamed');
  return (
    <li className={`report-row outcome-${row.outcome}`}>
      <div className="report-row-head">
        <span className="row-number">{t('import.rowN', { n: row.row })}</span>{' '}
        <span className={`badge outcome-${row.outcome}`}>{label('outcome', row.outcome)}</span>{' '}
        {row.personId ? <Link to={`/persons/${row.personId}`}>{name}</Link> : <strong>{name}</strong>}
        {row.match && (
          <span className="muted">
            {' '}
            · {row.match.by === 'external_id' ? t('import.matchedById') : t('import.matchedByName')}
            {row.match.by === 'resolution' &&
              row.match.score !== undefined &&
              ` (${t('draft.score', { score: number(Math.round(row.match.score * 100)) })})`}
          </span>
        )}
      </div>
      {row.changes && row.changes.length > 0 && (
        <table className="changes">
          <caption className="visually-hidden">{t('import.changesOf', { row: row.row })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.field')}</th>
              {row.outcome === 'updated' && <th scope="col">{t('import.before')}</th>}
              <th scope="col">{row.outcome === 'updated' ? t('import.after') : t('import.value')}</th>
            </tr>
          </thead>
          <tbody>
            {row.changes.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a field may change twice (two status entries)
              <tr key={`${c.field}-${i}`}>
                <th scope="row">{label('importField', c.field)}</th>
                {row.outcome === 'updated' && (
                  <td className="before">{changeValue(c.field, c.before, i18n)}</td>
                )}
                <td className="after">{changeValue(c.field, c.after, i18n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {row.problems && row.problems.length > 0 && (
        <ul className="problems">
          {row.problems.map((p) => (
            <Problem key={p.code + p.message} problem={p} />
          ))}
        </ul>
      )}
      {row.candidates && row.candidates.length > 0 && (
        <div className="candidates">
          <p className="muted">{t('import.candidates')}</p>
          <ul className="list">
            {row.candidates.map((c) => (
              <li key={c.id}>
                <Link to={`/persons/${c.id}`} className="candidate-label">
                  {c.label}
                </Link>{' '}
                <span className="score">
                  {t('draft.score', { score: number(Math.round(c.score * 100)) })}
                </span>
                <MatchReasons reasons={c.reasons} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
