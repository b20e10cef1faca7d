import moment from 'moment';
import { readCsv } from '../app/transfer/csv/csv-reader.js';
import type { UwaziProperty } from '../app/transfer/uwazi/uwazi-templates.js';
import { UWAZI_TEMPLATES_FILE } from '../app/transfer/uwazi/uwazi-templates.js';

/**
 * Uwazi's CSV import replayed on Vigil's Uwazi export, rule for rule as Uwazi's code has it
 * (huridocs/uwazi app/api/csv: typeParsers.ts, typeParsers/{geolocation,select,relationship}.ts,
 * sanitizationUtils.ts, csvDefinitions.ts), to find what an Uwazi instance would not hold as
 * the file says it:
 * - dates are read with `moment.utc(value, [instance format, 'LL', 'YYYY MM DD', 'YYYY/MM/DD',
 *   'YYYY-MM-DD', 'YYYY'])` into a timestamp; a range is "from:to";
 * - text properties are trimmed, runs of spaces made one, and "null", "N/A"… emptied; a
 *   spreadsheet's formula guard (a leading apostrophe) stays part of the text;
 * - a geolocation is "lat|lon", read with Number;
 * - a select value must be a label of its thesaurus;
 * - a relationship's titles ("|"-separated, blanks and repeats dropped) are looked up among the
 *   entities of its template (`content`), an empty entity is created for each title not found,
 *   and without a template any entity of that title anywhere is linked and the others dropped.
 * Files are imported in the order of the templates file, rows in file order, each row's links
 * resolved before its own entity is created, as Uwazi's csvLoader does.
 */
export function replayUwaziImport(files: Record<string, string>, dateFormat = 'YYYY-MM-DD'): string[] {
  const entities: Array<{ template: string; title: string; stub: boolean }> = [];
  const lost: string[] = [];
  const formats = [dateFormat.toUpperCase(), 'LL', 'YYYY MM DD', 'YYYY/MM/DD', 'YYYY-MM-DD', 'YYYY'];
  const held = (value: string) => moment.unix(moment.utc(value, formats).unix()).utc().format('YYYY-MM-DD');
  for (const template of UWAZI_TEMPLATES_FILE.templates) {
    const content = files[`${template.name}.csv`];
    if (content === undefined) continue;
    const table = readCsv(content);
    for (const [n, cells] of table.rows.entries()) {
      const where = `${template.name}.csv row ${n + 2}`;
      const cell = (name: string) => cells[table.header.indexOf(name)] ?? '';
      const title = cell('title');
      if (sanitized(title) !== title) lost.push(`${where}: the title changes in Uwazi`);
      for (const prop of template.properties as UwaziProperty[]) {
        const value = cell(prop.name);
        if (value === '') continue;
        const what = `${where}, ${prop.name}`;
        switch (prop.type) {
          case 'text':
            if (sanitized(value) !== value) lost.push(`${what}: Uwazi keeps "${sanitized(value)}"`);
            if (/^'[=+\-@]/.test(value)) lost.push(`${what}: Uwazi keeps the apostrophe of a formula guard`);
            break;
          case 'date':
            if (held(value) !== value) lost.push(`${what}: Uwazi holds ${held(value)} for ${value}`);
            break;
          case 'daterange':
            for (const end of value.split(':'))
              if (end !== '' && held(end) !== end) lost.push(`${what}: Uwazi holds ${held(end)} for ${end}`);
            break;
          case 'geolocation': {
            const [lat, lon] = value.split('|');
            if (!lat || !lon || `${Number(lat)}|${Number(lon)}` !== value)
              lost.push(`${what}: Uwazi holds ${Number(lat)}|${Number(lon)}`);
            break;
          }
          case 'select': {
            const labels = UWAZI_TEMPLATES_FILE.thesauri.find((t) => t.name === prop.content)?.values ?? [];
            if (!labels.some((l) => l.label === value)) lost.push(`${what}: not a label of ${prop.content}`);
            break;
          }
          case 'relationship':
            for (const linked of [...new Set(value.split('|').filter((v) => v !== ''))]) {
              if (!prop.content) {
                lost.push(`${what}: "${linked}" may link an entity of any template`);
                continue;
              }
              const found = entities.filter((e) => e.template === prop.content && e.title === linked);
              if (found.length > 1) lost.push(`${what}: "${linked}" links ${found.length} entities`);
              if (!found.length) {
                lost.push(`${what}: "${linked}" is not imported yet; Uwazi creates an empty ${prop.content}`);
                entities.push({ template: prop.content, title: linked, stub: true });
              }
            }
            break;
        }
      }
      if (entities.some((e) => e.template === template.name && e.title === title && e.stub))
        lost.push(`${where}: duplicates the empty entity made for a link to "${title}"`);
      entities.push({ template: template.name, title, stub: false });
    }
  }
  return lost;
}

const EMPTY = ['null', 'NULL', 'Null', 'undefined', 'UNDEFINED', 'Undefined', 'N/A', 'n/a', 'N/a'];

/** A text value as Uwazi's sanitizeStringValue stores it. */
function sanitized(value: string): string {
  const text = value.trim().replace(/\s+/g, ' ');
  return EMPTY.includes(text) ? '' : text;
}
