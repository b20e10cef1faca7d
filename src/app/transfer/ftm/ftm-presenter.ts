import type { ExportPresenter } from '../export/export-presenter.js';
import { referencedIds } from '../export/export-selection.js';
import { attributionNote, ftmId, toFtm } from './ftm-export-mapping.js';
import { pruneReferences } from './ftm-model.js';

/**
 * The selection as FollowTheMoney entities, one JSON object per line, so the data opens in Aleph
 * and other FollowTheMoney tools; a Note first carries the attribution of shipped data. A link to
 * a record the selection does not hold is left out (a Membership with one end would not load),
 * and no contacts or sensitive text are exported, whoever exports.
 */
export const ftmPresenter: ExportPresenter = {
  files: 'one',
  contentType: 'application/x-ndjson; charset=utf-8',
  filename: 'vigil-export.ftm.json',
  sensitiveFields: 'never',
  async write(_ctx, selection, sink) {
    const file = sink.open('vigil-export.ftm.json');
    await file.write(`${JSON.stringify(attributionNote())}\n`);
    let items = 1;
    for (const collection of selection.collections) {
      for await (const page of selection.pages(collection)) {
        const held = new Set<string>();
        for (const [target, ids] of referencedIds(collection, page))
          for (const id of await selection.contains(target, ids)) held.add(ftmId(target, id));
        const lines: string[] = [];
        for (const record of page) {
          const own = ftmId(collection, record.id);
          for (const e of toFtm(collection, record)) {
            const kept = pruneReferences(e, (id) => id === own || held.has(id));
            if (kept) lines.push(`${JSON.stringify(kept)}\n`);
          }
        }
        await file.write(lines.join(''));
        items += lines.length;
      }
    }
    await file.end();
    return { items, files: ['vigil-export.ftm.json'] };
  },
};
