/** What counting needs of a group: its number, its named members and its parent group. */
export interface CountedGroup {
  id: string;
  count?: number;
  memberPersonIds?: string[];
  parentGroupId?: string;
}

/**
 * How many people named persons and groups make together, counting nobody twice: a sub-group is
 * part of its parent when both are there, and a named member of a group is one of its number.
 * A group counts the largest of its stated number, its named members (with those of its
 * sub-groups) and the number of any one sub-group (sub-groups may overlap: "eight of them exempt",
 * "three of them ill", so they are never added up); groups whose parent is absent count on their own.
 */
export function countPeople(personIds: Iterable<string>, groups: CountedGroup[]): number {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const rootOf = (g: CountedGroup): CountedGroup => {
    const seen = new Set<string>();
    let at = g;
    while (at.parentGroupId && byId.has(at.parentGroupId) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parentGroupId) as CountedGroup;
    }
    return at;
  };
  const members = new Map<string, Set<string>>();
  const largestPart = new Map<string, number>();
  for (const g of byId.values()) {
    const root = rootOf(g);
    const set = members.get(root.id) ?? new Set<string>();
    for (const p of g.memberPersonIds ?? []) set.add(p);
    members.set(root.id, set);
    largestPart.set(root.id, Math.max(largestPart.get(root.id) ?? 0, g.count ?? 0));
  }
  let total = 0;
  const inGroups = new Set<string>();
  for (const [rootId, set] of members) {
    const root = byId.get(rootId) as CountedGroup;
    total += Math.max(root.count ?? 0, set.size, largestPart.get(rootId) ?? 0);
    for (const p of set) inGroups.add(p);
  }
  for (const p of new Set(personIds)) if (!inGroups.has(p)) total++;
  return total;
}
