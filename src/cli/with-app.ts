import { type AppOptions, type OpenApp, openApp } from '../app/open-app.js';
import type { Config } from '../config.js';

/** The app options a command's configuration implies (job queue timing). */
export function appOptionsOf(config: Config): AppOptions {
  return { jobExpireSeconds: config.jobExpireSeconds, jobMaintenanceSeconds: config.jobMaintenanceSeconds };
}

/** Opens the app on `db` for the length of one command and always closes it. */
export async function withApp<T>(
  db: string,
  work: (app: OpenApp) => Promise<T>,
  options: AppOptions = {},
): Promise<T> {
  const app = await openApp(db, options);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
