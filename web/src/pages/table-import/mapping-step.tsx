import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { SavedMapping, TableMapping, TablePreview } from '../../api/table-import';
import { useI18n } from '../../i18n/i18n';
import type { Load } from '../../lib/use-api';
import { ColumnFields } from './column-fields';
import { LoadMapping } from './load-mapping';
import { mappingProblems } from './mapping-columns';
import { MappingOptions } from './mapping-options';
import { SaveMapping } from './save-mapping';
import { tableWidth } from './table-preview';

/**
 * Step two: which column fills which field, what the list is called and how it reads; a saved
 * mapping loaded or the current one saved; then the dry run. Problems the server would refuse
 * are shown beside their fields before anything is sent.
 */
export function MappingStep({
  preview,
  mapping,
  mappingName,
  loads,
  saved,
  busy,
  onChange,
  onLoad,
  onDryRun,
  running,
}: {
  preview: TablePreview;
  mapping: TableMapping;
  mappingName: string;
  /** How many mappings were loaded: each load resets the parts that keep rows of their own. */
  loads: number;
  saved: Load<{ items: SavedMapping[] }>;
  busy: boolean;
  onChange: (mapping: TableMapping) => void;
  onLoad: (saved: SavedMapping) => void;
  onDryRun: () => void;
  /** The dry run's progress or failure, shown by its button. */
  running: ReactNode;
}) {
  const { t } = useI18n();
  const width = tableWidth(preview);
  const problems = mappingProblems(mapping, preview.headers, width);
  const [tried, setTried] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length) {
      summary.current?.focus();
      return;
    }
    onDryRun();
  };
  return (
    <>
      <LoadMapping saved={saved} onLoad={onLoad} />
      <form onSubmit={submit} noValidate>
        <ColumnFields
          mapping={mapping}
          headers={preview.headers}
          rows={preview.rows}
          width={width}
          problems={tried ? problems : problems.filter((p) => p.key === 'import.problem.sameColumn')}
          onChange={onChange}
        />
        <MappingOptions key={loads} mapping={mapping} problems={tried ? problems : []} onChange={onChange} />
        <div ref={summary} tabIndex={-1} className={tried && problems.length ? 'error' : undefined}>
          {tried && problems.length > 0 && (
            <>
              <p>
                <strong>{t('import.fixFirst')}</strong>
              </p>
              <ul>
                {problems.map((p) => (
                  <li key={p.key + (p.target ?? '')}>
                    {p.target && <>{t(`import.target.${p.target}`)}: </>}
                    {t(p.key, p.vars)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('import.dryRun')}
          </button>
        </div>
        <p className="hint">{t('import.dryRunHint')}</p>
        {running}
      </form>
      <SaveMapping
        key={mappingName}
        mapping={mapping}
        saved={saved.data?.items ?? []}
        initialName={mappingName}
        onSaved={saved.reload}
      />
    </>
  );
}
