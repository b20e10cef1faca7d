import type { CollectionName, StoredRecord } from '../../../domain/collections.js';
import { invalid } from '../../../domain/errors.js';
import { LANGUAGES } from '../../../domain/vocabularies.js';
import type { PlannedRow, Target } from './uwazi-import-plan.js';

type Fields = Record<string, unknown>;
interface NameVariant {
  value: string;
  lang?: string;
}
interface StatusEntry {
  status: string;
  date?: string;
}

/** Fields a new record needs that an Uwazi row may leave empty: the safest value of each. */
const DEFAULTS: Partial<Record<CollectionName, Fields>> = {
  places: { kind: 'other' },
  organizations: { kind: 'other' },
  sources: { kind: 'document' },
  cases: { status: 'open', confidentiality: 'restricted' },
  acts: { status: 'alleged' },
};

/** Fields that point to records of the row's own collection: set once every row of it exists. */
const SELF_FIELDS = new Set(['parentPlaceId', 'parentId', 'relatedCases']);

function names(plan: PlannedRow, before: StoredRecord | undefined): NameVariant[] {
  const prior = (before?.names ?? []) as NameVariant[];
  const others = plan.otherNames ?? prior.slice(1).map((n) => n.value);
  const wanted: NameVariant[] = [
    { value: plan.row.title },
    ...others.map((value) => ({ value })),
    ...plan.row.titles,
  ];
  const out: NameVariant[] = [];
  for (const name of wanted) {
    if (out.some((n) => n.value === name.value)) continue;
    const known = prior.find((n) => n.value === name.value);
    const lang = (LANGUAGES as readonly string[]).includes(name.lang ?? '') ? name.lang : undefined;
    out.push(known ?? (lang ? { value: name.value, lang } : { value: name.value }));
  }
  return out;
}

function statusHistory(plan: PlannedRow, before: StoredRecord | undefined): StatusEntry[] | undefined {
  const prior = (before?.statusHistory ?? []) as StatusEntry[];
  if (plan.history) {
    // Entries Vigil already holds keep their source and note.
    return plan.history.map((e) => prior.find((p) => p.status === e.status && p.date === e.date) ?? e);
  }
  if (plan.status && prior[prior.length - 1]?.status !== plan.status)
    return [...prior, { status: plan.status }];
  return undefined;
}

/**
 * The fields a planned row sets on its record: its columns, its title as the record's name, and
 * its links to records outside its own collection; `undefined` clears a field. Links within the
 * collection (parents, related cases) are left to `selfLinkFields`, once every row exists.
 */
export function rowFields(
  plan: PlannedRow,
  before: StoredRecord | undefined,
  idOf: (t: Target) => string,
): Fields {
  const fields: Fields = { ...plan.set };
  const title = plan.row.title;
  if (plan.collection === 'persons') {
    fields.names = names(plan, before);
    const history = statusHistory(plan, before);
    if (history) fields.statusHistory = history.length ? history : undefined;
  } else if (plan.collection === 'places' || plan.collection === 'organizations') {
    fields.name = title;
    if (plan.otherNames || plan.row.titles.length) {
      const others = [
        ...(plan.otherNames ?? (before?.otherNames as string[]) ?? []),
        ...plan.row.titles.map((t) => t.value),
      ];
      const unique = [...new Set(others)].filter((n) => n !== title);
      fields.otherNames = unique.length ? unique : undefined;
    }
  } else if (plan.collection === 'sources' || plan.collection === 'cases') fields.title = title;
  for (const link of plan.links) {
    if (link.map.kind !== 'ref') continue;
    for (const [collection, field] of Object.entries(link.map.fields)) {
      if (SELF_FIELDS.has(field)) continue;
      const ids = link.targets.filter((t) => t.collection === collection).map((t) => idOf(t.target));
      fields[field] = link.map.many ? (ids.length ? ids : undefined) : ids[0];
    }
  }
  if (!before)
    return {
      ...DEFAULTS[plan.collection],
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    };
  if (plan.collection === 'sources') {
    // A source's text is what claims quote: it never changes, and an empty cell leaves it.
    if (fields.text !== undefined && fields.text !== before.text)
      throw invalid('the text of a source cannot change');
    delete fields.text;
  }
  return fields;
}

/** The fields that link a row's record to records of its own collection (parents, related cases). */
export function selfLinkFields(plan: PlannedRow, before: StoredRecord, idOf: (t: Target) => string): Fields {
  const fields: Fields = {};
  const related: Array<{ caseId: string; relation: string }> = [];
  const relations = new Set<string>();
  for (const link of plan.links) {
    const ids = link.targets.map((t) => idOf(t.target));
    if (link.map.kind === 'ref')
      for (const field of Object.values(link.map.fields)) if (SELF_FIELDS.has(field)) fields[field] = ids[0];
    if (link.map.kind === 'related') {
      relations.add(link.map.relation);
      for (const caseId of ids) related.push({ caseId, relation: link.map.relation });
    }
  }
  if (relations.size) {
    const kept = ((before.relatedCases ?? []) as typeof related).filter((r) => !relations.has(r.relation));
    const all = [...kept, ...related];
    fields.relatedCases = all.length ? all : undefined;
  }
  return fields;
}

/** A value as compared: an empty list is no value. */
const comparable = (v: unknown) => JSON.stringify(Array.isArray(v) && v.length === 0 ? undefined : v);

/** The changes among these fields: those whose value differs from the record's. */
export function changesOf(before: StoredRecord, fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => comparable(before[k]) !== comparable(v)),
  );
}
