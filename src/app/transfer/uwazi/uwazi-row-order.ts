import type { StoredRecord } from '../../../domain/collections.js';
import { UWAZI_FIELDS } from './uwazi-fields.js';
import type { UwaziTemplate } from './uwazi-templates.js';

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/**
 * The records of its own template a record links to (parents, related cases), or undefined when
 * the template has no such links and its rows may keep any order.
 */
export function selfLinks(template: UwaziTemplate): ((r: StoredRecord) => string[]) | undefined {
  const fields: string[] = [];
  let related = false;
  for (const map of Object.values(UWAZI_FIELDS[template.name])) {
    if (map.kind === 'ref' && map.fields[template.collection])
      fields.push(String(map.fields[template.collection]));
    if (map.kind === 'related') related = true;
  }
  if (!fields.length && !related) return undefined;
  return (r) => [
    ...fields.flatMap((f) => ids(r[f])),
    ...(related ? ((r.relatedCases ?? []) as Array<{ caseId: string }>).map((c) => c.caseId) : []),
  ];
}

/**
 * Records ordered so that each comes after the records of its own file it links to (a place after
 * the place it is part of, a case after the case it continues). Uwazi's CSV import looks a
 * relationship's titles up as it reads each row and creates an empty entity for a title it does
 * not find yet, so a link to a later row would leave a stub and then a duplicate. Records in a
 * cycle of links keep their order: no order can serve them all.
 */
export function linkedFirst(records: StoredRecord[], linksOf: (r: StoredRecord) => string[]): StoredRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: StoredRecord[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: StoredRecord) => {
    if (state.has(r.id)) return;
    state.set(r.id, 'visiting');
    for (const id of linksOf(r)) {
      const target = byId.get(id);
      if (target) visit(target);
    }
    state.set(r.id, 'done');
    out.push(r);
  };
  for (const r of records) visit(r);
  return out;
}
