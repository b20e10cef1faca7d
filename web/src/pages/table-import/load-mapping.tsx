import { useState } from 'react';
import type { SavedMapping } from '../../api/table-import';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import type { Load } from '../../lib/use-api';

/** Loads a saved mapping into the form: a list's next version is read as the last one was. */
export function LoadMapping({
  saved,
  onLoad,
}: {
  saved: Load<{ items: SavedMapping[] }>;
  onLoad: (mapping: SavedMapping) => void;
}) {
  const { t } = useI18n();
  const items = saved.data?.items ?? [];
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState('');
  const load = () => {
    const found = items.find((m) => m.id === chosen);
    if (!found) return;
    onLoad(found);
    setDone(t('import.loaded', { name: found.name }));
  };
  return (
    <div className="saved-mappings">
      <div className="toolbar">
        <div className="field">
          <label htmlFor="saved-mapping">{t('import.savedMapping')}</label>
          <select
            id="saved-mapping"
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              setDone('');
            }}
          >
            <option value="">{items.length ? t('import.chooseSaved') : t('import.noSaved')}</option>
            {items.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={load} disabled={!chosen}>
          {t('import.load')}
        </button>
      </div>
      <p className="status" role="status" aria-live="polite">
        {done}
      </p>
      {saved.error !== undefined && <ErrorMessage error={saved.error} onRetry={saved.reload} />}
    </div>
  );
}
