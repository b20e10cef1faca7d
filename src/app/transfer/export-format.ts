import { COLLECTION_NAMES, type CollectionName } from '../../domain/collections.js';

export const EXPORT_FORMAT = 'vigil-full-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Collections in the order an import restores them: a record's references point to records
 * restored earlier, except self-references, which are checked once everything is in.
 */
export const RESTORE_ORDER: CollectionName[] = [
  'sources',
  'places',
  'organizations',
  'persons',
  'person_groups',
  'cases',
  'acts',
  'interventions',
  'involvements',
  'claims',
];

// Every collection must be exported and restored; a new one added without an order fails here.
if (
  RESTORE_ORDER.length !== COLLECTION_NAMES.length ||
  !COLLECTION_NAMES.every((n) => RESTORE_ORDER.includes(n))
) {
  throw new Error('RESTORE_ORDER must list every collection exactly once');
}
