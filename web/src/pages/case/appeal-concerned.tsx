import { useState } from 'react';
import { api } from '../../api/client';
import type { CaseOverview, Intervention } from '../../api/types';
import { ErrorMessage, Loaded } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-api';

type Involvement = CaseOverview['involvements'][number];

/** A person or group of the case, as the appeal's list names it. */
interface Concerned {
  key: string;
  field: 'personIds' | 'groupIds';
  id: string;
  label: string;
}

/** The persons and groups linked to the case, each once, as candidates for the appeal. */
function candidatesOf(involvements: Involvement[]): Concerned[] {
  const out = new Map<string, Concerned>();
  for (const i of involvements) {
    const field = i.personId ? 'personIds' : i.groupId ? 'groupIds' : undefined;
    const id = i.personId ?? i.groupId;
    if (field && id && !out.has(id)) out.set(id, { key: `${field}:${id}`, field, id, label: i.label });
  }
  return [...out.values()];
}

/**
 * Whom an appeal is about: its persons and groups of unnamed people, each removable, and any other
 * person or group of the case to add. The letter speaks for exactly these.
 */
export function AppealConcerned({
  appealId,
  version,
  involvements,
  onChanged,
}: {
  appealId: string;
  /** The version the page shows: the appeal is read again when another change moves it on. */
  version: number;
  involvements: Involvement[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState('');
  const change = useAction();
  const record = useLoad(
    (signal) => api<Intervention>('GET', `/api/interventions/${appealId}`, { signal }),
    [appealId, version, tick],
  );
  const candidates = candidatesOf(involvements);
  const edit = async (appeal: Intervention, method: 'POST' | 'DELETE', who: Concerned) => {
    const done = await change.run(() =>
      api<Intervention>(method, `/api/interventions/${appealId}/concerned`, {
        body: { version: appeal.version, [who.field]: [who.id] },
      }),
    );
    if (!done) return;
    setChosen('');
    setTick((n) => n + 1);
    onChanged();
  };
  const fieldId = `concerned-${appealId}`;
  return (
    <fieldset className="appeal-concerned">
      <legend>{t('appeal.concerned')}</legend>
      <Loaded load={record}>
        {(appeal) => {
          const ids = new Set([...(appeal.personIds ?? []), ...(appeal.groupIds ?? [])]);
          const current = candidates.filter((c) => ids.has(c.id));
          // Ids of records not linked to the case still show, by id, so they can be removed.
          const unlinked = [...ids]
            .filter((id) => !current.some((c) => c.id === id))
            .map(
              (id): Concerned => ({
                key: id,
                field: appeal.groupIds?.includes(id) ? 'groupIds' : 'personIds',
                id,
                label: id,
              }),
            );
          const others = candidates.filter((c) => !ids.has(c.id));
          return (
            <>
              {current.length + unlinked.length === 0 ? (
                <p className="muted">{t('appeal.concernedNone')}</p>
              ) : (
                <ul className="concerned-list">
                  {[...current, ...unlinked].map((c) => (
                    <li key={c.key}>
                      {c.label}{' '}
                      <button
                        type="button"
                        disabled={change.busy}
                        onClick={() => void edit(appeal, 'DELETE', c)}
                      >
                        {t('appeal.concernedRemove')}
                        <span className="visually-hidden"> {c.label}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {others.length > 0 && (
                <div className="toolbar">
                  <div className="field">
                    <label htmlFor={fieldId}>{t('appeal.concernedAdd')}</label>
                    <select id={fieldId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                      <option value="">—</option>
                      {others.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button
                    type="button"
                    disabled={change.busy || !chosen}
                    onClick={() => {
                      const who = others.find((c) => c.key === chosen);
                      if (who) void edit(appeal, 'POST', who);
                    }}
                  >
                    {t('appeal.concernedAddButton')}
                  </button>
                </div>
              )}
            </>
          );
        }}
      </Loaded>
      {change.error !== undefined && (
        <ErrorMessage error={change.error} onRetry={() => setTick((n) => n + 1)} />
      )}
    </fieldset>
  );
}
