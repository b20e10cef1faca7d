import { readFileSync, statSync } from 'node:fs';
import { LANGUAGES, type Language } from '../../domain/vocabularies.js';
import { extractReport, isIsoDay } from '../../ingest/extract-report.js';
import { MAX_REPORT_BYTES } from '../../ingest/input.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, UsageError } from '../command.js';

const HELP = `usage: vigil extract FILE [--published YYYY-MM-DD] [--lang en|ru|uk] [--html|--text] [--explain]

Prints the extraction of one report (plain text or an HTML page) as JSON: detention sites,
detained count, persons, organizations, units, dates, acts and appeals, each with spans into
the returned clean text. No database is used.

  --published DATE  publication date that anchors relative dates (default: the page's metadata)
  --lang L          language of the report (default: detected)
  --html, --text    treat the file as HTML or as plain text (default: sniffed)
  --explain         add to every item the rule or cue that produced it
`;

/** `vigil extract FILE`: extraction of one report as JSON on stdout. */
export const extractCommand: CliCommand = {
  path: ['extract'],
  summary: 'print the structured extraction of one report (text or HTML) as JSON',
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
    const extraction = extractReport({
      content,
      published: values.published,
      lang: values.lang as Language | undefined,
      mediaType: values.html ? 'text/html' : values.text ? 'text/plain' : undefined,
      explain: values.explain === true,
    });
    io.stdout(`${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  },
};
