import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { SearchHit, SearchResults } from '../api/types';
import { Page, Section } from '../components/page';
import { Empty, ErrorMessage, Loading } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { Link, rememberState, useLocation } from '../lib/router';

const TYPES = ['persons', 'cases', 'places', 'organizations', 'sources'];
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

/**
 * One box over every record, in any script and transliteration; results grouped by type with a
 * type facet. The query is kept in the page's history entry, never in the address bar.
 */
export function SearchPage() {
  const { t, label, number } = useI18n();
  const { state } = useLocation();
  const initial = typeof state?.q === 'string' ? state.q : '';
  const [q, setQ] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const [types, setTypes] = useState<string[]>(Array.isArray(state?.types) ? (state.types as string[]) : []);
  const [results, setResults] = useState<SearchResults | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!asked.trim()) {
      setResults(undefined);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    rememberState({ q: asked, types });
    api<SearchResults>('GET', '/api/search', {
      query: { q: asked, limit: 100 },
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
  }, [asked, types]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(q.trim());
  };
  const counts = new Map<string, number>();
  for (const hit of results?.items ?? []) counts.set(hit.type, (counts.get(hit.type) ?? 0) + 1);
  const shown = (results?.items ?? []).filter((h) => types.length === 0 || types.includes(h.type));
  const toggle = (type: string) =>
    setTypes(types.includes(type) ? types.filter((x) => x !== type) : [...types, type]);
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
        <aside className="facets">
          <fieldset>
            <legend>{t('search.type')}</legend>
            {TYPES.map((type) => (
              <label key={type} className="facet">
                <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} />{' '}
                {label('collection', type)} <span className="count">{number(counts.get(type) ?? 0)}</span>
              </label>
            ))}
          </fieldset>
        </aside>
        <div className="results" aria-live="polite">
          {loading && <Loading />}
          {error !== undefined && <ErrorMessage error={error} />}
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
                          <Link to={`${PAGES[type]}/${hit.id}`}>{hit.title || hit.id}</Link>
                        ) : (
                          <strong>{hit.title}</strong>
                        )}
                        {hit.snippet && <Snippet hit={hit} />}
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
