import { basename } from 'node:path';
import { VigilError } from '../../../domain/errors.js';
import { readCsv } from '../csv/csv-reader.js';
import { templateNamed, type UwaziTemplate, uwaziName } from './uwazi-templates.js';

/** One CSV file of an Uwazi import. */
export interface UwaziFile {
  name: string;
  content: string;
}

/** One row of an Uwazi CSV, its template known, cells keyed by property name. */
export interface UwaziRow {
  file: string;
  line: number;
  template: UwaziTemplate;
  title: string;
  /** Titles given per language (`title__ru`…), as Uwazi's multilingual CSV holds them. */
  titles: Array<{ value: string; lang: string }>;
  /** The cells of the template's properties that the file has a column for. */
  cells: Map<string, string>;
}

/** A row-level problem: where, and what, never the value itself. */
export interface RowProblem {
  file: string;
  line: number;
  message: string;
}

export interface ReadRows {
  rows: UwaziRow[];
  problems: RowProblem[];
  /** Columns Vigil does not read (no template property matches them), by file. */
  ignored: Record<string, string[]>;
}

/**
 * The rows of Uwazi CSV files, in the shape Uwazi's import reads (app/api/csv: a header of property
 * names or labels, turned into names the way Uwazi does; `title`; `title__<lang>` for other
 * languages) and its export writes (labels as headers, a `Template` column, a `Geolocation`
 * column). The template of a row is the one asked for, else its `template` cell, else the file's
 * name (Person.csv).
 */
export function readUwaziRows(files: UwaziFile[], templateName?: string): ReadRows {
  const rows: UwaziRow[] = [];
  const problems: RowProblem[] = [];
  const ignored: Record<string, string[]> = {};
  const forced = templateName === undefined ? undefined : templateNamed(templateName);
  if (templateName !== undefined && !forced)
    throw new VigilError('invalid_input', 'no Uwazi template of that name: see data/uwazi/templates.json');
  for (const file of files) {
    const table = readCsv(file.content, file.name);
    const header = table.header.map((h) => uwaziName(h));
    const templateColumn = header.indexOf('template');
    const fromName = templateNamed(basename(file.name).replace(/\.csv$/i, ''));
    const known = new Set(['title', 'template', 'geolocation']);
    const templatesOfFile = new Set<UwaziTemplate>();
    table.rows.forEach((cells, i) => {
      const line = table.lines[i];
      const named = templateColumn >= 0 && cells[templateColumn].trim() ? cells[templateColumn] : undefined;
      const template = forced ?? (named === undefined ? fromName : templateNamed(named));
      if (!template) {
        problems.push({
          file: file.name,
          line,
          message:
            named === undefined
              ? 'no template: give --template or a template column'
              : "the template is not one of Vigil's",
        });
        return;
      }
      templatesOfFile.add(template);
      const byName = new Map<string, string>();
      header.forEach((h, j) => {
        byName.set(h, cells[j] ?? '');
      });
      const geo = template.properties.find((p) => p.type === 'geolocation');
      if (geo && !byName.has(geo.name) && byName.has('geolocation'))
        byName.set(geo.name, byName.get('geolocation') ?? '');
      const titles = header
        .map((h, j) => ({ h, value: cells[j].trim() }))
        .filter(({ h, value }) => /^title__[a-z]{2,3}$/.test(h) && value)
        .map(({ h, value }) => ({ value, lang: h.slice('title__'.length) }));
      const title = (byName.get('title') ?? '').trim() || titles[0]?.value || '';
      const propertyCells = new Map(
        template.properties.filter((p) => byName.has(p.name)).map((p) => [p.name, byName.get(p.name) ?? '']),
      );
      rows.push({ file: file.name, line, template, title, titles, cells: propertyCells });
    });
    for (const t of templatesOfFile) for (const p of t.properties) known.add(p.name);
    const unknown = header.filter((h) => !known.has(h) && !/^title__[a-z]{2,3}$/.test(h));
    if (unknown.length) ignored[file.name] = unknown;
  }
  return { rows, problems, ignored };
}
