import type { CollectionName } from '../../domain/collections.js';
import { VigilError } from '../../domain/errors.js';
import type { NewRelatedRecord, RowProblem } from '../../domain/schemas/table-import.js';
import type { TableMapping } from '../../domain/schemas/table-mapping.js';
import { queryTerms } from '../../domain/text/terms.js';
import { type Place, placesNamed } from '../../ingest/gazetteer.js';
import { regionOfText } from '../../ingest/places.js';
import { searchCandidates } from '../../store/search-index.js';
import type { AppContext } from '../context.js';
import type { AccessScope } from '../policies/access-scope.js';
import { organizationCandidatesFor, placeCandidatesFor } from '../resolution/candidate-finder.js';
import { settleNamesake } from '../resolution/namesakes.js';
import { placeKey } from '../resolution/person-similarity.js';

type RelatedCollection = 'organizations' | 'places' | 'cases';

/** A unit, place or case a row names: an existing record, or one the import will create. */
export interface RelatedRef {
  collection: RelatedCollection;
  /** Shared by every row naming the same record. */
  key: string;
  label: string;
  /** The existing record; absent when the import creates it from `input`. */
  id?: string;
  input?: Record<string, unknown>;
}

/** Scores from which an existing record is taken, as the review suggests them (draft-reader). */
const UNIT_MATCH = 0.8;
const PLACE_MATCH = 0.6;
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const titleKey = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Finds the units, places of detention and cases the rows of a table name, once per distinct
 * name: existing records (as the draft review matches them, among those the importer may see),
 * or new ones the import creates and every row naming them shares.
 */
export class RelatedRecords {
  private readonly cache = new Map<string, Promise<RelatedRef | RowProblem>>();
  private readonly uses = new Map<string, number>();
  private readonly created = new Map<string, RelatedRef>();

