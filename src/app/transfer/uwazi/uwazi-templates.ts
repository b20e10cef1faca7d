import { readFileSync } from 'node:fs';
import { type Static, Type } from '@sinclair/typebox';
import { COLLECTION_NAMES, type CollectionName } from '../../../domain/collections.js';
import {
  ACT_STATUSES,
  CASE_STATUSES,
  CONFIDENTIALITY_LEVELS,
  COORDINATE_PRECISIONS,
  PERSON_STATUSES,
  PLACE_KINDS,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
} from '../../../domain/record-vocabularies.js';
import { oneOf } from '../../../domain/schemas/common.js';
import { assertValid } from '../../../domain/validate.js';
import { ACT_TYPES, LANGUAGES, ORGANIZATION_KINDS } from '../../../domain/vocabularies.js';

const UWAZI_TYPES = [
  'text',
  'markdown',
  'select',
  'date',
  'daterange',
  'geolocation',
  'link',
  'relationship',
] as const;

const Property = Type.Object(
  {
    label: Type.String({ minLength: 1 }),
    name: Type.String({ pattern: '^[a-z0-9_]+$' }),
    type: oneOf(UWAZI_TYPES),
    content: Type.Optional(Type.String({ minLength: 1 })),
    relationType: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
const Templates = Type.Object(
  {
    about: Type.String(),
    relationTypes: Type.Array(Type.Object({ name: Type.String() }, { additionalProperties: false })),
    thesauri: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          values: Type.Array(
            Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    templates: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          collection: oneOf(COLLECTION_NAMES),
          properties: Type.Array(Property),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type UwaziProperty = Static<typeof Property>;
export interface UwaziTemplate {
  name: string;
  collection: CollectionName;
  properties: UwaziProperty[];
}

/** The vocabulary each shipped thesaurus must hold, value for value. */
const VOCABULARIES: Record<string, readonly string[]> = {
  Sex: ['male', 'female', 'unknown'],
  'Person status': PERSON_STATUSES,
  'Organization kind': ORGANIZATION_KINDS,
  'Place kind': PLACE_KINDS,
  'Coordinate precision': COORDINATE_PRECISIONS,
  'Source kind': SOURCE_KINDS,
  Language: [...LANGUAGES, 'other'],
  Reliability: RELIABILITY_GRADES,
  'Case status': CASE_STATUSES,
  Confidentiality: CONFIDENTIALITY_LEVELS,
  'Act type': ACT_TYPES,
  'Act status': ACT_STATUSES,
  'Yes/No': ['yes', 'no'],
};

/**
 * A property name as Uwazi derives it from a label (app/api/templates/utils.ts, `safeName`: every
 * character but a-z and 0-9 becomes "_", lower case; geolocations get "_geolocation"). Uwazi's CSV
 * import matches column headers to property names this way, so labels work as headers too.
 */
export function uwaziName(label: string, type = 'text'): string {
  const name = label
    .trim()
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase();
  return type === 'geolocation' ? `${name}_geolocation` : name;
}

// src/app/transfer/uwazi and dist/app/transfer/uwazi sit at the same depth below the repository root.
const FILE = new URL('../../../../data/uwazi/templates.json', import.meta.url);

function load() {
  const doc = assertValid<Static<typeof Templates>>(
    Templates,
    JSON.parse(readFileSync(FILE, 'utf8')),
    'uwazi templates',
  );
  const thesauri = new Map(doc.thesauri.map((t) => [t.name, t.values]));
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
    const ids = thesauri.get(name)?.map((v) => v.id);
    if (JSON.stringify(ids) !== JSON.stringify([...vocabulary]))
      throw new Error(
        `data/uwazi/templates.json: thesaurus ${name} must list exactly ${vocabulary.join(', ')}`,
      );
  }
  const templateNames = doc.templates.map((t) => t.name);
  for (const t of doc.templates)
    for (const p of t.properties) {
      if (p.name !== uwaziName(p.label, p.type))
        throw new Error(
          `data/uwazi/templates.json: ${t.name}.${p.label} must be named ${uwaziName(p.label, p.type)}`,
        );
      if (p.type === 'select' && !thesauri.has(p.content ?? ''))
        throw new Error(`data/uwazi/templates.json: ${t.name}.${p.name} names no thesaurus`);
      if (p.type === 'relationship' && p.content && !templateNames.includes(p.content))
        throw new Error(`data/uwazi/templates.json: ${t.name}.${p.name} points to no template`);
    }
  return { templates: doc.templates as UwaziTemplate[], thesauri, document: doc };
}

const loaded = load();

/** The Uwazi templates matching Vigil's record types, in the order an import creates them. */
export const UWAZI_TEMPLATES: UwaziTemplate[] = loaded.templates;

/** The shipped templates file itself, as groups read it (written into every Uwazi export). */
export const UWAZI_TEMPLATES_FILE = loaded.document;

/** The template of a name, case-insensitive; undefined for a name Vigil has no template for. */
export function templateNamed(name: string): UwaziTemplate | undefined {
  return UWAZI_TEMPLATES.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
}

/** The label Uwazi shows for a vocabulary value. */
export function thesaurusLabel(thesaurus: string, id: string): string {
  return loaded.thesauri.get(thesaurus)?.find((v) => v.id === id)?.label ?? id;
}

/** The vocabulary value of a label (or of the value itself), ignoring case; undefined when unknown. */
export function thesaurusValue(thesaurus: string, label: string): string | undefined {
  const wanted = label.trim().toLowerCase();
  return loaded.thesauri
    .get(thesaurus)
    ?.find((v) => v.label.toLowerCase() === wanted || v.id.toLowerCase() === wanted)?.id;
}
