import type { RecordStore } from '../store/record-store.js';

/** Who is acting: recorded in the audit log with every write. */
export interface Actor {
  /** Stable identifier: "user:<id>", "token:<id>", "cli:<os user>", "system". */
  id: string;
}

/** What every use case needs; built once at start by the CLI or the server. */
export interface AppContext {
  store: RecordStore;
  /** IANA zone in which deadlines are judged (VIGIL_TZ); Europe/Moscow when absent. */
  timeZone?: string;
  /** The clock, replaceable in tests; the system clock when absent. */
  now?: () => Date;
}
