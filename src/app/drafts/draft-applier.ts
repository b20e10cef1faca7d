import type { CollectionName, StoredRecord } from '../../domain/collections.js';
import { invalid, VigilError } from '../../domain/errors.js';
import type { Draft, DraftItemView, DraftResult, DraftView, QuotedSpan } from '../../domain/schemas/draft.js';
import { DETENTION_ACTS } from '../../domain/vocabularies.js';
import { ingestRows } from '../../store/ingest-rows.js';
import type { RecordWriter } from '../../store/record-store.js';
import type { Actor, AppContext } from '../context.js';
import { updateActStatuses } from '../corroboration/act-status-updater.js';
import { AccessScope } from '../policies/access-scope.js';
import { insertValidRecord } from '../records/record-creator.js';
import { patchInTransaction } from '../records/record-updater.js';
import { applyAppealFromReport } from './appeal-application.js';
import { groupDescription, SpanLayout } from './draft-links.js';
import { placeAsReviewed } from './draft-namesakes.js';
import { draftOf, readDraftRow, resolvedId, viewDraft } from './draft-reader.js';
import { applyReplyItem } from './reply-item.js';

export interface ApplyDraftProps {
  ctx: AppContext;
  actor: Actor;
  draftId: string;
  /** Apply items nobody decided on as Vigil suggests; otherwise undecided items refuse the apply. */
  acceptPending?: boolean;
  /** Whose view of the records applies: the chosen records must be visible, the case writable. */
  scope?: AccessScope;
}

const INVOLVEMENT_ROLE: Record<string, string> = {
  detainee: 'victim',
  relative: 'relative_of',
  perpetrator: 'perpetrator',
  official: 'witness',
  lawyer: 'legal_representative',
  journalist: 'source',
  other: 'witness',
};
const ORGANIZATION_KIND: Record<string, string> = { military: 'military' };

const itemValue = (item: DraftItemView): Record<string, unknown> => ({
  ...item.proposed,
  ...(item.value ?? {}),
});
const present = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/**
 * Applies a reviewed draft in one transaction: creates or links the case, places,
 * organizations, persons (with their involvement), acts and appeals, and one claim per item
 * quoting the source at its span; updates act statuses by corroboration; marks the draft
 * applied. Everything or nothing, every write in the audit log.
 */
export async function applyDraft({
  ctx,
  actor,
  draftId,
  acceptPending = false,
  scope = AccessScope.system(ctx),
}: ApplyDraftProps): Promise<Draft> {
  const draft = await readDraftRow(ctx, draftId);
  if (draft.status !== 'pending') throw new VigilError('conflict', 'the draft was applied already');
  const pending = draft.items.filter((i) => i.decision === 'pending').map((i) => i.id);
  if (pending.length && !acceptPending)
    throw new VigilError(
      'conflict',
      'some items are still undecided; decide them or apply with acceptPending',
      {
        pendingItems: pending,
      },
    );
  const view = await viewDraft(ctx, draft, scope);
  await assertTargetsAllowed(ctx, scope, view);

  return ctx.store.write(actor.id, async (writer) => {
    const row = await ingestRows.draft(writer.trx, draftId);
    if (row?.status !== 'pending' || Number(row.version) !== draft.version)
      throw new VigilError('conflict', 'the draft changed while it was being applied; reload it');
    const source = await writer.get('sources', draft.sourceId);
    if (!source) throw invalid('the draft’s source no longer exists');
    const applier = new Application(writer, actor, view, source);
    const result = await applier.run();
    const after: Draft = { ...draft, status: 'applied', result, updatedAt: writer.now };
    const { id, sourceId: _s, status, version: _v, createdAt: _c, updatedAt, ...doc } = after;
    if (
      !(await ingestRows.updateDraft(writer.trx, id, draft.version, {
        status,
        doc: JSON.stringify(doc),
        updated_at: updatedAt,
      }))
    )
      throw new VigilError('conflict', 'the draft changed while it was being applied; reload it');
    await writer.note({
      action: 'apply',
      collection: 'drafts',
      recordId: id,
      before: { status: 'pending' },
      after: { status, result },
    });
    const stored = await ingestRows.draft(writer.trx, id);
    if (!stored) throw new VigilError('internal', 'draft vanished');
    return draftOf(stored);
  });
}

/** A record the draft made or linked, with its role or kind and where the text names it. */
interface Linked {
  id: string;
  role: string;
  spans: QuotedSpan[];
}

