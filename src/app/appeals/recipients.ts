import { loadRecipients, type Recipient } from '../../domain/appeals/recipient-directory.js';

let cached: Recipient[] | undefined;

/** The recipients directory shipped in data/recipients.json, read once per process. */
export function recipientDirectory(): Recipient[] {
  cached ??= loadRecipients();
  return cached;
}

/** A body's display name from the directory, falling back to the name stored on the appeal. */
export function recipientLabel(record: Record<string, unknown>, lang: 'ru' | 'en' = 'ru'): string {
  const entry = recipientDirectory().find((r) => r.id === record.recipientId);
  return entry ? entry.name[lang] : String(record.recipientName ?? '');
}
