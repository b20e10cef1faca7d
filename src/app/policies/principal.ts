import type { Role } from '../../domain/roles.js';
import type { Actor } from '../context.js';

/** An authenticated account acting through a session or an API token. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  groupIds: string[];
  /** What the audit log records: "user:<id>" for sessions, "token:<id>" for API tokens. */
  actor: Actor;
  via: 'session' | 'token';
  /** The session's synchronizer token; cookie-authenticated unsafe requests must echo it. */
  csrfToken?: string;
  sessionId?: string;
}