/** Who an act was done to and by, where and when, as the text says it. */
interface ActLinks {
  victimIds: string[];
  victimGroupIds: string[];
  perpetratorPersonIds: string[];
  perpetratorOrganizationIds: string[];
  placeId?: string;
  dateFrom?: string;
}

const isDetention = (type: string) => (DETENTION_ACTS as readonly string[]).includes(type);

/** The work of one apply, inside its transaction. */
class Application {
  private readonly result: DraftResult = { created: {}, linked: {}, claims: [] };
  private readonly live: DraftItemView[];
  private readonly layout: SpanLayout;

  constructor(
    private readonly writer: RecordWriter,
    private readonly actor: Actor,
    private readonly view: { items: DraftItemView[]; published: string | null },
    private readonly source: StoredRecord,
  ) {
    this.live = view.items.filter((i) => i.decision !== 'reject');
    this.layout = new SpanLayout(typeof source.text === 'string' ? source.text : '');
  }

  async run(): Promise<DraftResult> {
    const caseItem = this.live.find((i) => i.kind === 'case');
    const needsCase = this.live.some((i) => ['person', 'act', 'appeal', 'count', 'date'].includes(i.kind));
    if (!caseItem && needsCase)
      throw invalid(
        'the case item is rejected: reject the persons, acts, appeals, counts and dates too, or keep the case',
      );
    let caseId: string | undefined;
    if (caseItem) {
      caseId = await this.resolve(caseItem, 'cases', () =>
        present({
          title: String(itemValue(caseItem).title ?? 'Case'),
          summary: itemValue(caseItem).summary,
          status: 'open',
          confidentiality: 'restricted',
        }),
      );
      this.result.caseId = caseId;
    }
    const placeIds: string[] = [];
    const places: Linked[] = [];
    for (const item of this.of('place')) {
      const v = placeAsReviewed(item.proposed, item.value);
      const id = await this.resolve(item, 'places', () => placeInput(v));
      placeIds.push(id);
      places.push({ id, role: 'site', spans: item.spans });
      await this.claim('place', id, 'name', v.name, item);
    }
    const orgIds = new Map<string, string>();
    const orgs: Linked[] = [];
    for (const item of this.of('organization')) {
      const v = itemValue(item);
      const id = await this.resolve(item, 'organizations', () =>
        present({ name: v.name, kind: ORGANIZATION_KIND[String(v.kind)] ?? v.kind ?? 'other' }),
      );
      orgIds.set(String(v.name), id);
      orgs.push({ id, role: String(v.kind), spans: item.spans });
      await this.claim('organization', id, 'name', v.name, item);
    }
    const persons: Linked[] = [];
    for (const item of this.of('person')) {
      const v = itemValue(item);
      const name = String(v.name);
      const id = await this.resolve(item, 'persons', () => personInput(v));
      if (item.createNew === undefined || !item.createNew) await this.addNameVariant(id, name);
      await this.claim('person', id, 'name', name, item);
      if (typeof v.age === 'number') await this.claim('person', id, 'age', v.age, item);
      const role = String(v.role ?? 'other');
      persons.push({ id, role, spans: item.spans });
      if (role === 'detainee') {
        await this.claim('person', id, 'status', 'detained', item);
        await this.addStatus(id);
      }
    }
    const detainees = persons.filter((p) => p.role === 'detainee');
    const victims = detainees.map((p) => p.id);
    const countItem = this.of('count')[0];
    const groupId =
      caseId && countItem ? await this.groupFor(caseId, countItem, placeIds[0], victims) : undefined;
    if (caseId) await this.involveAll(caseId, persons, orgs, groupId);
    const actIds: string[] = [];
    const detainedAt = new Set<string>();
    for (const item of this.of('act')) {
      if (!caseId) break;
      const type = String(itemValue(item).type);
      const links = this.actLinks(item.spans, places, persons, orgs, groupId);
      const id = await this.actFor(caseId, type, links);
      actIds.push(id);
      if (isDetention(type) && links.placeId) detainedAt.add(links.placeId);
      await this.claim('act', id, 'type', type, item);
    }
    // A detention site is where people were held, even where no detention verb was found: each
    // site without a detention act gets one, with the victims, quoting the headcount at the
    // group's site and elsewhere the words that name the site as a place of holding.
    for (const [k, placeItem] of this.of('place').entries()) {
      const placeId = placeIds[k];
      if (!caseId || detainedAt.has(placeId)) continue;
      const at = countItem && groupId && placeId === placeIds[0] ? countItem : placeItem;
      const links = { ...this.actLinks(at.spans, places, persons, orgs, groupId), placeId };
      const id = await this.actFor(caseId, 'arbitrary_detention', links);
      actIds.push(id);
      detainedAt.add(placeId);
      await this.claim('act', id, 'type', 'arbitrary_detention', at);
    }
    for (const item of this.of('appeal')) {
      if (!caseId) break;
      const v = itemValue(item);
      const organizationId = orgIds.get(String(v.to));
      const appeal = await applyAppealFromReport(this.writer, {
        caseId,
        value: v,
        organizationId,
        personIds: victims,
        groupId,
      });
      this.note(appeal.created ? 'created' : 'linked', 'interventions', appeal.id);
      await this.claim('intervention', appeal.id, 'status', v.status, item);
    }
    for (const item of this.of('reply')) {
      const moved = await applyReplyItem({
        writer: this.writer,
        actor: this.actor,
        source: this.source,
        item,
        interventionId: resolvedId(item),
      });
      this.note('linked', 'interventions', moved.intervention.id);
      if (moved.followUp) this.note('created', 'interventions', moved.followUp.id);
      await this.claim('intervention', moved.intervention.id, 'status', moved.intervention.status, item);
    }
    for (const item of this.of('count')) {
      if (caseId) await this.claim('case', caseId, 'detainedCount', itemValue(item).value, item);
      if (groupId) await this.claim('group', groupId, 'count', itemValue(item).value, item);
    }
    for (const item of this.of('date'))
      if (caseId) await this.claim('case', caseId, 'date', itemValue(item).date, item);
    await updateActStatuses(this.writer, actIds);
    return this.result;
  }

