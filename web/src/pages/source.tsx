import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import type { Source } from '../api/types';
import { Page, Section } from '../components/page';
import { Loaded } from '../components/status';
import { useI18n } from '../i18n/i18n';
import { useLocation } from '../lib/router';
import { useLoad } from '../lib/use-api';

interface Claim {
  id: string;
  span: { start: number; end: number };
}

/** A source and its text; arriving from a fact, the words that state it are marked and shown. */
export function SourcePage({ id }: { id: string }) {
  const { t, label, date } = useI18n();
  const { state } = useLocation();
  const claimId = typeof state?.claimId === 'string' ? state.claimId : undefined;
  const load = useLoad(
    async (signal) => ({
      source: await api<Source>('GET', `/api/sources/${id}`, { signal }),
      claim: claimId ? await api<Claim>('GET', `/api/claims/${claimId}`, { signal }) : undefined,
    }),
    [id, claimId],
  );
  const mark = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mark exists once the data is shown
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [load.data]);
  return (
    <Loaded load={load}>
      {({ source, claim }) => {
        const text = source.text;
        const span = claim && text && claim.span.end <= text.length ? claim.span : undefined;
        return (
          <Page title={source.title ?? source.outlet ?? t('source.untitled')}>
            <dl className="facts inline">
              <div>
                <dt>{t('source.kind')}</dt>
                <dd>{label('sourceKind', source.kind)}</dd>
              </div>
              {source.outlet && (
                <div>
                  <dt>{t('source.outlet')}</dt>
                  <dd>{source.outlet}</dd>
                </div>
              )}
              {source.published && (
                <div>
                  <dt>{t('source.published')}</dt>
                  <dd>{date(source.published)}</dd>
                </div>
              )}
              {source.reliability && (
                <div>
                  <dt>{t('source.reliability')}</dt>
                  <dd>{source.reliability}</dd>
                </div>
              )}
              {source.url && (
                <div>
                  <dt>{t('source.url')}</dt>
                  <dd>
                    <a href={source.url} rel="noreferrer noopener" target="_blank">
                      {source.url}
                    </a>
                  </dd>
                </div>
              )}
            </dl>
            <Section title={t('draft.sourceText')} id="text">
              {typeof text !== 'string' ? (
                <p>{t('draft.noTextShown')}</p>
              ) : (
                <div className="source-text">
                  {span ? (
                    <>
                      {text.slice(0, span.start)}
                      <mark className="hl selected" ref={mark}>
                        {text.slice(span.start, span.end)}
                      </mark>
                      {text.slice(span.end)}
                    </>
                  ) : (
                    text
                  )}
                </div>
              )}
            </Section>
          </Page>
        );
      }}
    </Loaded>
  );
}
