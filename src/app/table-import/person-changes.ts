import type { StoredRecord } from '../../domain/collections.js';
import type { ExternalId } from '../../domain/schemas/person.js';
import type { FieldChange } from '../../domain/schemas/table-import.js';
import type { MappingTarget } from '../../domain/schemas/table-mapping.js';
import { townKey, unitKey } from '../resolution/person-similarity.js';
import type { RelatedRef } from './related-records.js';
import type { RowValues } from './row-reader.js';

type Entry = { status: string; date?: string; sourceId?: string; placeId?: string; note?: string };
type Contact = { kind: string; value: string; note?: string };

/** The related records a row names, found once per distinct name. */
export interface RowRelated {
  unit?: RelatedRef;
  place?: RelatedRef;
  case?: RelatedRef;
}

/** What importing a row writes to its person, as planned before anything is written. */
export interface PersonChanges {
  /** Plain fields to set: all of a new person's, or the changed ones of an existing person. */
  fields: Record<string, unknown>;
  /** Set `unitOrganizationId` to the row's unit. */
  linkUnit: boolean;
  /** A status entry to add, or (with `replaces`) the entry whose place changes. */
  status?: { status: string; date?: string; replaces?: number };
  /** Add him as a victim of the row's case, and to its detention at the row's place. */
  involve: boolean;
  detainAt: boolean;
  /** The change per field, as the report shows it. */
  report: FieldChange[];
  /** The cells whose values are written: each gets a claim quoting it. */
  written: Set<MappingTarget>;
}

/** What is already known about the stored person's links, to tell new links from old. */
export interface StoredLinks {
  /** Cases he is a victim in. */
  victimOf: Set<string>;
  /** "caseId placeId" of detentions (acts) naming him. */
  detainedAt: Set<string>;
}

const NAME_TARGETS: MappingTarget[] = ['fullName', 'surname', 'givenName', 'patronymic'];
const TEXT_FIELDS = ['hometown', 'employer', 'exemptionGrounds', 'rank'] as const;

function refLabel(ref: RelatedRef | undefined): string | undefined {
  return ref ? (ref.id ? ref.label : `${ref.label} (new)`) : undefined;
}

/**
 * The changes a row makes to a stored person (or, with none, the new person it makes). A row
 * adds what the person lacks; an empty cell changes nothing (a blank in a volunteer's list is not
 * evidence that a fact is wrong). A stored date of birth, hometown or unit that the row contradicts
 * is never overwritten: the report shows the conflict and the row's value is kept as a sourced
 * claim until someone decides (the row may be another man's). Names and contacts are added,
 * never replaced; a status the history lacks is appended; a last contact only moves forward.
 */
