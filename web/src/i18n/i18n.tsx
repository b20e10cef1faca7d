import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import en from './en.json';
import { formatMessage } from './message-format';

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'ru' | 'uk';
export const LANGS: Lang[] = ['ru', 'uk', 'en'];
type Catalog = Record<string, string>;
/** English is built in (it is also the fallback); the others are fetched when chosen, one per visit. */
const loaded: Partial<Record<Lang, Catalog>> = { en };
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Catalog }>> = {
  ru: () => import('./ru.json'),
  uk: () => import('./uk.json'),
};

function loadCatalog(lang: Lang): Promise<Catalog> {
  const ready = loaded[lang];
  if (ready) return Promise.resolve(ready);
  return LOADERS[lang as Exclude<Lang, 'en'>]().then(
    (m) => {
      loaded[lang] = m.default;
      return m.default;
    },
    // A catalogue that cannot be fetched leaves the interface usable, in English, until reload.
    () => en,
  );
}
const STORAGE_KEY = 'vigil.lang';
const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ru' || saved === 'uk') return saved;
  } catch {
    // storage may be disabled: fall back to the browser's language
  }
  const browser = navigator.language.slice(0, 2);
  return browser === 'ru' || browser === 'uk' ? browser : 'en';
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The message for a key, with {name} placeholders and {n, plural, …} forms filled in. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** A label from a vocabulary ("act.beating"), or the raw value when the catalogue lacks it. */
  label: (group: string, value: string) => string;
  /** A date known to the day, month or year ("2022", "2022-10", "2022-10-12"), or a timestamp. */
  date: (value: string | null | undefined) => string;
  dateTime: (value: string) => string;
  number: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Formats a partial ISO date at the precision it has, in the chosen locale. */
function formatDate(locale: string, value: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (mo) options.month = d ? 'short' : 'long';
  if (d) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/**
 * Provides the chosen language to the whole interface; remembers the choice and sets <html lang>.
 * A language switches once its catalogue is there, so no page shows half in the old language.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [{ lang, catalog }, setShown] = useState<{ lang: Lang; catalog: Catalog | undefined }>(() => {
    const first = initialLang();
    return { lang: first, catalog: loaded[first] };
  });
  useEffect(() => {
    document.documentElement.lang = lang;
    if (!catalog) void loadCatalog(lang).then((c) => setShown({ lang, catalog: c }));
  }, [lang, catalog]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, but still switched
    }
    void loadCatalog(next).then((c) => setShown({ lang: next, catalog: c }));
  }, []);
  const value = useMemo<I18n | null>(() => {
    if (!catalog) return null;
    const locale = LOCALES[lang];
    const numbers = new Intl.NumberFormat(locale);
    const times = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const plurals = new Intl.PluralRules(locale);
    const t = (key: MessageKey, vars?: Record<string, string | number>) => {
      const text = catalog[key] ?? en[key] ?? key;
      return vars ? formatMessage(text, vars, plurals, numbers) : text;
    };
    return {
      lang,
      setLang,
      t,
      label: (group, value) => catalog[`${group}.${value}`] ?? value.replace(/_/g, ' '),
      date: (v) => (v ? formatDate(locale, v) : ''),
      dateTime: (v) => times.format(new Date(v)),
      number: (n) => numbers.format(n),
    };
  }, [lang, catalog, setLang]);
  // The first paint waits for the chosen catalogue (one small request, started with the app).
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language and its formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
