/**
 * Reads the layout back out of a letter's plain text, so an edited text renders as well as a
 * generated one. The conventions are the ones a person keeps without knowing them: blocks are
 * separated by blank lines; the first block whose first line is in capitals is the title; blocks
 * before it are the addressee/sender header; lines starting with "1." or "-" are list items.
 */
export type LetterBlock =
  | { kind: 'header'; lines: string[] }
  | { kind: 'title'; lines: string[] }
  | { kind: 'body'; lines: string[] };

const TITLE_LINE = /^[^a-zа-яё]*[A-ZА-ЯЁ]{3}[^a-zа-яё]*$/;
const LIST_ITEM = /^(\d+[.)]|[-•–])\s/;

/** True for a line that is a list item ("1. …", "- …"). */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/** Splits letter text into header, title and body blocks. */
export function parseLetterText(text: string): LetterBlock[] {
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== ''),
    )
    .filter((lines) => lines.length > 0);
  const titleAt = chunks.findIndex((lines) => lines[0].length <= 80 && TITLE_LINE.test(lines[0].trim()));
  return chunks.map((lines, i): LetterBlock => {
    if (i < titleAt) return { kind: 'header', lines };
    if (i === titleAt) return { kind: 'title', lines };
    return { kind: 'body', lines };
  });
}
