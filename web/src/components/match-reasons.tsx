import { useI18n } from '../i18n/i18n';

/**
 * Why a stored record may be the one meant: each reason by its translated name. The server's
 * detail is English, so it is shown beside the name only in the English interface.
 */
export function MatchReasons({ reasons }: { reasons: Array<{ code: string; detail: string }> }) {
  const { label, lang } = useI18n();
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r.code + r.detail}>
          {label('reason', r.code)}
          {lang === 'en' && <span className="muted"> ({r.detail})</span>}
        </li>
      ))}
    </ul>
  );
}
