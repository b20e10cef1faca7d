import type { CollectionName } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import { DEFAULT_FTM_DATASET } from '../../../store/ftm-id-rows.js';
import type { Actor, AppContext } from '../../context.js';
import type { AccessScope } from '../../policies/access-scope.js';
import type { FtmEntityReport } from './ftm-entity-reader.js';
import { ftmKeys, importEntities } from './ftm-import-mapping.js';
import { type FtmEntity, readableEntity } from './ftm-model.js';
import { recordsNamed } from './ftm-record-saver.js';

export interface FtmImportResult {
  /** One report per entity, in file order: what it became and what was left out, with why. */
  entities: FtmEntityReport[];
  created: Partial<Record<CollectionName, number>>;
  updated: Partial<Record<CollectionName, number>>;
  /** Entities that became no record (unknown schemata, links whose ends are missing, …). */
  skipped: number;
  /** Entities whose id names a record of another kind or name in the dataset, left as it was. */
  conflicts: number;
  /** The dataset whose ids were read: the same id from two datasets names two entities. */
  dataset: string;
  /** True when nothing was kept: the report says what the import would do. */
  dryRun: boolean;
}

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunDone {
  constructor(readonly tally: Awaited<ReturnType<typeof importEntities>>) {}
}

/** The dataset an import names, checked: a short label, not free text. */
function datasetOf(dataset: string | undefined): string {
  const name = dataset?.trim() || DEFAULT_FTM_DATASET;
  if (!/^[^\p{Cc}\p{Cs}]{1,100}$/u.test(name))
    throw invalid('the dataset is a name of at most 100 characters', [
      { path: '/dataset', message: 'at most 100 printable characters' },
    ]);
  return name;
}

/** Parses FollowTheMoney JSON lines; a bad line is reported with its number. */
export function parseFtmLines(content: string): FtmEntity[] {
  return content
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      try {
        const e = JSON.parse(line) as FtmEntity;
        if (
          typeof e.id !== 'string' ||
          !e.id ||
          typeof e.schema !== 'string' ||
          typeof e.properties !== 'object'
        )
          throw new Error();
        return e;
      } catch {
        throw invalid(`line ${n} is not a FollowTheMoney entity`, [
          { path: `/${n}`, message: 'expected {id, schema, properties}' },
        ]);
      }
    });
}

/** Ids of the stored records an import would update that the scope may not change. */
async function lockedRecords(ctx: AppContext, scope: AccessScope, dataset: string, keys: string[]) {
  const locked = new Set<string>();
  if (scope.seesAll) return locked;
  const named = await recordsNamed(ctx.store.handle.db, dataset, keys);
  for (const collection of new Set(named.map((r) => r.collection))) {
    const ids = named.filter((r) => r.collection === collection).map((r) => r.id);
    for (const [id, access] of await scope.accessTo(collection, ids)) if (!access.editable) locked.add(id);
  }
  return locked;
}

/**
 * Creates or updates Vigil records from FollowTheMoney entities (as the FollowTheMoney export
 * writes them, or from Aleph and other tools) in one transaction, each record with its audit
 * entry. Entities are read as the reference libraries read them: a value that does not fit the
 * model is left out and listed, an entity of a schema Vigil has no record for is reported as
 * skipped; only a line that is no entity at all refuses the file. A second import of the same
 * entities (ids of the same dataset) updates the records the first created. A dry run does all
 * of it in a transaction it then rolls back, so its report is the one the import would give.
 */
export async function importFtm({
  ctx,
  actor,
  content,
  dataset,
  dryRun = false,
  scope,
}: {
  ctx: AppContext;
  actor: Actor;
  content: string;
  dataset?: string;
  dryRun?: boolean;
  /** The signed-in actor's scope: records it may not change are left as they are and reported. */
  scope?: AccessScope;
}): Promise<FtmImportResult> {
  const name = datasetOf(dataset);
  const parsed = parseFtmLines(content);
  if (!parsed.length)
    throw invalid('the file holds no FollowTheMoney entities', [{ path: '/file', message: 'no entity' }]);
  const seen = new Set<string>();
  for (const [i, e] of parsed.entries()) {
    if (seen.has(e.id))
      throw invalid(`line ${i + 1} repeats the id of an earlier entity`, [
        { path: `/${i + 1}`, message: 'FollowTheMoney ids are unique in a file' },
      ]);
    seen.add(e.id);
  }
  const schemaOf = new Map(parsed.map((e) => [e.id, e.schema]));
  const reports = new Map<string, FtmEntityReport>();
  const readable: FtmEntity[] = [];
  for (const e of parsed) {
    const { entity, refused, dropped } = readableEntity(e, schemaOf);
    reports.set(e.id, { id: e.id, schema: e.schema, outcome: 'skipped', reason: refused, dropped });
    if (entity) readable.push(entity);
  }
  const locked = scope ? await lockedRecords(ctx, scope, name, ftmKeys(readable)) : new Set<string>();
  const tally = await ctx.store
    .write(actor.id, async (writer) => {
      const done = await importEntities(writer, readable, reports, name, locked);
      if (dryRun) throw new DryRunDone(done);
      return done;
    })
    .catch((err: unknown) => {
      if (err instanceof DryRunDone) return err.tally;
      throw err;
    });
  const entities = [...reports.values()];
  const count = (outcome: string) => entities.filter((r) => r.outcome === outcome).length;
  return {
    entities,
    ...tally,
    skipped: count('skipped'),
    conflicts: count('conflict'),
    dataset: name,
    dryRun,
  };
}
