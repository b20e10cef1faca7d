import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { SavedMapping, TableMapping } from '../../api/table-import';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';

/** The server's rule for mapping names: spacing does not count. */
const nameKey = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Saves the mapping on screen under a name, for the list's next version; a name in use replaces
 * that mapping (with the version read, so a colleague's change in between is not overwritten).
 */
export function SaveMapping({
  mapping,
  saved,
  initialName,
  onSaved,
}: {
  mapping: TableMapping;
  saved: SavedMapping[];
  initialName: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initialName);
  const [done, setDone] = useState('');
  const save = useAction();
  const existing = saved.find((m) => m.name === nameKey(name));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const result = await save.run(() =>
      existing
        ? api<SavedMapping>('PATCH', `/api/table-mappings/${existing.id}`, {
            body: { version: existing.version, mapping },
          })
        : api<SavedMapping>('POST', '/api/table-mappings', { body: { name: nameKey(name), mapping } }),
    );
    if (!result) return;
    setDone(t('import.saved', { name: result.name }));
    onSaved();
  };
  return (
    <form className="saved-mappings" onSubmit={submit}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="save-mapping-name">{t('import.saveAs')}</label>
          <input
            id="save-mapping-name"
            required
            maxLength={100}
            value={name}
            aria-describedby="save-mapping-hint"
            onChange={(e) => {
              setName(e.target.value);
              setDone('');
            }}
          />
        </div>
        <button type="submit" disabled={save.busy || !nameKey(name)}>
          {existing ? t('import.replace') : t('import.save')}
        </button>
      </div>
      <span className="hint" id="save-mapping-hint">
        {existing ? t('import.replaceHint', { name: existing.name }) : t('import.saveHint')}
      </span>
      <p className="status" role="status" aria-live="polite">
        {done}
      </p>
      {save.error !== undefined && <ErrorMessage error={save.error} />}
    </form>
  );
}
