import { Parser } from 'htmlparser2';
import { VigilError } from '../../domain/errors.js';
import type { ZipReader } from '../formats/zip-reader.js';

type Attributes = Record<string, string>;

/** Element names without their namespace prefix (`x:row` is `row`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams an XML part through handlers: the whole document never sits in memory as a tree. */
export function walkXml(
  xml: string,
  handlers: {
    open?: (name: string, attributes: Attributes) => void;
    text?: (text: string) => void;
    close?: (name: string) => void;
  },
): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(local(name), attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

export function damaged(): VigilError {
  return new VigilError('invalid_input', 'the .xlsx file is damaged: a part of the workbook is missing');
}

function part(zip: ZipReader, name: string): string {
  if (!zip.has(name)) throw damaged();
  return zip.read(name).toString('utf8');
}

/** The sheets of a workbook in order, with the archive path of each, and its date system. */
export function readWorkbook(zip: ZipReader): {
  sheets: Array<{ name: string; path: string }>;
  date1904: boolean;
} {
  const targets = new Map<string, string>();
  walkXml(part(zip, 'xl/_rels/workbook.xml.rels'), {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    },
  });
  const sheets: Array<{ name: string; path: string }> = [];
  let date1904 = false;
  walkXml(part(zip, 'xl/workbook.xml'), {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const target = targets.get(a['r:id'] ?? a.id ?? '');
      if (!a.name || !target) return;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      sheets.push({ name: a.name, path });
    },
  });
  if (sheets.length === 0) throw damaged();
  return { sheets, date1904 };
}

/** The shared strings table: cells of type "s" hold an index into it. Phonetic runs are left out. */
export function readSharedStrings(zip: ZipReader, maxChars: number): string[] {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  walkXml(part(zip, 'xl/sharedStrings.xml'), {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (current.length > maxChars)
          throw new VigilError('too_large', `a cell of the table holds more than ${maxChars} characters`);
        out.push(current);
      }
    },
  });
  return out;
}

/** Built-in number formats that show a date (14–17, 22, 27–36, 50–58) or only a time (18–21, 45–47). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 45, 46, 47]);

/** What a number format code shows: a date, only a time, or a number. */
function formatKind(code: string): 'date' | 'time' | 'number' {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (/[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare))) return 'date';
  if (/[hs]/.test(bare)) return 'time';
  return 'number';
}

/** For each cell style index, whether its number format shows a date, a time or a number. */
export function readStyleKinds(zip: ZipReader): Array<'date' | 'time' | 'number'> {
  if (!zip.has('xl/styles.xml')) return [];
  const custom = new Map<number, 'date' | 'time' | 'number'>();
  const kinds: Array<'date' | 'time' | 'number'> = [];
  let inCellXfs = false;
  walkXml(part(zip, 'xl/styles.xml'), {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), formatKind(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        kinds.push(
          custom.get(id) ?? (BUILTIN_DATES.has(id) ? 'date' : BUILTIN_TIMES.has(id) ? 'time' : 'number'),
        );
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return kinds;
}

const DAY_MS = 86_400_000;

/** An Excel date serial as an ISO date (1900 system with its phantom 29 February, or 1904). */
export function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial);
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days === 60)
    return undefined; // 1900-02-29, which Excel counts and the calendar does not
  else epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

/** The time of day of an Excel serial, as HH:MM (or HH:MM:SS when there are seconds). */
export function serialToTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return hms[2] ? hms.map(pad).join(':') : hms.slice(0, 2).map(pad).join(':');
}
