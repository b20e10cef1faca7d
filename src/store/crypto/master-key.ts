import { readFileSync, statSync } from 'node:fs';

/** The length of every key Vigil uses: 32 bytes (XChaCha20-Poly1305). */
export const KEY_BYTES = 32;

/** A key that is missing, malformed, or does not open this database. Never carries key material. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

/** Decodes a base64 key and checks its length. */
export function parseKey(text: string, where: string): Uint8Array {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new KeyError(`${where} is not base64`);
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== KEY_BYTES) {
    throw new KeyError(`${where} must hold ${KEY_BYTES} bytes in base64 (it holds ${bytes.length})`);
  }
  return new Uint8Array(bytes);
}

/** Reads a key file: one line of base64. Refused when others than the owner may read it. */
export function readKeyFile(path: string): Uint8Array {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new KeyError(`cannot read the key file ${path}`);
  }
  if (mode & 0o077) {
    throw new KeyError(`the key file ${path} is readable by others; make it private (chmod 600)`);
  }
  return parseKey(readFileSync(path, 'utf8'), 'the key file');
}

/**
 * The master key of this process: `--key-file`, else VIGIL_KEY_FILE, else VIGIL_KEY (base64).
 * Without one Vigil does not start: it never writes personal data unencrypted.
 */
export function loadMasterKey(flags: { keyFile?: string }, env: NodeJS.ProcessEnv): Uint8Array {
  const file = flags.keyFile || env.VIGIL_KEY_FILE;
  if (file) return readKeyFile(file);
  if (env.VIGIL_KEY) return parseKey(env.VIGIL_KEY, 'VIGIL_KEY');
  throw new KeyError(
    'no encryption key: set VIGIL_KEY (base64 of 32 bytes) or VIGIL_KEY_FILE, or pass --key-file; `vigil key generate` makes one',
  );
}
