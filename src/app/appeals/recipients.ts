import type { LetterLanguage } from '../../domain/appeals/letter-context.js';
import {
  findRecipient,
  loadRecipients,
  nameIn,
  type Recipient,
} from '../../domain/appeals/recipient-directory.js';
import { bodyNameIn } from '../../ingest/body-names.js';

let cached: Recipient[] | undefined;

/** The recipients directory shipped in data/recipients.json, read once per process. */
export function recipientDirectory(): Recipient[] {
  cached ??= loadRecipients();
  return cached;
}

/**
 * A body's display name from the directory (by its id, else by the name stored on the appeal when
 * that is a directory body's name), falling back to the stored name (in the letter's language when
 * it is a body the extractor names in English, such as "Military Prosecutor's Office").
 */
export function recipientLabel(record: Record<string, unknown>, lang: LetterLanguage = 'ru'): string {
  const entry =
    recipientDirectory().find((r) => r.id === record.recipientId) ??
    (record.recipientId
      ? undefined
      : findRecipient(recipientDirectory(), String(record.recipientName ?? '')));
  return entry ? nameIn(entry.name, lang) : bodyNameIn(String(record.recipientName ?? ''), lang);
}