  constructor(
    private readonly ctx: AppContext,
    private readonly scope: AccessScope,
    private readonly mapping: TableMapping,
    /** Regions the table names, most often first (rank 0), for settling namesakes. */
    private readonly tableRegions: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** The military unit a cell names, as an organization. */
  unit(text: string): Promise<RelatedRef | RowProblem> {
    return this.once('organizations', placeKey(text) || titleKey(text), async (key) => {
      const candidates = await this.visible(
        'organizations',
        await organizationCandidatesFor(this.ctx, { name: text, kind: 'military_unit' }),
      );
      const best = candidates[0];
      if (best && best.score >= UNIT_MATCH)
        return { collection: 'organizations', key, label: best.label, id: best.id };
      return { collection: 'organizations', key, label: text, input: { name: text, kind: 'military_unit' } };
    });
  }

  /**
   * The place of detention a cell names: an existing place, a gazetteer settlement, or a new site.
   * Among places of the same name the row's region decides; without one, a namesake already
   * kept as a place, then the regions the rest of the table names.
   */
  place(text: string, regionText?: string): Promise<RelatedRef | RowProblem> {
    const region = regionText ? regionOfText(regionText) : null;
    return this.once('places', `${placeKey(text) || titleKey(text)}\u0000${region ?? ''}`, async (key) => {
      const named = placesNamed(text).places;
      const g = await this.likeliestNamesake(region ? named.filter((p) => p.admin1 === region) : named);
      const candidates = await this.visible(
        'places',
        await placeCandidatesFor(this.ctx, {
          name: text,
          canonical: g?.name,
          gazetteerId: g?.id,
          region: g?.admin1 ?? region ?? undefined,
        }),
      );
      const best = candidates[0];
      if (best && best.score >= PLACE_MATCH) {
        const [stored] = await this.ctx.store.getMany('places', [best.id]);
        const storedRegion = typeof stored?.region === 'string' ? stored.region : null;
        return { collection: 'places', key, label: withRegion(best.label, storedRegion), id: best.id };
      }
      if (!g)
        return {
          collection: 'places',
          key,
          label: withRegion(text, region),
          input: { name: text, kind: 'detention_facility', ...(region ? { region } : {}) },
        };
      const coordinates = g.lat !== null && g.lon !== null;
      const otherNames = [...new Set([text, g.nameEn].filter((n) => n && n !== g.name))];
      return {
        collection: 'places',
        key,
        label: withRegion(g.name, g.admin1),
        input: {
          name: g.name,
          ...(otherNames.length ? { otherNames } : {}),
          kind: 'settlement',
          region: g.admin1 || undefined,
          ...(/^[A-Z]{2}$/.test(g.country) ? { country: g.country } : {}),
          ...(coordinates ? { lat: g.lat, lon: g.lon, precision: 'settlement' } : {}),
          gazetteerId: g.id,
        },
      };
    });
  }

  /** The case a cell (or the mapping, for rows without one) names, by id or by its exact title. */
  case(text: string | undefined): Promise<RelatedRef | RowProblem> | undefined {
    const given = text ?? this.mapping.case?.id ?? this.mapping.case?.title;
    if (given === undefined) return undefined;
    return this.once('cases', ID.test(given) ? given : titleKey(given), async (key) => {
      if (ID.test(given)) {
        const [stored] = await this.ctx.store.getMany('cases', [given]);
        if (!stored || !(await this.visible('cases', [stored])).length)
          return { code: 'unknown_case', message: 'there is no case with this id' };
        return this.writable(
          { collection: 'cases', key, label: String(stored.title), id: stored.id },
          stored,
        );
      }
      const hits = await searchCandidates(
        this.ctx.store.handle.db,
        this.ctx.store.engine,
        queryTerms(given),
        {
          collections: ['cases'],
          limit: 50,
        },
      );
      const same = (
        await this.ctx.store.getMany(
          'cases',
          hits.map((h) => h.recordId),
        )
      )
        .filter((c) => titleKey(String(c.title)) === key)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const [stored] = await this.visible('cases', same);
      if (stored)
        return this.writable(
          { collection: 'cases', key, label: String(stored.title), id: stored.id },
          stored,
        );
      const input = {
        title: given,
        status: 'open',
        confidentiality: this.mapping.case?.confidentiality ?? 'restricted',
      };
      return this.writable({ collection: 'cases', key, label: given, input }, input);
    });
  }

  /** Counts a row naming the record, for the report of what the import creates. */
  use(ref: RelatedRef): void {
    const id = `${ref.collection}\u0000${ref.key}`;
    this.uses.set(id, (this.uses.get(id) ?? 0) + 1);
    if (!ref.id) this.created.set(id, ref);
  }

  /** The records the import creates, with how many rows name each. */
  newRecords(): NewRelatedRecord[] {
    return [...this.created.entries()].map(([id, ref]) => ({
      collection: ref.collection,
      label: ref.label,
      rows: this.uses.get(id) ?? 0,
    }));
  }

  /**
   * The settlement meant among namesakes: the one a place the importer can see is already linked
   * to (the list most likely speaks of the site the group documents), else the likeliest in the
   * regions the table names, else the one nearest a place already recorded, else the likeliest.
   */
  private async likeliestNamesake(namesakes: Place[]): Promise<Place | null> {
    if (namesakes.length < 2) return namesakes[0] ?? null;
    const choice = await settleNamesake(this.ctx, namesakes, {
      regions: this.tableRegions,
      visible: (places) => this.visible('places', places),
    });
    return choice?.place ?? null;
  }

  private once(
    collection: RelatedCollection,
    key: string,
    find: (key: string) => Promise<RelatedRef | RowProblem>,
  ): Promise<RelatedRef | RowProblem> {
    const id = `${collection}\u0000${key}`;
    let found = this.cache.get(id);
    if (!found) {
      found = find(key);
      this.cache.set(id, found);
    }
    return found;
  }

  private visible<T extends { id: string }>(collection: CollectionName, records: T[]): Promise<T[]> {
    return this.scope.visibleOnly(collection, records);
  }

  /** A case the importer may add victims to; otherwise a problem for the rows naming it. */
  private async writable(ref: RelatedRef, record: Record<string, unknown>): Promise<RelatedRef | RowProblem> {
    try {
      await this.scope.assertWritable('cases', record, ref.id);
      return ref;
    } catch (err) {
      if (!(err instanceof VigilError)) throw err;
      return { code: 'case_not_writable', message: 'your role or grants do not allow adding to this case' };
    }
  }
}

/** A place's name with its region, as the dry run lists it: "Зайцеве (Luhansk Oblast)". */
function withRegion(name: string, region: string | null | undefined): string {
  return region ? `${name} (${region})` : name;
}

/** Is this a problem rather than a record? */
export function isProblem(value: RelatedRef | RowProblem): value is RowProblem {
  return 'code' in value;
}
