import type { CollectionName } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor, AppContext } from '../../context.js';
import type { FtmEntityReport } from './ftm-entity-reader.js';
import { importEntities } from './ftm-import-mapping.js';
import { type FtmEntity, readableEntity } from './ftm-model.js';

export interface FtmImportResult {
  /** One report per entity, in file order: what it became and what was left out, with why. */
  entities: FtmEntityReport[];
  created: Partial<Record<CollectionName, number>>;
  updated: Partial<Record<CollectionName, number>>;
  /** Entities that became no record (unknown schemata, links whose ends are missing, …). */
  skipped: number;
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

/**
 * Creates or updates Vigil records from FollowTheMoney entities (as the FollowTheMoney export
 * writes them, or from Aleph and other tools) in one transaction, each record with its audit
 * entry. Entities are read as the reference libraries read them: a value that does not fit the
 * model is left out and listed, an entity of a schema Vigil has no record for is reported as
 * skipped; only a line that is no entity at all refuses the file. A second import of the same
 * entities updates the records the first created.
 */
export async function importFtm({
  ctx,
  actor,
  content,
}: {
  ctx: AppContext;
  actor: Actor;
  content: string;
}): Promise<FtmImportResult> {
  const parsed = parseFtmLines(content);
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
  const tally = await ctx.store.write(actor.id, (writer) => importEntities(writer, readable, reports));
  const entities = [...reports.values()];
  return { entities, ...tally, skipped: entities.filter((r) => r.outcome === 'skipped').length };
}
