import { openKeyRing } from '../store/crypto/key-ring.js';
import { type OpenOptions, openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { RecordStore } from '../store/record-store.js';
import { type AppContext, type AppSettings, DEFAULT_SETTINGS } from './context.js';

export interface OpenApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

export interface OpenAppOptions extends OpenOptions {
  /** The master key (32 bytes). Required: Vigil never runs without encryption. */
  key: Uint8Array;
  settings?: Partial<AppSettings>;
}

/**
 * Opens the database at `url`, brings its schema up to date, opens its data keys with the
 * master key (a wrong key throws KeyError before anything is written), and returns the context.
 */
export async function openApp(url: string, options: OpenAppOptions): Promise<OpenApp> {
  const handle = await openDatabase(url, options);
  try {
    await migrateToLatest(handle);
    const cipher = await openKeyRing(handle.db, options.key);
    const store = new RecordStore(handle, cipher);
    return {
      ctx: { store, settings: { ...DEFAULT_SETTINGS, ...options.settings } },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
