import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Page } from './page';

interface State {
  failed: boolean;
}

/**
 * Keeps the application usable when one page throws while rendering: the navigation stays, the
 * page says so in the reader's language and offers to try again. Keyed by the path where it is
 * used, so going to another page starts afresh. Nothing of the error (which may quote a record)
 * is shown or sent anywhere; the browser console keeps it for whoever debugs.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PageFailed retry={() => this.setState({ failed: false })} />;
  }
}

function PageFailed({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('crash.title')}>
      <p>{t('crash.text')}</p>
      <p>
        <button type="button" onClick={retry}>
          {t('crash.retry')}
        </button>
      </p>
    </Page>
  );
}
