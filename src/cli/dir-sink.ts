import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ExportSink } from '../app/transfer/export/export-sink.js';
import { writeText } from '../app/transfer/export/export-sink.js';

/**
 * The files of an export written into a directory (made if missing, readable by the owner only).
 * A file that exists already is never overwritten: the export stops with an error instead.
 */
export function dirSink(dir: string): ExportSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let pending: Promise<void> = Promise.resolve();
  return {
    single: false,
    open(name) {
      const out = createWriteStream(join(dir, name), { flags: 'wx', mode: 0o600 });
      const failed = new Promise<never>((_, reject) => out.once('error', reject));
      failed.catch(() => undefined);
      return {
        write: (chunk) => Promise.race([writeText(out, chunk), failed]),
        end: async () => {
          out.end();
          pending = Promise.race([finished(out), failed]);
          await pending;
        },
      };
    },
    close: () => pending,
  };
}