  private of(kind: string) {
    return this.live.filter((i) => i.kind === kind);
  }

  private note(bucket: 'created' | 'linked', collection: string, id: string) {
    const list = this.result[bucket][collection] ?? [];
    if (!list.includes(id)) list.push(id);
    this.result[bucket][collection] = list;
  }

  /** The record an entity item is: the chosen or suggested one if it exists, else a new one. */
  private async resolve(
    item: DraftItemView,
    collection: CollectionName,
    input: () => unknown,
  ): Promise<string> {
    const id = resolvedId(item);
    if (id) {
      if (!(await this.writer.get(collection, id)))
        throw invalid(`item ${item.id} is matched to a record that does not exist`);
      this.note('linked', collection, id);
      return id;
    }
    const record = await insertValidRecord(this.writer, collection, input(), 'apply-draft');
    this.note('created', collection, record.id);
    return record.id;
  }

  private async claim(
    subjectType: string,
    subjectId: string,
    field: string,
    value: unknown,
    item: DraftItemView,
  ) {
    const span = item.spans[0];
    if (!span || value === undefined || value === null) return;
    const claim = await insertValidRecord(
      this.writer,
      'claims',
      {
        sourceId: this.source.id,
        subjectType,
        subjectId,
        field,
        value,
        span: { start: span.start, end: span.end },
        quote: span.quote,
        credibility: 3,
      },
      'apply-draft',
    );
    this.result.claims.push(claim.id);
  }

  private async update(collection: CollectionName, record: StoredRecord, changes: Record<string, unknown>) {
    await patchInTransaction(this.writer, collection, record, changes, this.actor.id, 'apply-draft');
  }

  private async addNameVariant(personId: string, name: string) {
    const person = await this.writer.get('persons', personId);
    if (!person) return;
    const names = person.names as Array<{ value: string }>;
    if (names.some((n) => n.value === name) || names.length >= 50) return;
    await this.update('persons', person, { names: [...names, nameVariant(name)] });
  }

  private async addStatus(personId: string) {
    const person = await this.writer.get('persons', personId);
    if (!person) return;
    const history = (person.statusHistory as Array<Record<string, unknown>> | undefined) ?? [];
    if (history.some((h) => h.status === 'detained' && h.sourceId === this.source.id)) return;
    const entry = present({
      status: 'detained',
      sourceId: this.source.id,
      date: this.view.published ?? undefined,
    });
    await this.update('persons', person, { statusHistory: [...history, entry] });
  }

  /** A case link of a person, group or organization in a role, unless it is there already. */
  private async involve(
    caseId: string,
    subject: { personId: string } | { groupId: string } | { organizationId: string },
    role: string,
    related: { relatedPersonId?: string; relatedGroupId?: string } = {},
  ) {
    const links = await this.writer.list('involvements', { filters: { caseId, ...subject }, limit: 100 });
    if (links.some((l) => l.role === role)) return;
    const link = await insertValidRecord(
      this.writer,
      'involvements',
      present({ caseId, ...subject, role, ...related }),
      'apply-draft',
    );
    this.note('created', 'involvements', link.id);
  }

