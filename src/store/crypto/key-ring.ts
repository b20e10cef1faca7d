import { hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { FieldCipher } from './field-cipher.js';
import { KEY_BYTES, KeyError } from './master-key.js';
import { loadSodium } from './sodium.js';

/**
 * Sensitive fields are encrypted under random per-database data keys; only the data keys are
 * encrypted ("wrapped") under the master key the operator holds. Rotating the master key then
 * rewraps a few rows, and every sealed value, including those the audit hash chain covers, stays
 * as it is. Unwrapping with the wrong master key fails authentication: that is the key check.
 */
const FIRST_KEY_ID = 'dk1';

/** The audit chain's HMAC key is kept beside the data keys, wrapped the same way. */
const AUDIT_KEY_ID = 'audit-mac';

const isDataKey = (row: { id: string }) => row.id !== AUDIT_KEY_ID;

function associated(id: string): string {
  return `vigil-data-key:${id}`;
}

async function wrap(dataKey: Uint8Array, id: string, master: Uint8Array): Promise<string> {
  const s = await loadSodium();
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const box = s.crypto_aead_xchacha20poly1305_ietf_encrypt(dataKey, associated(id), null, nonce, master);
  return `${Buffer.from(nonce).toString('base64')}.${Buffer.from(box).toString('base64')}`;
}

async function unwrap(wrapped: string, id: string, master: Uint8Array): Promise<Uint8Array> {
  const s = await loadSodium();
  const [nonce, box] = wrapped.split('.');
  try {
    return s.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      Buffer.from(box ?? '', 'base64'),
      associated(id),
      Buffer.from(nonce ?? '', 'base64'),
      master,
    );
  } catch {
    throw new KeyError('wrong key: the encryption key does not open this database');
  }
}

/** Data key ids in the order they were made; the last one seals new values. */
function byAge<T extends { id: string; created_at: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

/**
 * Opens the database's data keys with the master key, creating the first one for a new
 * database, and returns the cipher for its sensitive fields. A wrong master key throws KeyError.
 */
export async function openKeyRing(db: Kysely<Database>, master: Uint8Array): Promise<FieldCipher> {
  const s = await loadSodium();
  let rows = (await db.selectFrom('data_keys').selectAll().execute()).filter(isDataKey);
  if (rows.length === 0) {
    const wrapped = await wrap(s.randombytes_buf(KEY_BYTES), FIRST_KEY_ID, master);
    // Two processes opening a new database at once: one insert wins, both use its key.
    await db
      .insertInto('data_keys')
      .values({ id: FIRST_KEY_ID, wrapped, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    rows = (await db.selectFrom('data_keys').selectAll().execute()).filter(isDataKey);
  }
  const keys = new Map<string, Uint8Array>();
  for (const row of byAge(rows)) keys.set(row.id, await unwrap(row.wrapped, row.id, master));
  const active = byAge(rows).at(-1)?.id ?? FIRST_KEY_ID;
  return new FieldCipher(s, keys, active);
}

/** Rewraps every data key under a new master key, in one transaction; the old one must open them. */
export async function rewrapDataKeys(
  db: Kysely<Database>,
  oldMaster: Uint8Array,
  newMaster: Uint8Array,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('data_keys').selectAll().execute();
    for (const row of rows) {
      const key = await unwrap(row.wrapped, row.id, oldMaster);
      const wrapped = await wrap(key, row.id, newMaster);
      await trx.updateTable('data_keys').set({ wrapped }).where('id', '=', row.id).execute();
    }
    return rows.length;
  });
}

/** Adds a fresh data key that becomes the active one; returns its id. */
export async function addDataKey(db: Kysely<Database>, master: Uint8Array): Promise<string> {
  const s = await loadSodium();
  const rows = (await db.selectFrom('data_keys').select(['id', 'created_at']).execute()).filter(isDataKey);
  const id = `dk${rows.length + 1}`;
  const wrapped = await wrap(s.randombytes_buf(KEY_BYTES), id, master);
  const latest = byAge(rows).at(-1)?.created_at ?? '';
  const now = new Date().toISOString();
  await db
    .insertInto('data_keys')
    .values({ id, wrapped, created_at: now > latest ? now : `${latest}+` })
    .execute();
  return id;
}

/**
 * The audit chain's HMAC key. It is derived from the master key the first time the database is
 * opened (HKDF-SHA256, its own label, so it is no other key Vigil uses), then kept wrapped like the
 * data keys: rotating the master key rewraps it, so the chain written before keeps verifying. Two
 * databases first opened with the same master key share it, so a JSON export imports and
 * verifies into a new database opened with that key.
 */
export async function openAuditKey(db: Kysely<Database>, master: Uint8Array): Promise<Uint8Array> {
  const stored = () =>
    db.selectFrom('data_keys').select('wrapped').where('id', '=', AUDIT_KEY_ID).executeTakeFirst();
  let row = await stored();
  if (!row) {
    const derived = new Uint8Array(hkdfSync('sha256', master, 'vigil', 'audit-chain-v1', KEY_BYTES));
    await db
      .insertInto('data_keys')
      .values({
        id: AUDIT_KEY_ID,
        wrapped: await wrap(derived, AUDIT_KEY_ID, master),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await stored();
  }
  return unwrap(row?.wrapped ?? '', AUDIT_KEY_ID, master);
}
