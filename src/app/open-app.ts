import { type OpenOptions, openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { RecordStore } from '../store/record-store.js';
import type { AppContext } from './context.js';

export interface OpenApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

/** Opens the database at `url`, brings its schema up to date, and returns the app context. */
export async function openApp(url: string, options: OpenOptions = {}): Promise<OpenApp> {
  const handle = await openDatabase(url, options);
  try {
    await migrateToLatest(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const store = new RecordStore(handle);
  return { ctx: { store }, close: () => handle.close() };
}
