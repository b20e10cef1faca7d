import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VigilError } from '../domain/errors.js';
import {
  exportPath,
  type TelegramExportFiles,
  type TelegramLimits,
} from '../ingest/formats/telegram-archive.js';

function folderSize(dir: string, limit: number): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderSize(path, limit - total);
    else if (entry.isFile()) total += statSync(path).size;
    if (total > limit) throw new VigilError('too_large', `the export folder holds more than ${limit} bytes`);
  }
  return total;
}

/** The files of an export folder as Telegram Desktop wrote it (`result.json`, `photos/`, `files/`…). */
export function folderExportFiles(dir: string, limits: TelegramLimits): TelegramExportFiles {
  if (!statSync(join(dir, 'result.json'), { throwIfNoEntry: false })?.isFile())
    throw new VigilError('invalid_input', 'the folder holds no result.json (export the chat in JSON format)');
  folderSize(dir, limits.maxArchiveBytes);
  const fileAt = (path: string) => {
    const safe = exportPath(path);
    return safe === undefined ? undefined : join(dir, safe);
  };
  return {
    resultJson: () => readFileSync(join(dir, 'result.json'), 'utf8'),
    sizeOf: (path) => {
      const file = fileAt(path);
      const info = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
      return info?.isFile() ? info.size : undefined;
    },
    read: (path) => readFileSync(fileAt(path) ?? dir),
  };
}
