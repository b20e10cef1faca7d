import { PassThrough } from 'node:stream';
import { unzipSync } from 'fflate';
import type { AppContext } from '../app/context.js';
import { AccessScope } from '../app/policies/access-scope.js';
import { prepareExport } from '../app/transfer/export/export-runner.js';
import type { CollectionName, StoredRecord } from '../domain/collections.js';
import type { ExportFormat } from '../domain/vocabularies.js';

/** Runs one export through the pipeline as a download would and returns its bytes. */
export async function exportBytes(
  ctx: AppContext,
  format: ExportFormat,
  filters?: unknown,
  scope: AccessScope = AccessScope.system(ctx),
): Promise<Buffer> {
  const prepared = await prepareExport({ ctx, scope, format, filters, into: 'stream' });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await prepared.run(out);
  out.end();
  return Buffer.concat(chunks);
}

/** The files of a zip archive as text, by name (a byte order mark kept, to be checked). */
export function unzipText(bytes: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]),
  );
}

/**
 * Persons, places, organizations and links described by names, so that two databases with
 * different ids compare: what a round trip through another format must keep.
 */
export async function recordPicture(ctx: AppContext) {
  const all = async (c: CollectionName) => ctx.store.list(c, { limit: 1000 });
  const byId = new Map<string, StoredRecord>();
  for (const c of ['persons', 'organizations', 'places', 'cases', 'person_groups'] as const)
    for (const r of await all(c)) byId.set(r.id, r);
  const nameOf = (id: unknown) => {
    const r = byId.get(String(id));
    if (!r) return undefined;
    return String(r.title ?? r.name ?? r.description ?? (r.names as Array<{ value: string }>)[0].value);
  };
  const names = (list: unknown) => ((list ?? []) as string[]).map(nameOf).sort().join(',');
  return {
    persons: (await all('persons'))
      .map((p) => ({
        names: (p.names as Array<{ value: string }>).map((n) => n.value),
        birthDate: p.birthDate,
        unit: nameOf(p.unitOrganizationId),
        employer: nameOf(p.employerOrganizationId),
        hometown: nameOf(p.hometownPlaceId),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    places: (await all('places'))
      .map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, region: p.region, country: p.country }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    organizations: (await all('organizations'))
      .map((o) => ({ name: o.name, kind: o.kind, parent: nameOf(o.parentId) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    groups: (await all('person_groups'))
      .map((g) => ({
        description: g.description,
        count: g.count,
        place: nameOf(g.placeId),
        partOf: nameOf(g.parentGroupId),
        members: names(g.memberPersonIds),
      }))
      .sort((a, b) => String(a.description).localeCompare(String(b.description))),
    involvements: (await all('involvements'))
      .map(
        (i) =>
          `${nameOf(i.personId ?? i.groupId ?? i.organizationId)} ${i.role} in ${nameOf(i.caseId)}${
            i.relatedGroupId ? ` for ${nameOf(i.relatedGroupId)}` : ''
          }`,
      )
      .sort(),
    acts: (await all('acts'))
      .map(
        (a) =>
          `${a.type} ${a.status} at ${nameOf(a.placeId)} in ${nameOf(a.caseId)} to ${names(a.victimIds)}${
            a.victimGroupIds ? ` and ${names(a.victimGroupIds)}` : ''
          } by ${names([
            ...((a.perpetratorPersonIds as string[]) ?? []),
            ...((a.perpetratorOrganizationIds as string[]) ?? []),
          ])} ${a.dateFrom ?? ''}`,
      )
      .sort(),
  };
}

type Picture = Awaited<ReturnType<typeof recordPicture>>;

/**
 * The picture without groups of unnamed people, for formats that have no place for them (the
 * Uwazi templates carry persons, organizations, places, sources, cases and acts only).
 */
export function withoutGroups(picture: Picture): Picture {
  const groups = new Set(picture.groups.map((g) => String(g.description)));
  return {
    ...picture,
    groups: [],
    involvements: picture.involvements.filter((i) => ![...groups].some((g) => i.startsWith(`${g} `))),
    acts: picture.acts.map((a) => a.replace(/ and [\s\S]*? by /, ' by ')),
  };
}
