import { lazy, type ReactNode, Suspense } from 'react';
import { PageErrorBoundary } from './components/error-boundary';
import { Layout } from './components/layout';
import { Loading } from './components/status';
import { I18nProvider } from './i18n/i18n';
import { match, useLocation } from './lib/router';
import { SessionProvider, useSession } from './lib/session';
import { AboutPage } from './pages/about';
import { DashboardPage } from './pages/dashboard';
import { NotFoundPage } from './pages/not-found';
import { SignInPage } from './pages/sign-in';

// Heavier pages load on first visit, so the first screen stays small.
const ReviewPage = lazy(() => import('./pages/review').then((m) => ({ default: m.ReviewPage })));
const DraftPage = lazy(() => import('./pages/draft').then((m) => ({ default: m.DraftPage })));
const CasesPage = lazy(() => import('./pages/cases').then((m) => ({ default: m.CasesPage })));
const NewCasePage = lazy(() => import('./pages/case-new').then((m) => ({ default: m.NewCasePage })));
const CasePage = lazy(() => import('./pages/case').then((m) => ({ default: m.CasePage })));
const SourcePage = lazy(() => import('./pages/source').then((m) => ({ default: m.SourcePage })));
const PersonPage = lazy(() => import('./pages/person').then((m) => ({ default: m.PersonPage })));
const SearchPage = lazy(() => import('./pages/search').then((m) => ({ default: m.SearchPage })));
const MapPage = lazy(() => import('./pages/map').then((m) => ({ default: m.MapPage })));
const InboxPage = lazy(() => import('./pages/inbox').then((m) => ({ default: m.InboxPage })));
const DataPage = lazy(() => import('./pages/data').then((m) => ({ default: m.DataPage })));
const TableImportPage = lazy(() =>
  import('./pages/table-import').then((m) => ({ default: m.TableImportPage })),
);
const IntakePage = lazy(() => import('./pages/intake').then((m) => ({ default: m.IntakePage })));
const PublicDataPage = lazy(() => import('./pages/public-data').then((m) => ({ default: m.PublicDataPage })));

type Route = { pattern: string; render: (params: Record<string, string>) => ReactNode; open?: boolean };

/** Client routes. Paths carry record ids only: names and search terms never reach the address bar. */
const ROUTES: Route[] = [
  { pattern: '/', render: () => <DashboardPage /> },
  { pattern: '/review', render: () => <ReviewPage /> },
  { pattern: '/review/:draftId', render: (p) => <DraftPage draftId={p.draftId} /> },
  { pattern: '/cases', render: () => <CasesPage /> },
  { pattern: '/cases/new', render: () => <NewCasePage /> },
  { pattern: '/cases/:id', render: (p) => <CasePage id={p.id} /> },
  { pattern: '/persons/:id', render: (p) => <PersonPage id={p.id} /> },
  { pattern: '/sources/:id', render: (p) => <SourcePage id={p.id} /> },
  { pattern: '/search', render: () => <SearchPage /> },
  { pattern: '/map', render: () => <MapPage /> },
  { pattern: '/inbox', render: () => <InboxPage /> },
  { pattern: '/data', render: () => <DataPage /> },
  { pattern: '/data/import', render: () => <TableImportPage /> },
  { pattern: '/about', render: () => <AboutPage />, open: true },
  { pattern: '/sign-in', render: () => <SignInPage />, open: true },
];

function Routes() {
  const { path } = useLocation();
  const { info } = useSession();
  // The public form and the public data stand alone: no staff navigation, nothing that needs an account.
  const standalone = match('/report', path) ? (
    <IntakePage />
  ) : match('/public', path) ? (
    <PublicDataPage />
  ) : null;
  if (standalone)
    return (
      <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>{standalone}</Suspense>
      </PageErrorBoundary>
    );
  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const r of ROUTES) {
    const found = match(r.pattern, path);
    if (found) {
      route = r;
      params = found;
      break;
    }
  }
  let content: ReactNode;
  if (info === undefined) content = <Loading />;
  else if (!route) content = <NotFoundPage />;
  else if (!info && !route.open) content = <SignInPage />;
  else content = route.render(params);
  return (
    <Layout>
      <PageErrorBoundary key={path}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}

/** The web application: language, session, routes. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </I18nProvider>
  );
}
