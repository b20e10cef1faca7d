/**
 * A server vocabulary in the order a page offers it: the listed values first, then any value the
 * server has and the page does not list yet, so a new value still shows up.
 */
export function inOrder<T extends string>(values: readonly T[], first: readonly NoInfer<T>[]): T[] {
  return [...first, ...values.filter((value) => !first.includes(value))];
}