  /**
   * Links everyone the draft names to the case in their role: detainees (and the group) as
   * victims, relatives as relatives of the detainee named nearest to them (else of the group),
   * units as perpetrators, other military or armed organizations as perpetrators where the text
   * names them with an act, the outlet as source; a company named with a detainee employs him.
   */
  private async involveAll(caseId: string, persons: Linked[], orgs: Linked[], groupId?: string) {
    const detainees = persons.filter((p) => p.role === 'detainee');
    if (groupId) await this.involve(caseId, { groupId }, 'victim');
    for (const p of persons) {
      const role = INVOLVEMENT_ROLE[p.role] ?? 'witness';
      if (role !== 'relative_of') {
        await this.involve(caseId, { personId: p.id }, role);
        continue;
      }
      const speaksFor = this.layout.nearest(
        p.spans,
        detainees.map((d) => ({ spans: d.spans, value: d.id })),
      );
      const related = speaksFor ? { relatedPersonId: speaksFor } : groupId ? { relatedGroupId: groupId } : {};
      await this.involve(caseId, { personId: p.id }, role, related);
    }
    const actSpans = this.of('act').flatMap((i) => i.spans);
    for (const o of orgs) {
      const role =
        o.role === 'military_unit' ||
        ((o.role === 'military' || o.role === 'armed_group') && this.layout.shareSentence(o.spans, actSpans))
          ? 'perpetrator'
          : o.role === 'media'
            ? 'source'
            : undefined;
      if (role) await this.involve(caseId, { organizationId: o.id }, role);
      if (o.role === 'company')
        for (const d of detainees.filter((d) => this.layout.shareSentence(d.spans, o.spans)))
          await this.setEmployer(d.id, o.id);
    }
  }

  private async setEmployer(personId: string, organizationId: string) {
    const person = await this.writer.get('persons', personId);
    if (person && person.employerOrganizationId === undefined)
      await this.update('persons', person, { employerOrganizationId: organizationId });
  }

  /**
   * The group the headcount speaks of: the case's group at this site if it has one, else a new
   * one with the number, who they are (the quote without the number), the site and this source.
   * Named detainees of the draft join it when the number can hold them; a number no larger than
   * the named detainees adds no group (they are the people counted).
   */
  private async groupFor(
    caseId: string,
    item: DraftItemView,
    placeId: string | undefined,
    detainees: string[],
  ): Promise<string | undefined> {
    const count = Number(itemValue(item).value);
    if (!Number.isInteger(count) || count < 1 || count <= detainees.length) return undefined;
    const links = await this.writer.list('involvements', { filters: { caseId, role: 'victim' }, limit: 500 });
    const groupIds = links.map((l) => l.groupId).filter((g): g is string => typeof g === 'string');
    let existing: StoredRecord | undefined;
    for (const id of new Set(groupIds)) {
      const group = await this.writer.get('person_groups', id);
      if (group?.placeId === placeId) existing = group;
    }
    if (existing) {
      const members = (existing.memberPersonIds as string[] | undefined) ?? [];
      const sources = (existing.sourceIds as string[] | undefined) ?? [];
      const joined = [...new Set([...members, ...detainees])];
      const changes: Record<string, unknown> = {};
      if (joined.length > members.length && joined.length <= Math.max(count, Number(existing.count ?? 0)))
        changes.memberPersonIds = joined;
      if (!sources.includes(this.source.id)) changes.sourceIds = [...sources, this.source.id];
      if (Object.keys(changes).length) await this.update('person_groups', existing, changes);
      this.note('linked', 'person_groups', existing.id);
      return existing.id;
    }
    const description = itemValue(item).description;
    const group = await insertValidRecord(
      this.writer,
      'person_groups',
      present({
        description:
          typeof description === 'string' && description.trim()
            ? description.trim()
            : groupDescription(item.spans[0]?.quote ?? String(count)),
        count,
        placeId,
        memberPersonIds: detainees.length ? detainees : undefined,
        sourceIds: [this.source.id],
      }),
      'apply-draft',
    );
    this.note('created', 'person_groups', group.id);
    return group.id;
  }

