import type { CollectionName, StoredRecord } from '../../../domain/collections.js';
import type { AppContext } from '../../context.js';
import { listAllRecords } from '../../records/record-lister.js';
import { csvRow } from '../csv/csv-writer.js';
import type { ExportPresenter } from '../export/export-presenter.js';
import { attributionLines, selectionLines } from '../export/export-readme.js';
import { referencedIds, type Selection } from '../export/export-selection.js';
import { titleOf } from './uwazi-fields.js';
import { encodeRow, headerOf } from './uwazi-row-codec.js';
import { linkedFirst, selfLinks } from './uwazi-row-order.js';
import { UWAZI_TEMPLATES, UWAZI_TEMPLATES_FILE, type UwaziTemplate } from './uwazi-templates.js';

/** The titles of the records the selection holds among these references, by collection and id. */
async function titlesOf(ctx: AppContext, selection: Selection, refs: Map<CollectionName, Set<string>>) {
  const titles = new Map<string, string>();
  for (const [collection, ids] of refs) {
    const held = [...(await selection.contains(collection, ids))];
    for (const r of await ctx.store.getMany(collection, held))
      titles.set(`${collection}/${r.id}`, titleOf(collection, r));
  }
  return titles;
}

/** The involvements of these cases that the selection holds, by case. */
async function involvementsOf(ctx: AppContext, selection: Selection, cases: StoredRecord[]) {
  const out = new Map<string, StoredRecord[]>();
  for (const kase of cases) {
    const links = await listAllRecords(ctx, 'involvements', { caseId: kase.id });
    const held = await selection.contains(
      'involvements',
      links.map((l) => l.id),
    );
    out.set(
      kase.id,
      links.filter((l) => held.has(l.id)),
    );
  }
  return out;
}

/** Uwazi imports CSV as data and would keep a spreadsheet's formula guard as part of the text. */
const UWAZI_CSV = { formulaGuard: false };

/** The selection's records of a template, those linked to by others of it first (see linkedFirst). */
async function* pagesInLinkOrder(selection: Selection, template: UwaziTemplate) {
  const links = selfLinks(template);
  if (!links) {
    yield* selection.pages(template.collection);
    return;
  }
  const all: StoredRecord[] = [];
  for await (const page of selection.pages(template.collection)) all.push(...page);
  yield linkedFirst(all, links);
}

async function writeTemplate(
  ctx: AppContext,
  selection: Selection,
  template: UwaziTemplate,
  write: (t: string) => Promise<void>,
) {
  let rows = 0;
  await write(csvRow(headerOf(template), UWAZI_CSV));
  for await (const page of pagesInLinkOrder(selection, template)) {
    const involvements =
      template.collection === 'cases' ? await involvementsOf(ctx, selection, page) : new Map();
    const refs = referencedIds(template.collection, page);
    for (const links of involvements.values())
      for (const [collection, ids] of referencedIds('involvements', links))
        if (collection !== 'cases') refs.set(collection, new Set([...(refs.get(collection) ?? []), ...ids]));
    const titles = await titlesOf(ctx, selection, refs);
    const text = page.map((r) => {
      const caseTitle = typeof r.caseId === 'string' ? titles.get(`cases/${r.caseId}`) : undefined;
      const row = encodeRow(template, r, titleOf(template.collection, r, caseTitle), {
        titleOf: (collection, id) => titles.get(`${collection}/${id}`),
        involvements: involvements.get(r.id) ?? [],
      });
      return csvRow(row, UWAZI_CSV);
    });
    await write(text.join(''));
    rows += page.length;
  }
  return rows;
}

function readme(files: string[], lines: string[]): string {
  return [
    'Vigil export for Uwazi: one CSV file per Uwazi template',
    '',
    ...lines,
    '',
    'Files (import them in this order, each with its template, so links find their records):',
    ...files.map((f) => `- ${f}`),
    '- templates.json: the templates, thesauri and relationship types to create in Uwazi first',
    '',
    'The CSV files follow Uwazi\'s import format: a header of property names with "title" first,',
    'values of one cell separated by "|", dates as YYYY-MM-DD, date ranges as from:to,',
    'geolocation as latitude|longitude, relationships by title,',
    'select values by their label. No contacts and no text of sensitive sources are included.',
    'Dates are whole dates, as Uwazi holds them: a date known only to the month or the year is its',
    'first day (the end of a range its last day), and the column <date>_precision says "month" or',
    '"year" (for a range, from/to), so nothing is lost when the file comes back to Vigil.',
    'Relationship columns name records of one template each; rows come after the rows they link to.',
    'These files are for Uwazi, not for a spreadsheet: text is written as it is, with no guard',
    'against spreadsheet formulas. Open the CSV export of Vigil for spreadsheets instead.',
    '',
    'Data shipped with Vigil under its own licence, which parts of these records may come from:',
    ...attributionLines(),
    '',
  ].join('\r\n');
}

/**
 * The selection as Uwazi CSV files, one per template of data/uwazi/templates.json (Place,
 * Organization, Source, Person, Case with its involvements, Act), with the templates file and a
 * README. Links to records the selection does not hold are left out.
 */
export const uwaziPresenter: ExportPresenter = {
  files: 'bundle',
  contentType: 'application/zip',
  filename: 'vigil-uwazi.zip',
  sensitiveFields: 'never',
  async write(ctx, selection, sink, now) {
    let items = 0;
    const files: string[] = [];
    for (const template of UWAZI_TEMPLATES) {
      if (!selection.collections.includes(template.collection)) continue;
      const name = `${template.name}.csv`;
      const file = sink.open(name);
      items += await writeTemplate(ctx, selection, template, (t) => file.write(t));
      await file.end();
      files.push(name);
    }
    const templates = sink.open('templates.json');
    await templates.write(`${JSON.stringify(UWAZI_TEMPLATES_FILE, null, 2)}\n`);
    await templates.end();
    const notes = sink.open('README.txt');
    await notes.write(readme(files, selectionLines(selection.info(), now)));
    await notes.end();
    return { items, files: [...files, 'templates.json', 'README.txt'] };
  },
};
