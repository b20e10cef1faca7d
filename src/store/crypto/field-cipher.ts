import { randomBytes } from 'node:crypto';
import { COLLECTIONS, type CollectionName } from '../../domain/collections.js';
import { KeyError } from './master-key.js';
import type { loadSodium } from './sodium.js';

type Sodium = Awaited<ReturnType<typeof loadSodium>>;

/** Sealed values are text: "vgl1.<data key id>.<base64url(nonce ‖ ciphertext)>". */
const PREFIX = 'vgl1.';

/**
 * Encrypts and decrypts single field values with XChaCha20-Poly1305 under the database's data
 * keys. The key id travels with each value, so values sealed under an older data key still open.
 */
export class FieldCipher {
  constructor(
    private readonly sodium: Sodium,
    private readonly keys: ReadonlyMap<string, Uint8Array>,
    readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) throw new KeyError('the active data key is missing');
  }

  /** Encrypts any JSON value under the active data key; the key id is bound as associated data. */
  seal(value: unknown): string {
    const s = this.sodium;
    const key = this.keys.get(this.activeKeyId) as Uint8Array;
    // Node's CSPRNG: libsodium's randombytes_buf costs ~50 µs a call in its WebAssembly build,
    // which dominated bulk writes (two sealed fields per imported claim).
    const nonce = randomBytes(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const plain = s.from_string(JSON.stringify(value));
    const box = s.crypto_aead_xchacha20poly1305_ietf_encrypt(plain, this.activeKeyId, null, nonce, key);
    const joined = new Uint8Array(nonce.length + box.length);
    joined.set(nonce);
    joined.set(box, nonce.length);
    return `${PREFIX}${this.activeKeyId}.${Buffer.from(joined).toString('base64url')}`;
  }

  /** Decrypts a sealed value; fails loudly on a damaged value or an unknown key. */
  open(sealed: string): unknown {
    const s = this.sodium;
    const [prefix, keyId, body] = sealed.split('.');
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (`${prefix}.` !== PREFIX || !body || !key) throw new KeyError('a sealed value has no known key');
    const joined = new Uint8Array(Buffer.from(body, 'base64url'));
    const n = s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    try {
      const plain = s.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        joined.subarray(n),
        keyId,
        joined.subarray(0, n),
        key,
      );
      return JSON.parse(s.to_string(plain));
    } catch {
      throw new KeyError('a sealed value does not open: it was damaged or sealed under another key');
    }
  }

  /** Is this a sealed value (as opposed to a plain one)? */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  /** A record's fields with its collection's sensitive fields sealed. */
  sealFields(collection: CollectionName, fields: Record<string, unknown>): Record<string, unknown> {
    const which = COLLECTIONS[collection].encrypted?.(fields) ?? [];
    if (which.length === 0) return fields;
    const out = { ...fields };
    for (const field of which) if (out[field] !== undefined) out[field] = this.seal(out[field]);
    return out;
  }

  /** A stored document with its sealed fields opened again. */
  openFields(collection: CollectionName, doc: Record<string, unknown>): Record<string, unknown> {
    const which = COLLECTIONS[collection].encrypted?.(doc) ?? [];
    if (which.length === 0) return doc;
    const out = { ...doc };
    for (const field of which) {
      const value = out[field];
      if (FieldCipher.isSealed(value)) out[field] = this.open(value);
    }
    return out;
  }
}
