import type { StoredRecord } from '../../domain/collections.js';
import type { Candidate, MatchReason } from '../../domain/schemas/draft.js';
import type { ExternalId } from '../../domain/schemas/person.js';
import { entriesWhere, recordsWithTerms } from '../../store/search-index.js';
import { tableImportRows } from '../../store/table-import-rows.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { recordPersonFeaturesMany } from '../resolution/candidate-finder.js';
import type { NameFrequencies } from '../resolution/name-frequencies.js';
import {
  compareNames,
  nameTerms,
  PERSON_MATCH_THRESHOLD,
  type PersonFeatures,
  placeKey,
  scorePersons,
  townKey,
  unitKey,
} from '../resolution/person-similarity.js';
import type { RowValues } from './row-reader.js';

/**
 * Below the match threshold but with the name agreeing and nothing decisive against him: a man
 * of that name exists and the evidence does not tell whether he is this one, so a person decides.
 * Chosen with the resolution bench: lower sends more new namesakes to review, higher creates more
 * stored men again.
 */
export const REVIEW_FLOOR = 0.05;
const SHOWN_CANDIDATES = 5;
/** Persons sharing every name term read at once: every namesake, not a top few. */
const NAMESAKES = 2000;
/** Distinct blocking lookups remembered while one table is planned. */
const LOOKUPS_KEPT = 20_000;

/** Who a row is among the stored persons. */
export type PersonMatch =
  | {
      kind: 'match';
      person: StoredRecord;
      by: 'external_id' | 'resolution';
      score: number;
      reasons: MatchReason[];
    }
  | {
      kind: 'ambiguous';
      code: 'several_candidates' | 'weak_match' | 'shared_external_id';
      candidates: Candidate[];
    }
  /** The row's id in the list belongs to a person the importer may not see. */
  | { kind: 'hidden' }
  | { kind: 'none' };

/** The features of a row, compared with stored persons by the review's `scorePersons`. */
export function rowFeatures(values: RowValues): PersonFeatures {
  const features: PersonFeatures = { names: values.names.map((n) => nameTerms(n.value)) };
  if (values.birthDate) {
    features.birthYear = Number(values.birthDate.slice(0, 4));
    if (values.birthDate.length === 10) features.birthDate = values.birthDate;
  }
  if (values.hometown) features.hometown = townKey(values.hometown);
  if (values.unit) features.unit = unitKey(values.unit);
  if (values.detentionPlace) features.places = [placeKey(values.detentionPlace)];
  return features;
}

const labelOf = (p: StoredRecord) => String((p.names as Array<{ value: string }>)[0]?.value ?? '');

/**
 * Matches rows of a table to stored persons: by the list's external id when the row has one,
 * else by entity resolution with the review's scores and reasons. Blocking reads every person
 * holding all the terms of the name (not the top few a search returns), and every person born on
 * the row's date of birth whose name is close; namesakes whose birth year differs are dropped
 * before their records are read.
 */
