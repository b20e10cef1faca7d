import type { NameFrequencies } from '../resolution/name-frequencies.js';
import {
  namesAgree,
  PERSON_MATCH_THRESHOLD,
  type PersonFeatures,
  scorePersons,
} from '../resolution/person-similarity.js';
import type { RowValues } from './row-reader.js';

interface Earlier {
  row: number;
  features: PersonFeatures;
  externalId?: string;
}

/**
 * The rows of this table that create persons, so that a later row describing the same man is
 * reported instead of creating him twice. Compared are rows with the same name terms or the same
 * date of birth, by the review's `scorePersons`; a row is another row's man only when their names
 * agree and the evidence reaches the match threshold (a shared date of birth, patronymic and town
 * do not make two men one). Two rows with different ids of the list are two men.
 */
export class WithinFile {
  private readonly byKey = new Map<string, Earlier[]>();
  private readonly byExternalId = new Map<string, number>();

  constructor(private readonly frequencies: NameFrequencies) {}

  /** The row number of an earlier row that is this man, if any. */
  find(values: RowValues, features: PersonFeatures): number | undefined {
    if (values.externalId !== undefined) {
      const same = this.byExternalId.get(values.externalId);
      if (same !== undefined) return same;
    }
    for (const key of keysOf(values, features))
      for (const earlier of this.byKey.get(key) ?? []) {
        if (values.externalId !== undefined && earlier.externalId !== undefined) continue;
        if (
          namesAgree(features, earlier.features, this.frequencies) &&
          scorePersons(features, earlier.features, this.frequencies).score >= PERSON_MATCH_THRESHOLD
        )
          return earlier.row;
      }
    return undefined;
  }

  add(values: RowValues, features: PersonFeatures, row: number): void {
    if (values.externalId !== undefined) this.byExternalId.set(values.externalId, row);
    const earlier: Earlier = {
      row,
      features,
      ...(values.externalId ? { externalId: values.externalId } : {}),
    };
    for (const key of keysOf(values, features)) {
      const list = this.byKey.get(key) ?? [];
      list.push(earlier);
      this.byKey.set(key, list);
    }
  }
}

function keysOf(values: RowValues, features: PersonFeatures): string[] {
  const keys = features.names.map((terms) => `n:${[...terms].sort().join(' ')}`);
  if (values.birthDate?.length === 10) keys.push(`b:${values.birthDate}`);
  return [...new Set(keys)];
}
