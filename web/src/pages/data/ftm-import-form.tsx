import { type FormEvent, useState } from 'react';
import { apiResponse } from '../../api/client';
import { ErrorMessage } from '../../components/status';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../lib/use-action';

/** One entity of what POST /api/ftm-imports answers (FtmImportReport in /api/openapi.json). */
interface FtmEntityReport {
  id: string;
  schema: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'merged' | 'skipped' | 'conflict';
  collection?: string;
  reason?: string;
  dropped: Array<{ property: string; reason: string }>;
}
interface FtmImportReport {
  dataset: string;
  dryRun: boolean;
  entities: FtmEntityReport[];
  created: Record<string, number>;
  updated: Record<string, number>;
  skipped: number;
  conflicts: number;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * FollowTheMoney entities (JSON lines, from Aleph or another Vigil) imported as records: a dry run
 * first shows, entity by entity, what each would become and what it would lose and why; applying
 * it then imports the same file into the same dataset.
 */
export function FtmImportForm() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState('');
  const [report, setReport] = useState<FtmImportReport>();
  const action = useAction();
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    if (dataset.trim()) form.append('dataset', dataset.trim());
    if (dryRun) form.append('dryRun', 'true');
    form.append('file', file);
    setReport(undefined);
    const answer = await action.run(() => apiResponse<FtmImportReport>('POST', '/api/ftm-imports', { form }));
    if (answer) setReport(answer.body);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };
  const reset = () => {
    setReport(undefined);
    action.clear();
  };
  // Only entities with something to say: an outcome other than a plain record, or a loss.
  const notable = report?.entities.filter(
    (e) =>
      e.dropped.length > 0 || e.reason !== undefined || e.outcome === 'skipped' || e.outcome === 'conflict',
  );
  return (
    <form onSubmit={submit} className="stack" aria-label={t('data.ftm')}>
      <div className="field">
        <label htmlFor="ftm-file">{t('ftm.file')}</label>
        <input
          id="ftm-file"
          type="file"
          required
          accept=".ftm,.json,.jsonl,.ndjson,application/json,application/x-ndjson"
          aria-describedby="ftm-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            reset();
          }}
        />
        <span className="hint" id="ftm-file-hint">
          {t('ftm.fileHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="ftm-dataset">{t('ftm.dataset')}</label>
        <input
          id="ftm-dataset"
          type="text"
          maxLength={100}
          value={dataset}
          placeholder="default"
          aria-describedby="ftm-dataset-hint"
          onChange={(e) => {
            setDataset(e.target.value);
            reset();
          }}
        />
        <span className="hint" id="ftm-dataset-hint">
          {t('ftm.datasetHint')}
        </span>
      </div>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <div className="row">
        <button type="submit" disabled={action.busy || !file}>
          {action.busy ? t('ftm.working') : t('ftm.dryRun')}
        </button>
        {report?.dryRun && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void send(false)}>
            {t('ftm.apply')}
          </button>
        )}
      </div>
      {report && (
        <div role="status" className="stack" data-testid="ftm-report">
          <p>
            {t(report.dryRun ? 'ftm.dryRunDone' : 'ftm.done', {
              created: total(report.created),
              updated: total(report.updated),
              skipped: report.skipped,
              conflicts: report.conflicts,
              dataset: report.dataset,
            })}
          </p>
          {notable && notable.length > 0 && (
            <table className="table">
              <caption>{t('ftm.entities')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ftm.entity')}</th>
                  <th scope="col">{t('ftm.outcome')}</th>
                  <th scope="col">{t('ftm.details')}</th>
                </tr>
              </thead>
              <tbody>
                {notable.map((e) => (
                  <tr key={e.id} data-entity={e.id}>
                    <td>
                      {e.id} ({e.schema})
                    </td>
                    <td>{t(`ftm.outcome.${e.outcome}`)}</td>
                    <td>
                      {e.reason && <div>{e.reason}</div>}
                      {e.dropped.map((d) => (
                        <div key={`${d.property}:${d.reason}`}>
                          {t('ftm.dropped', { property: d.property, reason: d.reason })}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