export class PersonMatcher {
  /**
   * Blocking lookups already made for this table (nothing is written while it is planned): rows
   * of one list share surnames, first names and dates of birth. Bounded, oldest dropped first.
   */
  private readonly lookups = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly scope: AccessScope,
    private readonly system: string,
    private readonly frequencies: NameFrequencies,
  ) {}

  private once<T>(key: string, find: () => Promise<T>): Promise<T> {
    let found = this.lookups.get(key) as Promise<T> | undefined;
    if (!found) {
      found = find();
      this.lookups.set(key, found);
      if (this.lookups.size > LOOKUPS_KEPT) this.lookups.delete(this.lookups.keys().next().value as string);
    }
    return found;
  }

  /** Matches for a chunk of rows, by row index. */
  async match(
    rows: Array<{ values: RowValues; features: PersonFeatures }>,
  ): Promise<Map<number, PersonMatch>> {
    const out = new Map<number, PersonMatch>();
    const byId = await this.byExternalId(rows.map((r) => r.values));
    const blocked = new Map<number, string[]>();
    for (const { values, features } of rows) {
      const ids = values.externalId ? byId.get(values.externalId) : undefined;
      blocked.set(values.index, ids ?? (await this.candidateIds(values, features)));
    }
    const persons = new Map(
      (await this.ctx.store.getMany('persons', [...new Set([...blocked.values()].flat())])).map((p) => [
        p.id,
        p,
      ]),
    );
    const visible = new Set(
      (await this.scope.visibleOnly('persons', [...persons.values()])).map((p) => p.id),
    );
    const features = await recordPersonFeaturesMany(
      this.ctx,
      [...persons.values()].filter((p) => visible.has(p.id)),
    );
    for (const { values, features: row } of rows) {
      const ids = (blocked.get(values.index) ?? []).filter((id) => visible.has(id));
      const byExternal = values.externalId === undefined ? undefined : byId.get(values.externalId);
      if (byExternal && ids.length > 1) {
        out.set(values.index, {
          kind: 'ambiguous',
          code: 'shared_external_id',
          candidates: ids.map((id) => ({
            id,
            label: labelOf(persons.get(id) as StoredRecord),
            score: 1,
            reasons: [idReason()],
          })),
        });
        continue;
      }
      if (byExternal) {
        const person = persons.get(ids[0] ?? '');
        // Creating him anew would duplicate a man the importer may not see: the row is refused.
        out.set(
          values.index,
          person
            ? { kind: 'match', person, by: 'external_id', score: 1, reasons: [idReason()] }
            : { kind: 'hidden' },
        );
        continue;
      }
      out.set(values.index, this.decide(values, row, ids, persons, features));
    }
    return out;
  }

  private decide(
    values: RowValues,
    row: PersonFeatures,
    ids: string[],
    persons: Map<string, StoredRecord>,
    features: Map<string, PersonFeatures>,
  ): PersonMatch {
    const scored: Array<Candidate & { person: StoredRecord }> = [];
    for (const id of ids) {
      const person = persons.get(id);
      const f = features.get(id);
      if (!person || !f) continue;
      // A man already in this list under another id is another row of it, not this one.
      if (values.externalId && otherIdIn(person, this.system, values.externalId)) continue;
      const { score, reasons } = scorePersons(row, f, this.frequencies);
      if (score >= REVIEW_FLOOR) scored.push({ id, label: labelOf(person), score, reasons, person });
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const strong = scored.filter((c) => c.score >= PERSON_MATCH_THRESHOLD);
    const shown = scored.slice(0, SHOWN_CANDIDATES).map(({ person: _p, ...c }) => c);
    if (strong.length === 1)
      return {
        kind: 'match',
        person: strong[0].person,
        by: 'resolution',
        score: strong[0].score,
        reasons: strong[0].reasons,
      };
    if (strong.length > 1) return { kind: 'ambiguous', code: 'several_candidates', candidates: shown };
    if (scored.length) return { kind: 'ambiguous', code: 'weak_match', candidates: shown };
    return { kind: 'none' };
  }

  private async byExternalId(rows: RowValues[]): Promise<Map<string, string[]>> {
    const values = rows.map((r) => r.externalId).filter((v): v is string => v !== undefined);
    if (values.length === 0) return new Map();
    return tableImportRows.recordsByExternalId(this.ctx.store.handle.db, 'persons', this.system, values);
  }

  /** Stored persons who may be the row's man: namesakes of a birth year that fits, and those born that day. */
  private async candidateIds(values: RowValues, row: PersonFeatures): Promise<string[]> {
    const { db } = this.ctx.store.handle;
    const engine = this.ctx.store.engine;
    const terms = row.names[0] ?? [];
    if (terms.length === 0) return [];
    const ids = new Set<string>();
    const namesakes = async (subset: string[]) => {
      const found = await this.once(`n:${[...subset].sort().join(' ')}`, () =>
        recordsWithTerms(db, engine, subset, {
          collection: 'persons',
          column: 'birth_date',
          limit: NAMESAKES,
        }),
      );
      // A stored birth year that differs takes 0.5 off: such namesakes cannot reach the grey zone.
      for (const { recordId, value } of found)
        if (row.birthYear === undefined || !value || Number(value.slice(0, 4)) === row.birthYear)
          ids.add(recordId);
      return found.length;
    };
    // A three-part name with one part spelt otherwise (or another patronymic): the other two.
    if ((await namesakes(terms)) === 0 && terms.length >= 3)
      for (let skip = 0; skip < terms.length; skip++) await namesakes(terms.filter((_, i) => i !== skip));
    if (values.birthDate?.length === 10) {
      const date = values.birthDate;
      const born = await this.once(`b:${date}`, () =>
        entriesWhere(db, { collection: 'persons', column: 'birth_date', value: date, limit: NAMESAKES }),
      );
      for (const [id, e] of born) {
        const indexed = `${e.titleTerms} ${e.bodyTerms}`.split(' ').filter((t) => t !== '');
        if (compareNames(terms, indexed)) ids.add(id);
      }
    }
    return [...ids];
  }
}

function idReason(): MatchReason {
  return { code: 'external_id', weight: 1, detail: 'the same id in this list' };
}

function otherIdIn(person: StoredRecord, system: string, value: string): boolean {
  const ids = (person.externalIds as ExternalId[] | undefined) ?? [];
  return ids.some((e) => e.system === system && e.value !== value);
}
