import { inflateRawSync } from 'node:zlib';
import { VigilError } from '../../domain/errors.js';

/** Limits that stop a zip archive (a .docx, an .xlsx) from expanding into more than we are willing to read. */
export interface ZipLimits {
  /** Largest total uncompressed size of all entries, bytes. */
  maxTotalBytes: number;
  /** Largest ratio of uncompressed to compressed size for any entry: higher is a bomb. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const corrupt = () => new VigilError('invalid_input', 'the file is a damaged zip archive (.docx, .xlsx)');

/**
 * A minimal reader of zip archives for .docx and .xlsx: it lists entries from the central directory,
 * refuses archives whose declared sizes or compression ratios look like a bomb, and inflates one
 * entry with a hard cap on its output, so that lying size fields cannot get past the limit.
 */
export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Buffer,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const end = findEndOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(end + 10);
    const dirSize = bytes.readUInt32LE(end + 12);
    let at = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || at === 0xffffffff)
      throw new VigilError('invalid_input', 'zip64 archives are not supported');
    if (count > limits.maxEntries) throw new VigilError('too_large', 'the archive holds too many files');
    if (at + dirSize > bytes.length) throw corrupt();
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw corrupt();
      const entry: ZipEntry = {
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        uncompressedSize: bytes.readUInt32LE(at + 24),
        name: bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)),
        localOffset: bytes.readUInt32LE(at + 42),
      };
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        throw new VigilError('too_large', 'the archive expands to more than allowed (a compression bomb?)');
      if (entry.uncompressedSize > Math.max(entry.compressedSize, 1024) * limits.maxRatio)
        throw new VigilError(
          'too_large',
          'the archive is compressed beyond a safe ratio (a compression bomb?)',
        );
      this.entries.set(entry.name, entry);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entries' names, in the archive's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The declared uncompressed size of one entry (read() never returns more). */
  sizeOf(name: string): number | undefined {
    return this.entries.get(name)?.uncompressedSize;
  }

  /** The uncompressed content of one entry; never more than its declared size. */
  read(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw corrupt();
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== 0x04034b50) throw corrupt();
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw corrupt();
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method !== 8)
      throw new VigilError('invalid_input', 'the archive uses an unsupported compression');
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      if (out.length !== entry.uncompressedSize) throw corrupt();
      return out;
    } catch (err) {
      if (err instanceof VigilError) throw err;
      // RangeError: the entry inflates past its declared size, which only a forged archive does.
      if (err instanceof RangeError)
        throw new VigilError('too_large', 'an archive entry expands past its declared size');
      throw corrupt();
    }
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw corrupt();
}
