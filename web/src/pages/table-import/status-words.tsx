import { useState } from 'react';
import { PERSON_STATUSES } from '../../../../src/domain/record-vocabularies';
import { useI18n } from '../../i18n/i18n';

type Entry = { word: string; status: string };

/**
 * The list's own words for statuses ("на подвале" → detained), beside the ones Vigil knows. Rows
 * are edited here and passed up once they have a word; a row typed twice keeps the last status.
 */
export function StatusWords({
  values,
  onChange,
}: {
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  const { t, label } = useI18n();
  const [entries, setEntries] = useState<Entry[]>(() =>
    Object.entries(values).map(([word, status]) => ({ word, status })),
  );
  const update = (next: Entry[]) => {
    setEntries(next);
    const out: Record<string, string> = {};
    for (const e of next) if (e.word.trim()) out[e.word.trim()] = e.status;
    onChange(out);
  };
  return (
    <fieldset className="status-words">
      <legend>{t('import.statusWords')}</legend>
      <p className="hint">{t('import.statusWordsHint')}</p>
      {entries.map((entry, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
        <div className="field-row" key={i}>
          <div className="field">
            <label htmlFor={`status-word-${i}`}>{t('import.statusWord', { n: i + 1 })}</label>
            <input
              id={`status-word-${i}`}
              maxLength={100}
              value={entry.word}
              onChange={(e) => update(entries.map((x, j) => (j === i ? { ...x, word: e.target.value } : x)))}
            />
          </div>
          <div className="field">
            <label htmlFor={`status-word-${i}-status`}>{t('import.statusWordMeans', { n: i + 1 })}</label>
            <select
              id={`status-word-${i}-status`}
              value={entry.status}
              onChange={(e) =>
                update(entries.map((x, j) => (j === i ? { ...x, status: e.target.value } : x)))
              }
            >
              {PERSON_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label('personStatus', s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field row-end">
            <button type="button" onClick={() => update(entries.filter((_, j) => j !== i))}>
              {t('import.statusWordRemove', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button type="button" onClick={() => update([...entries, { word: '', status: 'detained' }])}>
        {t('import.statusWordAdd')}
      </button>
    </fieldset>
  );
}