  /**
   * What the text says of one act: its victims (the named detainees and the group), the site
   * named nearest to it, the units and perpetrators named in its sentences, and the earliest
   * date named there.
   */
  private actLinks(
    spans: QuotedSpan[],
    places: Linked[],
    persons: Linked[],
    orgs: Linked[],
    groupId: string | undefined,
  ): ActLinks {
    const near = (l: Linked) => this.layout.shareSentence(l.spans, spans);
    const dates = this.of('date')
      .filter((d) => this.layout.shareSentence(d.spans, spans))
      .map((d) => String(itemValue(d).date))
      .filter((d) => /^\d{4}(-\d{2}){0,2}$/.test(d))
      .sort();
    return {
      victimIds: persons.filter((p) => p.role === 'detainee').map((p) => p.id),
      victimGroupIds: groupId ? [groupId] : [],
      perpetratorPersonIds: persons.filter((p) => p.role === 'perpetrator' && near(p)).map((p) => p.id),
      perpetratorOrganizationIds: orgs
        .filter((o) => ['military_unit', 'military', 'armed_group'].includes(o.role) && near(o))
        .map((o) => o.id),
      placeId:
        this.layout.nearest(
          spans,
          places.map((p) => ({ spans: p.spans, value: p.id })),
        ) ?? places[0]?.id,
      dateFrom: dates[0],
    };
  }

  /** The case's act of this type at this site, linked (what is new added), or a new one. */
  private async actFor(caseId: string, type: string, links: ActLinks): Promise<string> {
    const { placeId, dateFrom } = links;
    const acts = await this.writer.list('acts', { filters: { caseId, type }, limit: 100 });
    const same = acts.find((a) => a.placeId === placeId) ?? acts.find((a) => a.placeId === undefined);
    const lists = [
      'victimIds',
      'victimGroupIds',
      'perpetratorPersonIds',
      'perpetratorOrganizationIds',
    ] as const;
    if (same) {
      const changes: Record<string, unknown> = {};
      for (const field of lists) {
        const known = (same[field] as string[] | undefined) ?? [];
        const more = links[field].filter((v) => !known.includes(v));
        if (more.length) changes[field] = [...known, ...more];
      }
      if (placeId && !same.placeId) changes.placeId = placeId;
      if (dateFrom && !same.dateFrom) changes.dateFrom = dateFrom;
      if (Object.keys(changes).length) await this.update('acts', same, changes);
      this.note('linked', 'acts', same.id);
      return same.id;
    }
    const act = await insertValidRecord(
      this.writer,
      'acts',
      present({
        caseId,
        type,
        status: 'alleged',
        ...Object.fromEntries(lists.map((f) => [f, links[f].length ? links[f] : undefined])),
        placeId,
        dateFrom,
      }),
      'apply-draft',
    );
    this.note('created', 'acts', act.id);
    return act.id;
  }
}

function nameVariant(name: string) {
  return {
    value: name,
    script: /[\u0400-\u04ff]/.test(name) ? 'cyrillic' : /[a-z]/i.test(name) ? 'latin' : 'other',
  };
}

function personInput(v: Record<string, unknown>) {
  const birthYear =
    typeof v.birthYear === 'number' || typeof v.birthYear === 'string' ? String(v.birthYear) : undefined;
  return present({
    names: [nameVariant(String(v.name))],
    birthDate: birthYear,
    hometown: typeof v.hometown === 'string' ? v.hometown : undefined,
    unit: typeof v.unit === 'string' ? v.unit : undefined,
  });
}

function placeInput(v: Record<string, unknown>) {
  const name = String(v.canonical ?? v.name);
  const hasCoordinates = typeof v.lat === 'number' && typeof v.lon === 'number';
  return present({
    name,
    otherNames: v.name && v.name !== name ? [String(v.name)] : undefined,
    kind: 'settlement',
    region: v.region,
    country: typeof v.country === 'string' && /^[A-Z]{2}$/.test(v.country) ? v.country : undefined,
    lat: hasCoordinates ? v.lat : undefined,
    lon: hasCoordinates ? v.lon : undefined,
    precision: hasCoordinates ? 'settlement' : undefined,
    gazetteerId: v.gazetteerId,
  });
}

const TARGETS: Record<string, CollectionName | undefined> = {
  person: 'persons',
  place: 'places',
  organization: 'organizations',
  case: 'cases',
  reply: 'interventions',
};

/** A reviewer may link only records they see, and add to a case only when they may edit it. */
async function assertTargetsAllowed(ctx: AppContext, scope: AccessScope, view: DraftView): Promise<void> {
  for (const item of view.items) {
    const collection = TARGETS[item.kind];
    const id = item.decision === 'reject' ? undefined : resolvedId(item);
    if (!collection || id === undefined) continue;
    await scope.assertVisible(collection, id);
    if (collection === 'cases' || collection === 'interventions') {
      const stored = await ctx.store.get(collection, id);
      if (stored) await scope.assertWritable(collection, stored, id);
    }
  }
}
