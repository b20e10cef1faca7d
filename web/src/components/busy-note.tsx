import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A long request running: what it does, how long it has taken so far (the server sends no
 * progress, so no percentage is made up), and a way to stop waiting. The seconds are not
 * announced one by one: only the text, once.
 */
export function BusyNote({ text, onCancel }: { text: string; onCancel?: () => void }) {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="card busy-note">
      <p role="status">{text}</p>
      <progress aria-label={text} />
      <p className="muted" aria-hidden="true">
        {t('status.elapsed', { n: seconds })}
      </p>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('status.stopWaiting')}
        </button>
      )}
    </div>
  );
}
