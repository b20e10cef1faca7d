import type { Language } from '../domain/vocabularies.js';

/**
 * Tells English, Russian and Ukrainian apart by their letters: Latin versus Cyrillic, then
 * letters only one of the two Cyrillic orthographies has (і ї є ґ versus ы э ъ ё) and a few
 * very frequent function words.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const latin = (sample.match(/[a-z]/gi) ?? []).length;
  const cyrillic = (sample.match(/[\u0400-\u04ff]/g) ?? []).length;
  if (latin > cyrillic) return 'en';
  const lower = sample.toLowerCase();
  const uk =
    (lower.match(/[іїєґ]/g) ?? []).length +
    3 * (lower.match(/(?<!\p{L})(?:що|від|який|яка|які|це|та|як|його|її)(?!\p{L})/gu) ?? []).length;
  const ru =
    (lower.match(/[ыэъё]/g) ?? []).length +
    3 * (lower.match(/(?<!\p{L})(?:что|от|который|которая|это|и|как|его|ее|её)(?!\p{L})/gu) ?? []).length;
  return uk > ru ? 'uk' : 'ru';
}
