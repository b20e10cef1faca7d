import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { ImportJob, ImportReport, SavedMapping, TableMapping, TablePreview } from '../api/table-import';
import { BusyNote } from '../components/busy-note';
import { Page } from '../components/page';
import { ErrorMessage } from '../components/status';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { Link, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-api';
import { ApplyJob, jobInAddress, rememberJob } from './table-import/apply-job';
import { ApplyStep } from './table-import/apply-step';
import { ImportResult } from './table-import/import-result';
import { MappingStep } from './table-import/mapping-step';
import { TablePreviewView } from './table-import/table-preview';
import { UploadForm } from './table-import/upload-form';
import { CHUNK, type ReportWindow } from './table-import/use-report-rows';

type Step = 'file' | 'mapping' | 'report' | 'done';
const STEPS: Array<{ step: Step; key: MessageKey }> = [
  { step: 'file', key: 'import.step.file' },
  { step: 'mapping', key: 'import.step.mapping' },
  { step: 'report', key: 'import.step.report' },
  { step: 'done', key: 'import.step.done' },
];

interface Upload {
  preview: TablePreview;
  fileName: string;
}

/** The heading of the step on screen, focused when the step changes (as a new page would be). */
function StepHeading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1} id="step-title">
      {text}
    </h2>
  );
}

/**
 * Table import in the browser, for roles that write records: a CSV or .xlsx list is uploaded and
 * previewed, its columns mapped to a person's fields (from the suggestion or a saved mapping), a dry
 * run shows what each row would do, and the import is made with the dry run's plan, or refused if
 * anything changed since. Nothing is written before the last step.
 */
export function TableImportPage() {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('tables.import'))
    return (
      <Page title={t('import.title')}>
        <p className="notice">{t('import.notAllowed')}</p>
      </Page>
    );
  const job = jobInAddress();
  return job ? <JobAfterReload id={job} /> : <ImportFlow />;
}

