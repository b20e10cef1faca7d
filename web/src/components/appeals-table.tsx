import { Fragment, type ReactNode, useState } from 'react';
import type { CaseOverview } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Empty } from './status';

type Appeal = CaseOverview['appeals'][number];

/**
 * Appeals with their shown status and deadline, the late ones marked. With `manage`, each row has
 * a button that opens what can be done with the appeal in a row beneath it.
 */
export function AppealsTable({
  appeals,
  manage,
}: {
  appeals: CaseOverview['appeals'];
  manage?: (appeal: Appeal) => ReactNode;
}) {
  const { t, label, date } = useI18n();
  const [open, setOpen] = useState<string | undefined>(undefined);
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
          {manage && (
            <th scope="col">
              <span className="visually-hidden">{t('appeal.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {appeals.map((a) => (
          <Fragment key={a.id}>
            <tr className={a.shownStatus === 'overdue' ? 'overdue' : undefined} data-appeal={a.id}>
              <td>{a.recipientName}</td>
              <td>{label('appealKind', a.kind)}</td>
              <td>
                <span className={`badge status-${a.shownStatus}`}>
                  {label('appealStatus', a.shownStatus)}
                </span>
              </td>
              <td>{date(a.sentOn)}</td>
              <td className="deadline">
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
              {manage && (
                <td>
                  <button
                    type="button"
                    aria-expanded={open === a.id}
                    aria-controls={`manage-${a.id}`}
                    onClick={() => setOpen(open === a.id ? undefined : a.id)}
                  >
                    {t('appeal.manage')}
                    <span className="visually-hidden"> {a.recipientName}</span>
                  </button>
                </td>
              )}
            </tr>
            {manage && open === a.id && (
              <tr id={`manage-${a.id}`} className="manage-row">
                <td colSpan={6}>{manage(a)}</td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
