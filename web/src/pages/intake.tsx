import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import { PublicShell } from '../components/layout';
import { ErrorMessage } from '../components/status';
import { useI18n } from '../i18n/i18n';

/** The limits POST /api/intake applies, shown next to each field. */
const LIMITS = {
  personName: 300,
  lastKnownPlace: 500,
  unit: 500,
  whatHappened: 20_000,
  contact: 300,
  phone: 100,
};

type Fields = {
  personName: string;
  birthDate: string;
  lastKnownPlace: string;
  unit: string;
  whatHappened: string;
  contactName: string;
  phone: string;
  email: string;
  messenger: string;
  website: string;
};
const EMPTY: Fields = {
  personName: '',
  birthDate: '',
  lastKnownPlace: '',
  unit: '',
  whatHappened: '',
  contactName: '',
  phone: '',
  email: '',
  messenger: '',
  website: '',
};

/**
 * The public form for relatives: no account, nothing echoed back. Every field goes to the
 * encrypted intake store and lands in the reviewers' inbox.
 */
export function IntakePage() {
  const { t } = useI18n();
  const [f, setF] = useState<Fields>(EMPTY);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [receipt, setReceipt] = useState<string | undefined>(undefined);
  useEffect(() => {
    document.title = `${t('intake.title')} — Vigil`;
  }, [t]);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const trimmed = (v: string) => v.trim() || undefined;
    const contact = {
      name: trimmed(f.contactName),
      phone: trimmed(f.phone),
      email: trimmed(f.email),
      messenger: trimmed(f.messenger),
    };
    try {
      const r = await api<{ id: string }>('POST', '/api/intake', {
        body: {
          personName: f.personName.trim(),
          birthDate: trimmed(f.birthDate),
          lastKnownPlace: trimmed(f.lastKnownPlace),
          unit: trimmed(f.unit),
          whatHappened: f.whatHappened.trim(),
          contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v)),
          consent: true,
          ...(f.website ? { website: f.website } : {}),
        },
      });
      setReceipt(r.id);
      setF(EMPTY);
      setConsent(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const counter = (value: string, max: number) => (
    <span className="hint">{t('intake.chars', { n: value.length, max })}</span>
  );
  return (
    <PublicShell>
      <main id="main" className="intake">
        <h1>{t('intake.title')}</h1>
        {receipt ? (
          <div className="card success" role="status">
            <h2>{t('intake.thanks')}</h2>
            <p>{t('intake.thanksText')}</p>
            <p>
              {t('intake.reference')} <code>{receipt.slice(-8)}</code>
            </p>
            <button type="button" onClick={() => setReceipt(undefined)}>
              {t('intake.another')}
            </button>
          </div>
        ) : (
          <form className="stack" onSubmit={submit} noValidate={false}>
            <p>{t('intake.intro')}</p>
            <p className="notice">{t('intake.safety')}</p>
            <fieldset>
              <legend>{t('intake.who')}</legend>
              <div className="field">
                <label htmlFor="in-name">
                  {t('intake.personName')} <span className="required">{t('form.required')}</span>
                </label>
                <input
                  id="in-name"
                  required
                  maxLength={LIMITS.personName}
                  autoComplete="off"
                  value={f.personName}
                  onChange={set('personName')}
                />
              </div>
              <div className="field">
                <label htmlFor="in-birth">{t('intake.birthDate')}</label>
                <input
                  id="in-birth"
                  inputMode="numeric"
                  pattern="\d{4}(-\d{2}(-\d{2})?)?"
                  placeholder={t('intake.birthDatePlaceholder')}
                  aria-describedby="in-birth-hint"
                  value={f.birthDate}
                  onChange={set('birthDate')}
                />
                <span className="hint" id="in-birth-hint">
                  {t('intake.birthDateHint')}
                </span>
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('intake.where')}</legend>
              <div className="field">
                <label htmlFor="in-place">{t('intake.lastKnownPlace')}</label>
                <input
                  id="in-place"
                  maxLength={LIMITS.lastKnownPlace}
                  value={f.lastKnownPlace}
                  onChange={set('lastKnownPlace')}
                />
              </div>
              <div className="field">
                <label htmlFor="in-unit">{t('intake.unit')}</label>
                <input id="in-unit" maxLength={LIMITS.unit} value={f.unit} onChange={set('unit')} />
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="in-what">
                {t('intake.whatHappened')} <span className="required">{t('form.required')}</span>
              </label>
              <textarea
                id="in-what"
                rows={8}
                required
                maxLength={LIMITS.whatHappened}
                aria-describedby="in-what-count"
                value={f.whatHappened}
                onChange={set('whatHappened')}
              />
              <span id="in-what-count">{counter(f.whatHappened, LIMITS.whatHappened)}</span>
            </div>
            <fieldset>
              <legend>{t('intake.contact')}</legend>
              <p className="hint">{t('intake.contactHint')}</p>
              <div className="field">
                <label htmlFor="in-cname">{t('intake.contactName')}</label>
                <input
                  id="in-cname"
                  maxLength={LIMITS.contact}
                  autoComplete="name"
                  value={f.contactName}
                  onChange={set('contactName')}
                />
              </div>
              <div className="field">
                <label htmlFor="in-phone">{t('intake.phone')}</label>
                <input
                  id="in-phone"
                  type="tel"
                  maxLength={LIMITS.phone}
                  autoComplete="tel"
                  value={f.phone}
                  onChange={set('phone')}
                />
              </div>
              <div className="field">
                <label htmlFor="in-email">{t('intake.email')}</label>
                <input
                  id="in-email"
                  type="email"
                  maxLength={LIMITS.contact}
                  autoComplete="email"
                  value={f.email}
                  onChange={set('email')}
                />
              </div>
              <div className="field">
                <label htmlFor="in-messenger">{t('intake.messenger')}</label>
                <input
                  id="in-messenger"
                  maxLength={LIMITS.contact}
                  value={f.messenger}
                  onChange={set('messenger')}
                />
              </div>
            </fieldset>
            {/* A trap for robots: out of sight and out of the accessibility tree; people never fill it. */}
            <div className="trap" aria-hidden="true">
              <label htmlFor="in-website">Website</label>
              <input
                id="in-website"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={f.website}
                onChange={set('website')}
              />
            </div>
            <div className="field check">
              <input
                id="in-consent"
                type="checkbox"
                required
                checked={consent}
                onChange={(e) => setConsent(e.target.checked)}
              />
              <label htmlFor="in-consent">{t('intake.consent')}</label>
            </div>
            {error !== undefined && <ErrorMessage error={error} />}
            <button type="submit" className="primary big" disabled={busy}>
              {busy ? t('status.working') : t('intake.submit')}
            </button>
          </form>
        )}
      </main>
    </PublicShell>
  );
}
