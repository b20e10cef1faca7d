import { randomBytes } from 'node:crypto';
import type { AppSettings } from '../app/context.js';

/** One master key per test run: tests and the `vigil` processes they spawn share it. */
export const TEST_KEY_B64 = process.env.VIGIL_TEST_KEY ?? randomBytes(32).toString('base64');
process.env.VIGIL_TEST_KEY = TEST_KEY_B64;
export const TEST_KEY = new Uint8Array(Buffer.from(TEST_KEY_B64, 'base64'));

/** Cheap argon2id for tests only; production refuses these values (see config.ts). */
export const TEST_SETTINGS: Partial<AppSettings> = { password: { memoryKiB: 64, passes: 1, lanes: 1 } };

/** Environment for spawned `vigil` processes: the test key and cheap hashing. */
export const TEST_ENV: NodeJS.ProcessEnv = {
  VIGIL_KEY: TEST_KEY_B64,
  VIGIL_TEST_WEAK_HASHING: '1',
  VIGIL_ARGON2_MEMORY_KIB: '64',
  VIGIL_ARGON2_PASSES: '1',
};
