import type { CliCommandEntry } from '../command.js';

/**
 * Every `vigil` sub-command; the dispatcher picks the one whose path matches the arguments and
 * imports only its module, so `vigil extract` starts without loading the server or the store.
 */
export const commands: CliCommandEntry[] = [
  {
    path: ['serve'],
    summary: 'run the server and web application',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    path: ['init'],
    summary: 'create the database and the first admin',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    path: ['extract'],
    summary: 'print the structured extraction of one report (text, HTML, PDF, photo or scan) as JSON',
    load: async () => (await import('./extract.js')).extractCommand,
  },
  {
    path: ['ingest'],
    summary: 'store report files as sources and make their extraction drafts',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    path: ['worker'],
    summary: 'process ingestion jobs (extraction drafts) and table import jobs until interrupted',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    path: ['audit', 'verify'],
    summary: 'check the audit chain, and every record against it',
    load: async () => (await import('./audit-verify.js')).auditVerifyCommand,
  },
  {
    path: ['audit', 'anchor'],
    summary: 'print the audit chain head to record off-site',
    load: async () => (await import('./audit-verify.js')).auditAnchorCommand,
  },
  {
    path: ['due'],
    summary: 'appeals overdue or due soon',
    load: async () => (await import('./due.js')).dueCommand,
  },
  {
    path: ['export'],
    summary: 'export data (JSON, CSV, zip, GeoJSON, FollowTheMoney, Uwazi; public redacted formats)',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    path: ['import'],
    summary: 'restore a full JSON export, or import FollowTheMoney entities or Uwazi CSV',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    path: ['import-table'],
    summary: 'import a spreadsheet (CSV or .xlsx) of persons through a column mapping',
    load: async () => (await import('./import-table.js')).importTableCommand,
  },
  {
    path: ['import-telegram'],
    summary: 'import a Telegram Desktop chat export (JSON, a folder or a zip) as sources',
    load: async () => (await import('./import-telegram.js')).importTelegramCommand,
  },
  {
    path: ['user', 'add'],
    summary: 'create a user',
    load: async () => (await import('./user.js')).userAddCommand,
  },
  {
    path: ['user', 'disable'],
    summary: 'disable a user, ending its sessions and API tokens',
    load: async () => (await import('./user.js')).userDisableCommand,
  },
  {
    path: ['user', 'reset'],
    summary: "set a user's password, re-enable it and lift a lockout",
    load: async () => (await import('./user.js')).userResetCommand,
  },
  {
    path: ['user', 'token'],
    summary: 'create an API token for a user (printed once)',
    load: async () => (await import('./user.js')).userTokenCommand,
  },
  {
    path: ['user', 'tokens'],
    summary: "list a user's API tokens, or revoke one",
    load: async () => (await import('./user.js')).userTokensCommand,
  },
  {
    path: ['key', 'generate'],
    summary: 'make a new encryption key file',
    load: async () => (await import('./key.js')).keyGenerateCommand,
  },
  {
    path: ['key', 'rotate'],
    summary: 'move the database to a new encryption key',
    load: async () => (await import('./key.js')).keyRotateCommand,
  },
  {
    path: ['backup'],
    summary: 'write a consistent online backup of the whole database',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    path: ['restore'],
    summary: 'restore a backup into an empty database, refusing a damaged one',
    load: async () => (await import('./backup.js')).restoreCommand,
  },
];