/** An import job found in the address after a reload: its progress, then what it did. */
function JobAfterReload({ id }: { id: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState<{ report: ImportReport; job: ImportJob } | undefined>(undefined);
  const another = () => {
    rememberJob(undefined);
    navigate('/data/import', { replace: true });
  };
  return (
    <Page title={t('import.title')}>
      <section className="card" aria-labelledby="step-title">
        <StepHeading key={done ? 'done' : 'job'} text={t(done ? 'import.step.done' : 'importJob.title')} />
        {done ? (
          <ImportResult result={done.report} job={done.job} onAnother={another} />
        ) : (
          <>
            <ApplyJob id={id} onReport={(report, job) => setDone({ report, job })} />
            <div className="buttons">
              <button type="button" onClick={another}>
                {t('import.another')}
              </button>
            </div>
          </>
        )}
      </section>
    </Page>
  );
}

function ImportFlow() {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>('file');
  const [upload, setUpload] = useState<Upload | undefined>(undefined);
  const [mapping, setMapping] = useState<TableMapping | undefined>(undefined);
  const [mappingName, setMappingName] = useState('');
  // A loaded mapping remounts the form parts that keep their own rows (status words).
  const [loads, setLoads] = useState(0);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [result, setResult] = useState<{ report: ImportReport; job: ImportJob } | undefined>(undefined);
  const [busy, setBusy] = useState<'reread' | 'dry' | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef<AbortController | null>(null);
  const saved = useLoad(
    (signal) => api<{ items: SavedMapping[] }>('GET', '/api/table-mappings', { signal }),
    [],
  );
  const sha = upload?.preview.file.sha256 ?? '';

  const reread = async (options: { sheet?: string; headerRow?: number }, keep?: TableMapping) => {
    if (!upload) return;
    setBusy('reread');
    setError(undefined);
    try {
      const preview = await api<TablePreview>('GET', `/api/table-imports/uploads/${sha}`, {
        query: { sheet: options.sheet, headerRow: options.headerRow },
      });
      setUpload({ ...upload, preview });
      // Another sheet or header row has other columns: they are suggested again, the rest is kept.
      const {
        sheet: _sheet,
        headerRow: _row,
        columns: _columns,
        ...rest
      } = mapping ?? preview.suggestedMapping;
      setMapping(keep ?? { ...rest, ...preview.suggestedMapping, system: rest.system });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const load = (chosen: SavedMapping) => {
    setMappingName(chosen.name);
    setLoads((n) => n + 1);
    const file = upload?.preview.file;
    const headerRow = upload?.preview.suggestedMapping.headerRow ?? 1;
    const sheetDiffers = chosen.mapping.sheet !== undefined && chosen.mapping.sheet !== file?.sheet;
    if (sheetDiffers || (chosen.mapping.headerRow ?? 1) !== headerRow)
      void reread(
        { sheet: chosen.mapping.sheet ?? file?.sheet, headerRow: chosen.mapping.headerRow },
        chosen.mapping,
      );
    else setMapping(chosen.mapping);
  };
  const fetchWindow = (w: ReportWindow, signal: AbortSignal) =>
    api<ImportReport>('POST', '/api/table-imports/dry-run', { body: { upload: sha, mapping, ...w }, signal });
  const dryRun = async () => {
    const controller = new AbortController();
    running.current = controller;
    setBusy('dry');
    setError(undefined);
    try {
      setReport(await fetchWindow({ offset: 0, limit: CHUNK }, controller.signal));
      setStep('report');
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      running.current = null;
      setBusy(undefined);
    }
  };
  const startOver = async () => {
    // The sealed upload holds personal data: discard it rather than let it wait out its day.
    if (upload && step !== 'done')
      await api('DELETE', `/api/table-imports/uploads/${sha}`).catch(() => undefined);
    setUpload(undefined);
    setMapping(undefined);
    setReport(undefined);
    setResult(undefined);
    setError(undefined);
    rememberJob(undefined);
    setStep('file');
  };
  const current = STEPS.findIndex((s) => s.step === step);
  return (
    <Page
      title={t('import.title')}
      actions={
        <Link to="/data" className="button">
          {t('import.backToData')}
        </Link>
      }
    >
      <p>{t('import.intro')}</p>
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li
            key={s.step}
            aria-current={i === current ? 'step' : undefined}
            className={i < current ? 'done' : undefined}
          >
            {t(s.key)}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="step-title">
        {step === 'file' && (
          <>
            <StepHeading key="file" text={t('import.step.file')} />
            <UploadForm
              onUploaded={(preview, fileName) => {
                setUpload({ preview, fileName });
                setMapping(preview.suggestedMapping);
                setMappingName('');
                setStep('mapping');
              }}
            />
          </>
        )}
        {step === 'mapping' && upload && mapping && (
          <>
            <StepHeading key="mapping" text={t('import.step.mapping')} />
            <TablePreviewView
              key={`${upload.preview.file.sheet}-${upload.preview.suggestedMapping.headerRow ?? 1}`}
              preview={upload.preview}
              fileName={upload.fileName}
              busy={busy !== undefined}
              onReread={(o) => void reread(o)}
            />
            <MappingStep
              loads={loads}
              preview={upload.preview}
              mapping={mapping}
              mappingName={mappingName}
              saved={saved}
              busy={busy !== undefined}
              onChange={setMapping}
              onLoad={load}
              onDryRun={() => void dryRun()}
              running={
                <>
                  {busy === 'dry' && (
                    <BusyNote
                      text={t('import.dryRunning', {
                        n: Math.max(0, upload.preview.file.rows - (mapping.headerRow ?? 1)),
                      })}
                      onCancel={() => running.current?.abort()}
                    />
                  )}
                  {error !== undefined && <ErrorMessage error={error} />}
                </>
              }
            />
            <div className="buttons">
              <button type="button" onClick={() => void startOver()}>
                {t('import.discard')}
              </button>
            </div>
          </>
        )}
        {step === 'report' && upload && mapping && report && (
          <>
            <StepHeading key="report" text={t('import.step.report')} />
            <ApplyStep
              report={report}
              upload={sha}
              mapping={mapping}
              fetchWindow={fetchWindow}
              onBack={() => setStep('mapping')}
              onRunAgain={() => void dryRun()}
              rerunning={busy === 'dry'}
              onApplied={(report, job) => {
                setResult({ report, job });
                setStep('done');
              }}
            />
            {error !== undefined && <ErrorMessage error={error} />}
          </>
        )}
        {step === 'done' && result && (
          <>
            <StepHeading key="done" text={t('import.step.done')} />
            <ImportResult result={result.report} job={result.job} onAnother={() => void startOver()} />
          </>
        )}
      </section>
      {error instanceof ApiError && error.status === 404 && step !== 'file' && (
        <p className="notice">{t('import.uploadGone')}</p>
      )}
    </Page>
  );
}
