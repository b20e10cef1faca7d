import { DATA_ATTRIBUTIONS } from '../../../domain/attribution.js';
import type { ExportPresenter } from './export-presenter.js';

/**
 * The selection as one JSON document, streamed collection by collection: the records as the API
 * shows them to the reader, with the attribution of shipped data and what the export holds.
 */
export const jsonPresenter: ExportPresenter = {
  files: 'one',
  contentType: 'application/json; charset=utf-8',
  filename: 'vigil-export.json',
  sensitiveFields: 'by-role',
  async write(_ctx, selection, sink, now) {
    const file = sink.open('vigil-export.json');
    const header = {
      format: 'vigil-scoped-export',
      exportedAt: now.toISOString(),
      attribution: DATA_ATTRIBUTIONS,
      selection: selection.info(),
    };
    await file.write(`${JSON.stringify(header).slice(0, -1)},"collections":{`);
    let items = 0;
    for (const [i, collection] of selection.collections.entries()) {
      await file.write(`${i ? ',' : ''}${JSON.stringify(collection)}:[`);
      let first = true;
      for await (const page of selection.pages(collection)) {
        const text = page.map((r) => JSON.stringify(r)).join(',\n');
        await file.write(`${first ? '\n' : ',\n'}${text}`);
        first = false;
        items += page.length;
      }
      await file.write(']');
    }
    await file.write('}}\n');
    await file.end();
    return { items, files: ['vigil-export.json'] };
  },
};
