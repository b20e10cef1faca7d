import type { CliCommand } from '../command.js';
import { auditAnchorCommand, auditVerifyCommand } from './audit-verify.js';
import { backupCommand, restoreCommand } from './backup.js';
import { dueCommand } from './due.js';
import { exportCommand } from './export.js';
import { extractCommand } from './extract.js';
import { importCommand } from './import.js';
import { importTableCommand } from './import-table.js';
import { importTelegramCommand } from './import-telegram.js';
import { ingestCommand } from './ingest.js';
import { initCommand } from './init.js';
import { keyGenerateCommand, keyRotateCommand } from './key.js';
import { serveCommand } from './serve.js';
import {
  userAddCommand,
  userDisableCommand,
  userResetCommand,
  userTokenCommand,
  userTokensCommand,
} from './user.js';
import { workerCommand } from './worker.js';

/** Every `vigil` sub-command; the dispatcher picks the one whose path matches the arguments. */
export const commands: CliCommand[] = [
  serveCommand,
  initCommand,
  extractCommand,
  ingestCommand,
  workerCommand,
  auditVerifyCommand,
  auditAnchorCommand,
  dueCommand,
  exportCommand,
  importCommand,
  importTableCommand,
  importTelegramCommand,
  userAddCommand,
  userDisableCommand,
  userResetCommand,
  userTokenCommand,
  userTokensCommand,
  keyGenerateCommand,
  keyRotateCommand,
  backupCommand,
  restoreCommand,
];
