import type { Kysely, Migration } from 'kysely';
import { rebuildFacets } from '../facet-index.js';
import type { Database } from '../schema.js';

/**
 * Appeals known only by their registration date are dated by it in the facet index (until now
 * only the sending date counted): the appeals' index rows are built again.
 */
export function appealDatesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await rebuildFacets(db as Kysely<Database>, ['interventions']);
    },
  };
}
