import type { I18n } from '../../i18n/i18n';

const DATE_FIELDS = new Set(['birthDate', 'lastContact']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One entry of a list a row changes: a name, an id of the list, a contact, a status entry. */
function entryText(value: unknown, i18n: I18n): string {
  if (!isObject(value)) return String(value);
  if (typeof value.status === 'string')
    return [
      i18n.label('personStatus', value.status),
      typeof value.date === 'string' ? i18n.date(value.date) : '',
      typeof value.place === 'string' ? value.place : '',
    ]
      .filter(Boolean)
      .join(' · ');
  if (typeof value.system === 'string') return `${value.system}: ${String(value.value)}`;
  if (typeof value.kind === 'string')
    return `${i18n.label('contactKind', value.kind)}: ${String(value.value)}`;
  if ('case' in value || 'place' in value)
    return [value.case, value.place].filter((v) => typeof v === 'string').join(' · ');
  return JSON.stringify(value);
}

/**
 * A value before or after a row's change, in words: dates at their precision, statuses and
 * contact kinds translated, lists joined; nothing is "—". Units, places and cases the import
 * creates come from the server marked "(new)".
 */
export function changeValue(field: string, value: unknown, i18n: I18n): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return DATE_FIELDS.has(field) ? i18n.date(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => entryText(v, i18n)).join('; ') : '—';
  return entryText(value, i18n);
}
