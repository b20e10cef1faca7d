import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { UwaziFile } from '../app/transfer/uwazi/uwazi-rows.js';
import { UsageError } from './command.js';

/** The CSV files of an Uwazi import: one .csv, the .csv files in a zip, or in a directory. */
export function readUwaziFiles(path: string): UwaziFile[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`cannot read ${path}`);
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  let files: UwaziFile[];
  if (info.isDirectory()) {
    files = readdirSync(path)
      .filter((name) => name.toLowerCase().endsWith('.csv'))
      .sort()
      .map((name) => ({ name, content: readFileSync(join(path, name), 'utf8') }));
  } else if (path.toLowerCase().endsWith('.zip')) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(new Uint8Array(readFileSync(path)));
    } catch {
      throw new UsageError(`${path} is not a zip archive`);
    }
    files = Object.entries(entries)
      .filter(([name]) => name.toLowerCase().endsWith('.csv'))
      .map(([name, bytes]) => ({ name: basename(name), content: text(bytes) }));
  } else files = [{ name: basename(path), content: readFileSync(path, 'utf8') }];
  if (files.length === 0) throw new UsageError(`${path} holds no .csv file`);
  return files;
}
