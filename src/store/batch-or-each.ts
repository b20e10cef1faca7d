/**
 * Writes a batch in one go and, when that fails, each item in a go of its own, so that one bad
 * item holds back no other; an item whose own go fails too is handed to `failed`. A batch of one
 * is not tried twice.
 */
export async function writeBatchOrEach<T>(
  items: T[],
  write: (batch: T[]) => Promise<void>,
  failed: (item: T, err: unknown) => Promise<void>,
): Promise<void> {
  if (items.length === 0) return;
  try {
    await write(items);
  } catch (err) {
    const [only] = items;
    if (items.length === 1 && only !== undefined) return failed(only, err);
    for (const item of items)
      try {
        await write([item]);
      } catch (err) {
        await failed(item, err);
      }
  }
}
