import type { CollectionName } from '../../../domain/collections.js';
import { type FtmDrop, type FtmEntity, propertyLabel } from './ftm-model.js';

/** What became of one entity of an import. */
export type FtmOutcome = 'created' | 'updated' | 'unchanged' | 'merged' | 'skipped' | 'conflict';

/**
 * One line of an import's report: what the entity became (a record created, updated or left
 * as it was; merged into the records it links; skipped, with the reason; a conflict: its id
 * names another record, left as it was) and every property that was left out, with why.
 */
export interface FtmEntityReport {
  id: string;
  schema: string;
  outcome: FtmOutcome;
  collection?: CollectionName;
  recordId?: string;
  reason?: string;
  dropped: FtmDrop[];
}

/**
 * Reads the properties of one entity for the mapping and remembers which it used, so that every
 * property ends up either mapped or listed in the report as dropped.
 */
export class FtmReader {
  private readonly used = new Set<string>();
  private readonly usedKeywords = new Set<string>();

  constructor(
    readonly entity: FtmEntity,
    readonly report: FtmEntityReport,
  ) {}

  get id() {
    return this.entity.id;
  }

  get schema() {
    return this.entity.schema;
  }

  has(property: string): boolean {
    return (this.entity.properties[property]?.length ?? 0) > 0;
  }

  all(property: string): string[] {
    this.used.add(property);
    return this.entity.properties[property] ?? [];
  }

  /** The first value; further values are listed as dropped (the Vigil field holds one). */
  first(property: string): string | undefined {
    const values = this.all(property);
    if (values.length > 1)
      this.drop(property, `only the first of ${values.length} values is kept (Vigil holds one)`);
    return values[0];
  }

  /** The value of the keyword Vigil's export writes as `prefix:value`. */
  keyword(prefix: string): string | undefined {
    const found = this.entity.properties.keywords?.find((k) => k.startsWith(prefix));
    if (found) this.usedKeywords.add(found);
    return found?.slice(prefix.length);
  }

  drop(property: string, reason: string) {
    this.used.add(property);
    if (this.has(property)) this.report.dropped.push({ property, reason });
  }

  /**
   * "Label: value" lines for properties Vigil has no field for but whose values are kept in the
   * record's notes or description.
   */
  noteLines(...properties: string[]): string[] {
    return properties
      .filter((p) => this.has(p))
      .map((p) => `${propertyLabel(this.schema, p)}: ${this.all(p).join('; ')}`);
  }

  /** `noteLines` of a link kept in the notes of a record it ties: "Membership start date: …". */
  linkNoteLines(...properties: string[]): string[] {
    return this.noteLines(...properties).map(
      (line) => `${this.schema} ${line[0].toLowerCase()}${line.slice(1)}`,
    );
  }

  /** Lists every property the mapping did not use as dropped. */
  finish() {
    for (const property of Object.keys(this.entity.properties))
      if (!this.used.has(property) && property !== 'keywords')
        this.report.dropped.push({ property, reason: 'Vigil has no field for it' });
    // Keywords are read one by one: those of Vigil's export (and its `vigil:` marks) are mapped.
    if (this.used.has('keywords')) return;
    const left = (this.entity.properties.keywords ?? []).filter(
      (k) => !this.usedKeywords.has(k) && !k.startsWith('vigil:'),
    );
    if (left.length)
      this.report.dropped.push({
        property: 'keywords',
        reason: `Vigil has no field for ${left.length === 1 ? 'one keyword' : `${left.length} keywords`}`,
      });
  }
}

/** Free text with the lines of properties kept in it appended, each on its own line. */
export function withLines(text: string | undefined, lines: string[]): string | undefined {
  const parts = [text, ...lines].filter((x): x is string => Boolean(x));
  return parts.length ? parts.join('\n') : undefined;
}
