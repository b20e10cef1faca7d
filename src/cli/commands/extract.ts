import { readFileSync, statSync } from 'node:fs';
import { VigilError } from '../../domain/errors.js';
import { LANGUAGES, type Language } from '../../domain/vocabularies.js';
import { extractReport, isIsoDay } from '../../ingest/extract-report.js';
import { imageFormatOf } from '../../ingest/formats/image-format.js';
import { MAX_REPORT_BYTES } from '../../ingest/input.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';

const HELP = `usage: vigil extract FILE [--published YYYY-MM-DD] [--lang en|ru|uk] [--html|--text] [--explain]

Prints the extraction of one report (plain text, an HTML page, a PDF, or a photo or scan read
by OCR: JPEG, PNG, TIFF, a PDF without a text layer) as JSON: detention sites, detained count,
persons, organizations, units, dates, acts and appeals, each with spans into the returned
clean text. No database is used.

  --published DATE  publication date that anchors relative dates (default: the page's metadata)
  --lang L          language of the report (default: detected)
  --html, --text    treat the file as HTML or as plain text (default: sniffed)
  --explain         add to every item the rule or cue that produced it
`;

/** `vigil extract FILE`: extraction of one report as JSON on stdout. */
export const extractCommand: CliCommand = {
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      published: { type: 'string' },
      lang: { type: 'string' },
      html: { type: 'boolean' },
      text: { type: 'boolean' },
      explain: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    if (values.published !== undefined && !isIsoDay(values.published))
      throw new UsageError(`--published must be a date YYYY-MM-DD, got "${values.published}"`);
    if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang))
      throw new UsageError(`unknown --lang "${values.lang}" (en, ru or uk)`);
    if (values.html && values.text) throw new UsageError('--html and --text exclude each other');
    const file = positionals[0];
    let content: Buffer;
    try {
      if (statSync(file).size > MAX_REPORT_BYTES) throw new UsageError('file is larger than 10 MB');
      content = readFileSync(file);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot read ${file}`);
    }
    const lang = values.lang as Language | undefined;
    let published = values.published;
    let read: { published: string | null } | undefined;
    if (
      !values.html &&
      !values.text &&
      (imageFormatOf(content) || content.subarray(0, 1024).includes('%PDF-'))
    ) {
      // Files that are not text are read as ingest reads them; photos and scans by OCR. Their
      // readers (PDF, image and OCR libraries) are imported only here: a text report needs none.
      const { readReportFile } = await import('../../ingest/formats/read-report-file.js');
      const { readScan } = await import('../../ingest/ocr/read-scan.js');
      const file = await readReportFile(content);
      read = file;
      published ??= file.published ?? undefined;
      content = Buffer.from(file.scan ? (await readScan(file.scan, lang)).text : file.text, 'utf8');
      if (content.length === 0) throw new VigilError('invalid_input', 'no text could be read from the file');
    }
    const extraction = extractReport({
      content,
      published,
      lang,
      mediaType: values.html ? 'text/html' : values.text || read ? 'text/plain' : undefined,
      explain: values.explain === true,
    });
    io.stdout(`${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  },
};
