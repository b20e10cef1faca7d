import { useCallback, useState } from 'react';

/** The state of one write the user started: busy while it runs, and its error if it failed. */
export interface Action {
  busy: boolean;
  error: unknown;
  /** Runs the write; resolves to its result, or undefined when it failed (the error is kept). */
  run: <T>(write: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

/** One write at a time, with its error kept for the form to show. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async <T>(write: () => Promise<T>) => {
    setBusy(true);
    setError(undefined);
    try {
      return await write();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { busy, error, run, clear };
}
