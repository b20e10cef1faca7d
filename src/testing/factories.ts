import { createHash, randomBytes } from 'node:crypto';

/** Input for a new case; override any field. */
export function buildCase(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Refusers held in a basement',
    status: 'open',
    confidentiality: 'restricted',
    ...overrides,
  };
}

export function buildPerson(overrides: Record<string, unknown> = {}) {
  return { names: [{ value: 'Кашина Елена', script: 'cyrillic', lang: 'ru' }], ...overrides };
}

export function buildPlace(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Зайцеве',
    otherNames: ['Zaitseve', 'Зайцево'],
    kind: 'settlement',
    country: 'UA',
    region: 'Luhansk Oblast',
    ...overrides,
  };
}

export function buildOrganization(overrides: Record<string, unknown> = {}) {
  return { name: 'Investigative Committee of Russia', kind: 'state_body', ...overrides };
}

/** A source with unique text, so that content addressing never collides between tests. */
export function buildSource(overrides: Record<string, unknown> = {}) {
  const text = `Relatives say the men are held in a basement. Ref ${randomBytes(4).toString('hex')}.`;
  return { kind: 'news_report', title: 'Report', language: 'en', text, ...overrides };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
