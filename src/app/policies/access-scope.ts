import {
  COLLECTIONS,
  type CollectionName,
  referencesOf,
  SUBJECT_COLLECTIONS,
} from '../../domain/collections.js';
import { type FieldProblem, invalid, notFound, VigilError } from '../../domain/errors.js';
import type { Role } from '../../domain/roles.js';
import { caseLinksOf, confidentialityOf, existingOf, grantsOf } from '../../store/case-links.js';
import type { AppContext } from '../context.js';
import type { Principal } from './principal.js';
import { ROLE_ABILITIES, type RoleAbilities } from './role-abilities.js';

export interface Access {
  visible: boolean;
  editable: boolean;
}

type Fields = { id?: string; [field: string]: unknown };

const CASE_OWNED: CollectionName[] = ['acts', 'interventions', 'involvements'];
/** Testimony and what is taken from it: they carry a case's content wherever they are linked. */
const EVIDENCE: CollectionName[] = ['sources', 'claims'];
const HIDDEN: Access = { visible: false, editable: false };

/**
 * What one principal may see and change, record by record. Confidentiality lives on cases.
 * A case-owned record follows its case. A person, organization or place is visible when linked
 * to at least one case the principal may see (each case shows only its own links to it), but
 * editable only when every linked case is, since a change to it changes each of those cases.
 * A source or a claim carries testimony, so it is visible (and editable) only when every case it
 * is linked to is. Unlinked records are visible when the role reads unlinked records. Records one
 * may not see, and ids that do not exist, are both reported as not found, never as forbidden, so
 * that neither answer tells whether a hidden record exists (docs/security.md).
 */
export class AccessScope {
  readonly abilities: RoleAbilities;

  private constructor(
    private readonly ctx: AppContext,
    readonly principal: Principal | undefined,
  ) {
    this.abilities = ROLE_ABILITIES[principal?.role ?? 'admin'];
  }

  /** The scope of a signed-in principal. */
  static of(ctx: AppContext, principal: Principal): AccessScope {
    return new AccessScope(ctx, principal);
  }

  /** Full access, for the operator's own commands (CLI, imports) that run with the key in hand. */
  static system(ctx: AppContext): AccessScope {
    return new AccessScope(ctx, undefined);
  }

  get role(): Role {
    return this.principal?.role ?? 'admin';
  }

  get seesAll(): boolean {
    return this.principal === undefined || this.role === 'admin';
  }

  /** Visibility and editability of cases by id (unknown ids are neither). */
  async caseAccess(caseIds: string[]): Promise<Map<string, Access>> {
    const db = this.ctx.store.handle.db;
    const levels = await confidentialityOf(db, caseIds);
    const grants =
      this.principal && !this.seesAll
        ? await grantsOf(db, this.principal.userId, this.principal.groupIds, [...levels.keys()])
        : new Map<string, string>();
    const out = new Map<string, Access>();
    for (const [id, level] of levels) out.set(id, this.accessToCase(level, grants.get(id)));
    return out;
  }

  private accessToCase(level: string, grant: string | undefined): Access {
    const a = this.abilities;
    if (this.seesAll) return { visible: true, editable: true };
    const byRole = (a.sees as readonly string[]).includes(level);
    return {
      visible: byRole || grant !== undefined,
      editable: a.writes && ((byRole && level !== 'confidential') || grant === 'edit'),
    };
  }

  private fromLinks(
    collection: CollectionName,
    caseIds: Set<string> | undefined,
    cases: Map<string, Access>,
  ): Access {
    if (!caseIds || caseIds.size === 0) {
      return { visible: this.abilities.readsUnlinked, editable: this.abilities.writes };
    }
    const each = [...caseIds].map((c) => cases.get(c) ?? HIDDEN);
    const editable = each.every((x) => x.editable);
    if (EVIDENCE.includes(collection)) return { visible: each.every((x) => x.visible), editable };
    return { visible: each.some((x) => x.visible), editable };
  }

  /** Access to stored records of one collection, by id. */
  async accessTo(collection: CollectionName, ids: string[]): Promise<Map<string, Access>> {
    const out = new Map<string, Access>();
    if (this.seesAll) {
      for (const id of ids) out.set(id, { visible: true, editable: true });
      return out;
    }
    const db = this.ctx.store.handle.db;
    const existing = await existingOf(db, collection, ids);
    const links = await caseLinksOf(db, collection, [...existing]);
    const cases = await this.caseAccess([...links.values()].flatMap((s) => [...s]));
    for (const id of ids)
      out.set(id, existing.has(id) ? this.fromLinks(collection, links.get(id), cases) : HIDDEN);
    return out;
  }

