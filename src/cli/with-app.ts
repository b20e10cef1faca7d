import { type OpenApp, openApp } from '../app/open-app.js';

/** Opens the app on `db` for the length of one command and always closes it. */
export async function withApp<T>(db: string, work: (app: OpenApp) => Promise<T>): Promise<T> {
  const app = await openApp(db);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
