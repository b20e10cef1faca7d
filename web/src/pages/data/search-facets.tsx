import { useI18n } from '../../i18n/i18n';
import { statusName } from '../search/facet-panel';
import type { ExportChoice } from './export-filters';

type Facet = 'region' | 'act' | 'status';

/**
 * The search facets an export carries from the search page (region, act type, status), each
 * removable; nothing shows when the user did not come from a search with facets.
 */
export function SearchFacets({
  choice,
  onChange,
}: {
  choice: ExportChoice;
  onChange: (change: Partial<ExportChoice>) => void;
}) {
  const { t, label } = useI18n();
  const name = (facet: Facet, value: string) => {
    if (facet === 'act') return label('act', value);
    if (facet === 'status') return statusName(value, label);
    return value;
  };
  const chosen = (['region', 'act', 'status'] as const).flatMap((facet) =>
    choice[facet].map((value) => ({ facet, value })),
  );
  if (chosen.length === 0) return null;
  const legend = { region: t('search.region'), act: t('search.act'), status: t('search.status') };
  return (
    <fieldset className="export-facets">
      <legend>{t('export.facets')}</legend>
      <ul className="list">
        {chosen.map(({ facet, value }) => (
          <li key={`${facet}:${value}`}>
            {legend[facet]}: <strong>{name(facet, value)}</strong>{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('export.removeFacet', { name: name(facet, value) })}
              onClick={() => onChange({ [facet]: choice[facet].filter((v) => v !== value) })}
            >
              {t('export.remove')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
