import { posix } from 'node:path';
import { VigilError } from '../../domain/errors.js';
import { ZipReader } from './zip-reader.js';

/** Limits on one Telegram export, from the configuration. */
export interface TelegramLimits {
  /** Largest archive (zip bytes, or all files of a folder, and what a zip expands to), bytes. */
  maxArchiveBytes: number;
  maxMessages: number;
  /** Largest photo or file kept from an export; larger ones are left out and counted. */
  maxMediaBytes: number;
}

/** The files of one export (a folder or a zip), addressed by the paths `result.json` uses. */
export interface TelegramExportFiles {
  /** The `result.json` text. */
  resultJson(): string;
  /** Size of a media file, or undefined when the export does not hold it. */
  sizeOf(path: string): number | undefined;
  read(path: string): Buffer;
}

/** A media path of `result.json` made safe: relative, inside the export, normalized. */
export function exportPath(path: string): string | undefined {
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  return normal.startsWith('/') || normal === '..' || normal.startsWith('../') ? undefined : normal;
}

/**
 * The files of a zipped export: `result.json` at the top or in one folder (as Telegram Desktop
 * names it, `ChatExport_…/`), media beside it. The archive is checked against the limits (and
 * for compression bombs) before anything is inflated.
 */
export function zipExportFiles(bytes: Buffer, limits: TelegramLimits): TelegramExportFiles {
  if (bytes.length > limits.maxArchiveBytes)
    throw new VigilError('too_large', `the archive is larger than ${limits.maxArchiveBytes} bytes`);
  let zip: ZipReader;
  try {
    zip = new ZipReader(bytes, { maxTotalBytes: limits.maxArchiveBytes, maxRatio: 200, maxEntries: 200_000 });
  } catch (err) {
    if (err instanceof VigilError && err.kind === 'invalid_input')
      throw new VigilError('invalid_input', 'the Telegram export is not a readable zip archive');
    throw err;
  }
  const results = zip
    .names()
    .filter((n) => n === 'result.json' || n.endsWith('/result.json'))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  if (results.length === 0)
    throw new VigilError(
      'invalid_input',
      'the archive holds no result.json (export the chat in JSON format)',
    );
  const root = posix.dirname(results[0]);
  const entry = (path: string) => {
    const safe = exportPath(path);
    return safe === undefined ? undefined : root === '.' ? safe : `${root}/${safe}`;
  };
  return {
    resultJson: () => zip.read(results[0]).toString('utf8'),
    sizeOf: (path) => {
      const name = entry(path);
      return name === undefined ? undefined : zip.sizeOf(name);
    },
    read: (path) => zip.read(entry(path) ?? ''),
  };
}
