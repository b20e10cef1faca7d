/**
 * A letter is a few named sections of plain text. Templates fill them; a person may replace any
 * section before output; the joined text is what they see, edit further and render.
 */
export const SECTION_IDS = [
  'header',
  'title',
  'intro',
  'persons',
  'facts',
  'earlier',
  'legal',
  'requests',
  'closing',
  'attachments',
  'signature',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export type LetterSections = Partial<Record<SectionId, string>>;

/** Replacements for sections, keyed by id; an empty string removes the section. */
export type LetterEdits = Partial<Record<SectionId, string>>;

/** Joins sections in their fixed order, separated by blank lines, after applying edits. */
export function joinSections(sections: LetterSections, edits: LetterEdits = {}): string {
  const parts: string[] = [];
  for (const id of SECTION_IDS) {
    const text = (id in edits ? edits[id] : sections[id])?.trim();
    if (text) parts.push(text.replace(/\r\n?/g, '\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
