import { type OpenApp, openApp } from '../app/open-app.js';
import type { Config } from '../config.js';
import { loadMasterKey } from '../store/crypto/master-key.js';

/** Opens the app for a command: the database, its key (or KeyError), the settings and job timing from config. */
export function openConfiguredApp(config: Config, env: NodeJS.ProcessEnv): Promise<OpenApp> {
  return openApp(config.db, {
    key: loadMasterKey({ keyFile: config.keyFile }, env),
    settings: {
      publicMinCount: config.publicMinCount,
      password: { memoryKiB: config.argon2MemoryKiB, passes: config.argon2Passes, lanes: 1 },
    },
    jobExpireSeconds: config.jobExpireSeconds,
    jobMaintenanceSeconds: config.jobMaintenanceSeconds,
  });
}

/** Opens the app for the length of one command and always closes it. */
export async function withApp<T>(
  config: Config,
  env: NodeJS.ProcessEnv,
  work: (app: OpenApp) => Promise<T>,
): Promise<T> {
  const app = await openConfiguredApp(config, env);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
