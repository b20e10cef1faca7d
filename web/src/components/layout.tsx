import { type ReactNode, useEffect, useRef } from 'react';
import { LANGS, type Lang, useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', uk: 'Українська', en: 'English' };
const LANG_SHORT: Record<Lang, string> = { ru: 'RU', uk: 'UK', en: 'EN' };

/** A page for people without an account: the name and the language switch, no staff navigation. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public-top">
        <span className="brand">Vigil</span>
        <LanguageSwitch />
      </header>
      {children}
    </div>
  );
}

/** The language switch: remembered in this browser, applied at once. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('nav.language')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          title={LANG_NAMES[l]}
          onClick={() => setLang(l)}
        >
          <span aria-hidden="true">{LANG_SHORT[l]}</span>
          <span className="visually-hidden">{LANG_NAMES[l]}</span>
        </button>
      ))}
    </fieldset>
  );
}

/** Moves focus to the new page's content after a client-side navigation, as a page load would. */
function useFocusOnNavigate(path: string) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector('h1');
    if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus();
    } else main.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);
  return main;
}

/** The frame of every staff page: skip link, navigation by role, language, account. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, label } = useI18n();
  const { info, can, signOut } = useSession();
  const { path } = useLocation();
  const main = useFocusOnNavigate(path);
  const items: Array<{ to: string; label: string; show: boolean }> = [
    { to: '/', label: t('nav.dashboard'), show: Boolean(info) },
    { to: '/review', label: t('nav.review'), show: can('records.write') },
    { to: '/cases', label: t('nav.cases'), show: Boolean(info) },
    { to: '/search', label: t('nav.search'), show: can('search') },
    { to: '/map', label: t('nav.map'), show: can('map.read') },
    { to: '/inbox', label: t('nav.inbox'), show: can('intake.review') },
    { to: '/data', label: t('nav.data'), show: can('export') },
    { to: '/about', label: t('nav.about'), show: true },
  ];
  const isCurrent = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Vigil
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items
              .filter((i) => i.show)
              .map((i) => (
                <li key={i.to}>
                  <Link to={i.to} aria-current={isCurrent(i.to) ? 'page' : undefined}>
                    {i.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="top-tools">
          <LanguageSwitch />
          {info && (
            <div className="account">
              <span className="account-name">
                {info.user.username} <span className="role">({label('role', info.user.role)})</span>
              </span>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('action.signOut')}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
