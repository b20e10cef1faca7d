import type { FacetCount, SearchHit, SearchResults } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { PARTIAL_DATE } from '../case/case-form';

/** The types a search finds, in the order the page lists them. */
export const TYPES: readonly SearchHit['type'][] = [
  'persons',
  'cases',
  'places',
  'organizations',
  'sources',
  'acts',
  'interventions',
];

/** What the search is narrowed by; values of one facet are alternatives, facets all hold. */
export interface Filters {
  types: string[];
  region: string[];
  act: string[];
  status: string[];
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { types: [], region: [], act: [], status: [], from: '', to: '' };

const DATE = new RegExp(`^${PARTIAL_DATE}$`);
/** A date the API takes (a year, a month or a day); anything else is not sent yet. */
export const validDate = (v: string) => DATE.test(v.trim());

/** Does anything besides the type narrow the search (so that it can run without words)? */
export function narrows(f: Filters): boolean {
  return (
    f.region.length > 0 || f.act.length > 0 || f.status.length > 0 || validDate(f.from) || validDate(f.to)
  );
}

/** The vocabulary a status value of each type comes from. */
const STATUS_GROUPS: Record<string, string> = {
  cases: 'caseStatus',
  persons: 'personStatus',
  acts: 'actStatus',
  interventions: 'appealStatus',
};

/** A status facet value ("persons:detained") in words: the type and its status. */
export function statusName(value: string, label: (group: string, value: string) => string): string {
  const [type, status] = value.split(':');
  return `${label('collection', type)}: ${label(STATUS_GROUPS[type] ?? '', status)}`;
}

type ListFacet = 'types' | 'region' | 'act' | 'status';

/**
 * The facets of a search: checkbox groups with how many matches hold each value (counted without
 * the group's own choice, so choosing more widens), a date range, and a way to clear it all.
 */
export function FacetPanel({
  filters,
  results,
  onChange,
}: {
  filters: Filters;
  results: SearchResults | undefined;
  onChange: (filters: Filters) => void;
}) {
  const { t, label, number } = useI18n();
  const facets = results?.facets;
  const toggle = (facet: ListFacet, value: string) => {
    const list = filters[facet];
    onChange({
      ...filters,
      [facet]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value],
    });
  };
  const group = (facet: ListFacet, legend: string, counts: FacetCount[], name: (value: string) => string) => (
    <fieldset key={facet} className="facet-group">
      <legend>{legend}</legend>
      {counts.length === 0 && <p className="muted">{t('search.noValues')}</p>}
      {counts.map((c) => (
        <label key={c.value} className="facet">
          <input
            type="checkbox"
            checked={filters[facet].includes(c.value)}
            onChange={() => toggle(facet, c.value)}
          />{' '}
          <span className="facet-name">{name(c.value)}</span> <span className="count">{number(c.count)}</span>
        </label>
      ))}
    </fieldset>
  );
  const typeCounts: FacetCount[] = TYPES.map((type) => ({
    value: type,
    count: facets?.type.find((c) => c.value === type)?.count ?? 0,
  })).filter((c) => c.count > 0 || filters.types.includes(c.value) || ['persons', 'cases'].includes(c.value));
  const active =
    filters.types.length + filters.region.length + filters.act.length + filters.status.length > 0 ||
    filters.from !== '' ||
    filters.to !== '';
  return (
    <aside className="facets" aria-label={t('search.filters')}>
      {group('types', t('search.type'), typeCounts, (v) => label('collection', v))}
      {group('region', t('search.region'), facets?.region ?? [], (v) => v)}
      {group('act', t('search.act'), facets?.act ?? [], (v) => label('act', v))}
      {group('status', t('search.status'), facets?.status ?? [], (v) => statusName(v, label))}
      <fieldset className="facet-group">
        <legend>{t('search.dates')}</legend>
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`search-${end}`}>{t(end === 'from' ? 'search.from' : 'search.to')}</label>
            <input
              id={`search-${end}`}
              pattern={PARTIAL_DATE}
              placeholder={t('form.datePlaceholder')}
              aria-describedby="search-dates-hint"
              value={filters[end]}
              onChange={(e) => onChange({ ...filters, [end]: e.target.value })}
            />
          </div>
        ))}
        <span className="hint" id="search-dates-hint">
          {t('search.datesHint')}
        </span>
      </fieldset>
      {active && (
        <button type="button" onClick={() => onChange(NO_FILTERS)}>
          {t('search.clear')}
        </button>
      )}
    </aside>
  );
}
