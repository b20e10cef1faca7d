import type { CaseOverview } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Empty } from './status';

/** Appeals with their shown status and deadline, the late ones marked. */
export function AppealsTable({ appeals }: { appeals: CaseOverview['appeals'] }) {
  const { t, label, date } = useI18n();
  if (appeals.length === 0) return <Empty>{t('appeal.none')}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('appeal.recipient')}</th>
          <th scope="col">{t('appeal.kind')}</th>
          <th scope="col">{t('appeal.status')}</th>
          <th scope="col">{t('appeal.sentOn')}</th>
          <th scope="col">{t('appeal.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {appeals.map((a) => (
          <tr key={a.id} className={a.shownStatus === 'overdue' ? 'overdue' : undefined}>
            <td>{a.recipientName}</td>
            <td>{label('appealKind', a.kind)}</td>
            <td>
              <span className={`badge status-${a.shownStatus}`}>{label('appealStatus', a.shownStatus)}</span>
            </td>
            <td>{date(a.sentOn)}</td>
            <td>
              {a.deadline ? date(a.deadline) : '—'}
              {a.daysLeft !== null && a.shownStatus !== 'answered' && a.shownStatus !== 'refused' && (
                <div className="muted">
                  {a.daysLeft < 0
                    ? t('appeal.overdueBy', { days: -a.daysLeft })
                    : a.daysLeft === 0
                      ? t('appeal.dueToday')
                      : t('appeal.dueIn', { days: a.daysLeft })}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
