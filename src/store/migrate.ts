import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { type DatabaseHandle, type Engine, withSchemaChangeLock } from './database.js';
import { initialMigration } from './migrations/0001-initial.js';
import { accountsMigration } from './migrations/0002-accounts.js';
import { ingestMigration } from './migrations/0003-ingest.js';
import { tableImportMigration } from './migrations/0004-table-import.js';
import { searchFacetsMigration } from './migrations/0005-search-facets.js';
import { sourceSensitivityMigration } from './migrations/0006-source-sensitivity.js';
import { appealDatesMigration } from './migrations/0007-appeal-dates.js';
import { sourceCopiesMigration } from './migrations/0008-source-copies.js';
import { tokenExpiryLockoutCounterMigration } from './migrations/0009-token-expiry-lockout-counter.js';
import { keyedAuditChainMigration } from './migrations/0010-keyed-audit-chain.js';
import { personGroupsMigration } from './migrations/0011-person-groups.js';
import { ocrPagesMigration } from './migrations/0013-ocr-pages.js';
import { ftmIdsMigration } from './migrations/0014-ftm-ids.js';
import { telegramMessagesMigration } from './migrations/0015-telegram-messages.js';
import { ftmDatasetsMigration } from './migrations/0016-ftm-datasets.js';
import { rateWindowsMigration } from './migrations/0017-rate-windows.js';
import { importJobTablesMigration } from './migrations/0018-import-job-table-import-jobs.js';
import { importJobPlansMigration } from './migrations/0019-import-job-plans.js';

/** The ordered, versioned migrations; one set for both engines. Never edit a released one. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(engine),
    '0002-accounts': accountsMigration(),
    '0003-ingest': ingestMigration(engine),
    '0004-table-import': tableImportMigration(),
    '0005-search-facets': searchFacetsMigration(),
    '0006-source-sensitivity': sourceSensitivityMigration(),
    '0007-appeal-dates': appealDatesMigration(),
    '0008-source-copies': sourceCopiesMigration(engine),
    '0009-token-expiry-lockout-counter': tokenExpiryLockoutCounterMigration(),
    '0010-keyed-audit-chain': keyedAuditChainMigration(),
    '0011-person-groups': personGroupsMigration(),
    '0013-ocr-pages': ocrPagesMigration(),
    '0014-ftm-ids': ftmIdsMigration(),
    '0015-telegram-messages': telegramMessagesMigration(),
    '0016-ftm-datasets': ftmDatasetsMigration(),
    '0017-rate-windows': rateWindowsMigration(),
    '0018-import-job-table-import-jobs': importJobTablesMigration(),
    '0019-import-job-plans': importJobPlansMigration(),
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations() {
    return migrations(this.engine);
  }
}

/** Brings the database to the latest schema; each migration runs in its own transaction. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Name the schema: otherwise Kysely finds its bookkeeping tables in any schema of the database.
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.engine),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } =
    handle.engine === 'postgres'
      ? await withSchemaChangeLock(handle, () => migrator.migrateToLatest())
      : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
