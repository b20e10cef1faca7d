import type { CollectionName } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import type { Actor, AppContext } from '../../context.js';
import { createFromEntities } from './ftm-import-mapping.js';
import { type FtmEntity, ftmProblems } from './ftm-model.js';

export interface FtmImportResult {
  created: Partial<Record<CollectionName, number>>;
  /** Links and statements left out because an end is missing or cannot be placed. */
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
        if (typeof e.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object')
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
 * Creates Vigil records from FollowTheMoney entities (as the FollowTheMoney export writes them,
 * or from other FollowTheMoney tools), all or nothing in one transaction, each record with its
 * audit entry. The whole file is checked against the model first.
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
  const entities = parseFtmLines(content);
  const problems = ftmProblems(entities);
  if (problems.length)
    throw invalid(
      `the file does not fit the FollowTheMoney model: ${problems[0]}`,
      problems.slice(0, 50).map((message) => ({ path: '/', message })),
    );
  return ctx.store.write(actor.id, (writer) => createFromEntities(writer, entities));
}
