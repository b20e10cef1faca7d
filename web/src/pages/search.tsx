import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { SearchHit, SearchResults } from '../api/types';
import { Page, Section } from '../components/page';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link, rememberState, useLocation } from '../lib/router';
import { FacetPanel, type Filters, NO_FILTERS, narrows, TYPES, validDate } from './search/facet-panel';

const PAGES: Record<string, string | undefined> = {
  persons: '/persons',
  cases: '/cases',
  sources: '/sources',
};

/** A snippet with the matched words marked. */
function Snippet({ hit }: { hit: SearchHit }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start > at) parts.push({ text: hit.snippet.slice(at, start), mark: false });
    parts.push({ text: hit.snippet.slice(start, end), mark: true });
    at = end;
  }
  parts.push({ text: hit.snippet.slice(at), mark: false });
  return (
    <p className="snippet">
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed pieces of one snippet
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </p>
  );
}

function filtersFrom(state: Record<string, unknown> | null): Filters {
  const saved = state?.filters as Partial<Filters> | undefined;
  return { ...NO_FILTERS, ...(saved ?? {}) };
}

/**
 * One box over every record, in any script and transliteration; results grouped by type, with
 * facets (type, region, act, status, dates) that narrow them, and browsing by facets alone (before
 * anything is chosen, the newest records with their facets are the starting point). The
 * query and filters are kept in the page's history entry, never in the address bar.
 */
export function SearchPage() {
  const { t, label, number } = useI18n();
  const { state } = useLocation();
  const initial = typeof state?.q === 'string' ? state.q : '';
  const [q, setQ] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(state));
  const [results, setResults] = useState<SearchResults | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const from = validDate(filters.from) ? filters.from.trim() : undefined;
  const to = validDate(filters.to) ? filters.to.trim() : undefined;
  const key = JSON.stringify([asked, filters.types, filters.region, filters.act, filters.status, from, to]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` holds everything the search depends on
  useEffect(() => {
    rememberState({ q: asked, filters });
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<SearchResults>('GET', '/api/search', {
      query: {
        q: asked,
        types: filters.types.join(','),
        region: filters.region,
        act: filters.act,
        status: filters.status,
        from,
        to,
        facets: true,
        limit: 100,
      },
      signal: controller.signal,
    }).then(
      (r) => {
        setResults(r);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(q.trim());
  };
  const shown = results?.items ?? [];
  const titleOf = (hit: SearchHit) => (hit.type === 'acts' ? label('act', hit.title) : hit.title || hit.id);
  return (
    <Page title={t('search.title')}>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in React's JSX types */}
      <form role="search" className="search-box" onSubmit={submit}>
        <label htmlFor="search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-q"
          type="search"
          value={q}
          maxLength={500}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </form>
      <p className="hint">{t('search.hint')}</p>
      <div className="search-layout">
        <FacetPanel filters={filters} results={results} onChange={setFilters} />
        <div className="results" aria-live="polite">
          {!asked.trim() && !narrows(filters) && <p className="muted">{t('search.start')}</p>}
          {loading && <Loading />}
          {error !== undefined && <ErrorMessage error={error} />}
          {results && !loading && (
            <p className="muted result-count">
              {t('search.total', { n: results.total ?? shown.length })}
              {results.complete === false && ` ${t('search.incomplete')}`}
              {(results.total ?? 0) > shown.length && ` ${t('search.firstShown', { n: shown.length })}`}
            </p>
          )}
          {results && !loading && shown.length > 0 && (
            <p>
              <Link
                to="/data"
                className="button"
                state={{
                  exportFilters: {
                    q: asked,
                    types: filters.types,
                    region: filters.region,
                    act: filters.act,
                    status: filters.status,
                    from: from ?? '',
                    to: to ?? '',
                  },
                }}
              >
                {t('search.export')}
              </Link>
            </p>
          )}
          {results && !loading && shown.length === 0 && <Empty>{t('search.none')}</Empty>}
          {!loading &&
            TYPES.filter((type) => shown.some((h) => h.type === type)).map((type) => (
              <Section
                key={type}
                title={`${label('collection', type)} (${number(shown.filter((h) => h.type === type).length)})`}
                id={`results-${type}`}
              >
                <ul className="list hits">
                  {shown
                    .filter((h) => h.type === type)
                    .map((hit) => (
                      <li key={hit.id}>
                        {PAGES[type] ? (
                          <Link to={`${PAGES[type]}/${hit.id}`}>{titleOf(hit)}</Link>
                        ) : hit.caseId ? (
                          <Link to={`/cases/${hit.caseId}`}>{titleOf(hit)}</Link>
                        ) : (
                          <strong>{titleOf(hit)}</strong>
                        )}
                        {hit.caseId && <span className="muted"> · {t('search.inCase')}</span>}
                        {hit.snippet && hit.snippet !== hit.title && <Snippet hit={hit} />}
                      </li>
                    ))}
                </ul>
              </Section>
            ))}
        </div>
      </div>
    </Page>
  );
}