  /** The ids among these whose records the principal may see. */
  async visibleIds(collection: CollectionName, ids: string[]): Promise<Set<string>> {
    const access = await this.accessTo(collection, ids);
    return new Set(ids.filter((id) => access.get(id)?.visible));
  }

  /** The records of a list the principal may see, in order. */
  async visibleOnly<T extends { id: string }>(collection: CollectionName, records: T[]): Promise<T[]> {
    if (this.seesAll) return records;
    const access = await this.accessTo(
      collection,
      records.map((r) => r.id),
    );
    return records.filter((r) => access.get(r.id)?.visible);
  }

  /** Throws not_found unless the principal may see the stored record. */
  async assertVisible(collection: CollectionName, id: string): Promise<void> {
    if (!(await this.accessTo(collection, [id])).get(id)?.visible)
      throw notFound(COLLECTIONS[collection].noun);
  }

  /**
   * Checks a write: the stored record (when it exists) must be visible (else not_found) and
   * editable (else forbidden), and the record as it will be must be editable too, so that no one
   * moves a record into a case they may not edit. References to records one may not see are
   * refused like references to missing ones.
   */
  async assertWritable(collection: CollectionName, after: Fields, storedId?: string): Promise<void> {
    if (!this.abilities.writes) throw forbidden();
    if (this.seesAll) return;
    if (storedId !== undefined) {
      const now = (await this.accessTo(collection, [storedId])).get(storedId);
      if (!now?.visible) throw notFound(COLLECTIONS[collection].noun);
      if (!now.editable) throw forbidden();
    }
    const stored = storedId === undefined ? undefined : await this.ctx.store.get(collection, storedId);
    await this.assertReferencesVisible(collection, after, stored);
    if (!(await this.prospectiveAccess(collection, after, storedId)).editable) throw forbidden();
  }

  /** Access to a record as it would be after a write, from its own link fields. */
  private async prospectiveAccess(collection: CollectionName, r: Fields, storedId?: string): Promise<Access> {
    if (collection === 'cases') {
      const grants =
        storedId && this.principal
          ? await grantsOf(this.ctx.store.handle.db, this.principal.userId, this.principal.groupIds, [
              storedId,
            ])
          : new Map<string, string>();
      return this.accessToCase(String(r.confidentiality), storedId ? grants.get(storedId) : undefined);
    }
    if (CASE_OWNED.includes(collection)) {
      if (typeof r.caseId !== 'string') return this.fromLinks(collection, undefined, new Map());
      return (await this.caseAccess([r.caseId])).get(r.caseId) ?? HIDDEN;
    }
    if (collection === 'claims') {
      const target = SUBJECT_COLLECTIONS[String(r.subjectType)];
      const subjectId = String(r.subjectId);
      const source = String(r.sourceId);
      if (!target) return HIDDEN;
      const [subject, cited] = [
        (await this.accessTo(target, [subjectId])).get(subjectId) ?? HIDDEN,
        (await this.accessTo('sources', [source])).get(source) ?? HIDDEN,
      ];
      return { visible: subject.visible && cited.visible, editable: subject.editable && cited.editable };
    }
    if (storedId === undefined) return this.fromLinks(collection, undefined, new Map());
    return (await this.accessTo(collection, [storedId])).get(storedId) ?? HIDDEN;
  }

  /**
   * Refuses references to records the principal may not see, as if they did not exist. A
   * reference the stored record already holds is kept: the reader was never shown it (presenters
   * leave it out) and the write keeps it as it was, so nothing about it is learned or changed.
   */
  private async assertReferencesVisible(
    collection: CollectionName,
    record: Fields,
    stored: Fields | undefined,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const key = (r: { collection: string; id: string }) => `${r.collection}/${r.id}`;
    const held = new Set(stored ? referencesOf(COLLECTIONS[collection], stored).map(key) : []);
    const refs = referencesOf(COLLECTIONS[collection], record).filter((r) => !held.has(key(r)));
    for (const target of new Set(refs.map((r) => r.collection))) {
      const ids = refs.filter((r) => r.collection === target).map((r) => r.id);
      const access = await this.accessTo(target, ids);
      for (const ref of refs.filter((r) => r.collection === target && !access.get(r.id)?.visible)) {
        problems.push({
          path: `/${ref.field.replaceAll('.', '/')}`,
          message: `no ${COLLECTIONS[target].noun} with this id`,
        });
      }
    }
    if (problems.length)
      throw invalid(`${problems[0].path} refers to a record that does not exist`, problems);
  }
}

/** The 403 for a signed-in user acting beyond their role or grants. */
export function forbidden(): VigilError {
  return new VigilError('forbidden', 'your role or grants do not allow this');
}
