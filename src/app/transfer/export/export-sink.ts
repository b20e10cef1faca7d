import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** One file of an export being written; `write` waits while the reader is slower than Vigil. */
export interface ExportFile {
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
}

/** Where an export's files go: one stream, a zip archive, or a directory (the CLI's). */
export interface ExportSink {
  /** True when the sink takes only one file (a plain download or standard output). */
  readonly single: boolean;
  /** Starts the next file; the one before must have ended. */
  open(name: string): ExportFile;
  /** Finishes the export after the last file. */
  close(): Promise<void>;
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/** Writes text to a stream with backpressure: a large export never piles up in memory. */
export async function writeText(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** The one file of an export written straight to a stream, which the caller ends. */
export function streamSink(out: Writable): ExportSink {
  let opened = false;
  return {
    single: true,
    open(name) {
      if (opened) throw new Error(`a single-file export cannot hold ${name} too`);
      opened = true;
      return { write: (chunk) => writeText(out, chunk), end: async () => undefined };
    },
    close: async () => undefined,
  };
}

/** The files of an export as one zip archive streamed to `out` (deflated, ZIP64 not needed below 4 GB). */
export function zipSink(out: Writable): ExportSink {
  let failure: Error | null = null;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.write(chunk);
    if (final || err) finish();
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    single: false,
    open(name) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      return {
        async write(chunk) {
          entry.push(strToU8(chunk));
          check();
          await drained(out);
        },
        async end() {
          entry.push(new Uint8Array(0), true);
          check();
          await drained(out);
        },
      };
    },
    async close() {
      zip.end();
      await done;
      check();
    },
  };
}