export function personChanges(
  person: StoredRecord | undefined,
  values: RowValues,
  related: RowRelated,
  system: string,
  links: StoredLinks,
  /** The row is the person by the list's own id: its values correct his, conflicts aside. */
  byListId = false,
): PersonChanges {
  const out: PersonChanges = {
    fields: {},
    linkUnit: false,
    involve: false,
    detainAt: false,
    report: [],
    written: new Set(),
  };
  const set = (field: string, before: unknown, after: unknown, targets: MappingTarget[]) => {
    out.fields[field] = after;
    out.report.push({ field, before: before ?? null, after });
    for (const t of targets) out.written.add(t);
  };
  const names = (person?.names as Array<{ value: string; script?: string }> | undefined) ?? [];
  const added = values.names.filter((n) => !names.some((m) => m.value === n.value));
  if (added.length && names.length < 50) {
    const targets = added.some((n) => n.value === values.names[0]?.value) ? [...NAME_TARGETS] : [];
    if (added.some((n) => n.value !== values.names[0]?.value)) targets.push('otherNames');
    set('names', person ? names.map((n) => n.value) : undefined, [...names, ...added].slice(0, 50), targets);
    out.report[out.report.length - 1].after = [...names, ...added].slice(0, 50).map((n) => n.value);
  }
  if (values.externalId) {
    const ids = (person?.externalIds as ExternalId[] | undefined) ?? [];
    if (ids.length < 50 && !ids.some((e) => e.system === system && e.value === values.externalId))
      set(
        'externalIds',
        person ? ids : undefined,
        [...ids, { system, value: values.externalId }],
        ['externalId'],
      );
  }
  const conflict = (field: string, before: unknown, after: unknown, target: MappingTarget) => {
    out.report.push({ field, before, after, conflict: true });
    out.written.add(target);
  };
  const birth = person?.birthDate as string | undefined;
  if (values.birthDate && birth !== values.birthDate && !(birth?.startsWith(values.birthDate) ?? false)) {
    // A year refined to a day is an addition; another year or another day is a conflict.
    if (byListId || birth === undefined || values.birthDate.startsWith(birth))
      set('birthDate', birth, values.birthDate, ['birthDate']);
    else conflict('birthDate', birth, values.birthDate, 'birthDate');
  }
  for (const field of TEXT_FIELDS) {
    const value = values[field];
    const stored = person?.[field];
    if (value === undefined || stored === value) continue;
    if (!byListId && field === 'hometown' && typeof stored === 'string') {
      if (townKey(stored) !== townKey(value)) conflict(field, stored, value, field);
    } else set(field, stored, value, [field]);
  }
  const storedUnit = person?.unit as string | undefined;
  const unitDiffers =
    values.unit !== undefined && storedUnit !== undefined && unitKey(storedUnit) !== unitKey(values.unit);
  const unitConflict = unitDiffers && !byListId;
  if (unitConflict) conflict('unit', storedUnit, values.unit, 'unit');
  else if (values.unit !== undefined && (storedUnit === undefined || unitDiffers))
    set('unit', storedUnit, values.unit, ['unit']);
  if (!unitConflict && related.unit && (!related.unit.id || person?.unitOrganizationId !== related.unit.id)) {
    out.linkUnit = true;
    out.written.add('unit');
    if (!('unit' in out.fields))
      out.report.push({
        field: 'unitOrganizationId',
        before: person?.unitOrganizationId ?? null,
        after: refLabel(related.unit),
      });
  }
  const last = person?.lastContact as string | undefined;
  if (values.lastContact && (last === undefined || values.lastContact > last))
    set('lastContact', last, values.lastContact, ['lastContact']);
  const contacts = (person?.contacts as Contact[] | undefined) ?? [];
  const newContacts = values.contacts.filter(
    (c) => !contacts.some((k) => k.kind === c.kind && k.value === c.value),
  );
  if (newContacts.length)
    set(
      'contacts',
      person ? contacts : undefined,
      [...contacts, ...newContacts].slice(0, 50),
      newContacts.map((c) => c.kind),
    );
  if (values.status) statusChange(out, person, values, related);
  if (related.case) {
    const caseId = related.case.id;
    if (!caseId || !links.victimOf.has(caseId)) {
      out.involve = true;
      out.written.add('case');
      out.report.push({ field: 'case', before: null, after: refLabel(related.case) });
    }
    if (
      related.place &&
      (!caseId || !related.place.id || !links.detainedAt.has(`${caseId} ${related.place.id}`))
    ) {
      out.detainAt = true;
      out.written.add('detentionPlace');
      out.report.push({
        field: 'detention',
        before: null,
        after: { case: refLabel(related.case), place: refLabel(related.place) },
      });
    }
  }
  return out;
}

/** A status the person's history lacks (same status and date) is added; a known one may get its place. */
function statusChange(
  out: PersonChanges,
  person: StoredRecord | undefined,
  values: RowValues,
  related: RowRelated,
) {
  const history = (person?.statusHistory as Entry[] | undefined) ?? [];
  const status = values.status as string;
  const date = values.statusDate;
  const at = history.findIndex((e) => e.status === status && e.date === date);
  const place = related.place;
  const targets: MappingTarget[] = ['status', ...(date ? (['statusDate'] as const) : [])];
  if (at < 0) {
    if (history.length >= 500) return; // the schema's limit: the history is full
    out.status = { status, ...(date ? { date } : {}) };
    out.report.push({
      field: 'statusHistory',
      before: null,
      after: { status, ...(date ? { date } : {}), ...(place ? { place: refLabel(place) } : {}) },
    });
    for (const t of targets) out.written.add(t);
    if (place) out.written.add('detentionPlace');
    return;
  }
  if (place && (!place.id || history[at].placeId !== place.id)) {
    out.status = { status, ...(date ? { date } : {}), replaces: at };
    out.report.push({
      field: 'statusHistory',
      before: { status, ...(date ? { date } : {}), placeId: history[at].placeId ?? null },
      after: { status, ...(date ? { date } : {}), place: refLabel(place) },
    });
    out.written.add('detentionPlace');
  }
}
