import sodium from 'libsodium-wrappers';

/** libsodium (WASM), ready to use; the first call waits for it to load. */
export async function loadSodium(): Promise<typeof sodium> {
  await sodium.ready;
  return sodium;
}
