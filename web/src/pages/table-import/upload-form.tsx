import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { TablePreview } from '../../api/table-import';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';

const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step one: the table to import, read at once by the server (a bad file is refused and not kept). */
export function UploadForm({
  onUploaded,
}: {
  onUploaded: (preview: TablePreview, fileName: string) => void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const preview = await upload.run(() => api<TablePreview>('POST', '/api/table-imports/uploads', { form }));
    if (preview) onUploaded(preview, file.name);
  };
  return (
    <form onSubmit={submit} className="stack">
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          required
          accept={ACCEPT}
          aria-describedby="import-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            upload.clear();
          }}
        />
        <span className="hint" id="import-file-hint">
          {t('import.fileHint')}
        </span>
      </div>
      {upload.error !== undefined && <ErrorMessage error={upload.error} />}
      <button type="submit" className="primary" disabled={upload.busy || !file}>
        {upload.busy ? t('status.working') : t('import.upload')}
      </button>
    </form>
  );
}
