import { createRequire } from 'node:module';

/** One FollowTheMoney entity as JSON lines carry it. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

interface ModelProperty {
  name: string;
  type: string;
  range?: string;
  maxLength?: number;
}
interface ModelSchema {
  extends?: string[];
  abstract?: boolean;
  required?: string[];
  properties: Record<string, ModelProperty>;
}
interface Model {
  schemata: Record<string, ModelSchema>;
  types: Record<string, { values?: Record<string, string>; maxLength?: number }>;
}

// The schema definitions the @alephdata/followthemoney package ships, the same model Aleph uses.
const model = createRequire(import.meta.url)('@alephdata/followthemoney/dist/defaultModel.json') as Model;

function collectProperties(schema: string, seen: Set<string>): Map<string, ModelProperty> {
  const out = new Map<string, ModelProperty>();
  const s = model.schemata[schema];
  if (!s || seen.has(schema)) return out;
  seen.add(schema);
  for (const parent of s.extends ?? []) for (const [k, v] of collectProperties(parent, seen)) out.set(k, v);
  for (const [k, v] of Object.entries(s.properties)) out.set(k, v);
  return out;
}

function collectRequired(schema: string, seen: Set<string>): string[] {
  const s = model.schemata[schema];
  if (!s || seen.has(schema)) return [];
  seen.add(schema);
  return [...new Set([...(s.extends ?? []).flatMap((p) => collectRequired(p, seen)), ...(s.required ?? [])])];
}

// Exports check every entity: each schema's inherited properties are worked out once.
const PROPERTIES = new Map<string, Map<string, ModelProperty>>();
const REQUIRED = new Map<string, string[]>();

/** Every property of a schema, its own and inherited. */
function propertiesOf(schema: string): Map<string, ModelProperty> {
  const known = PROPERTIES.get(schema);
  if (known) return known;
  const props = collectProperties(schema, new Set());
  PROPERTIES.set(schema, props);
  return props;
}

/** The properties a schema requires, its own and inherited. */
function requiredOf(schema: string): string[] {
  const known = REQUIRED.get(schema);
  if (known) return known;
  const required = collectRequired(schema, new Set());
  REQUIRED.set(schema, required);
  return required;
}

/**
 * An entity with the references `keep` refuses taken out (links to records an export does not
 * hold); undefined when that leaves a property the schema requires empty (a link with one end).
 */
export function pruneReferences(e: FtmEntity, keep: (id: string) => boolean): FtmEntity | undefined {
  const props = propertiesOf(e.schema);
  const properties: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(e.properties)) {
    const kept = props.get(name)?.type === 'entity' ? values.filter(keep) : values;
    if (kept.length) properties[name] = kept;
  }
  if (requiredOf(e.schema).some((p) => !properties[p])) return undefined;
  return { ...e, properties };
}

/** Is `schema` the schema `range` or one that extends it? */
export function isA(schema: string, range: string): boolean {
  if (schema === range) return true;
  return (model.schemata[schema]?.extends ?? []).some((parent) => isA(parent, range));
}

const DATE = /^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/;

/**
 * Problems of a set of entities against the FollowTheMoney model: unknown or abstract schemata,
 * unknown properties, required properties missing, values of the wrong type (dates, countries,
 * languages, genders), values over the length limit, and entity references that point nowhere or
 * to the wrong kind of entity.
 */
export function ftmProblems(entities: FtmEntity[]): string[] {
  const problems: string[] = [];
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  for (const e of entities) {
    const schema = model.schemata[e.schema];
    if (!e.id) problems.push(`an entity of ${e.schema} has no id`);
    if (!schema) {
      problems.push(`${e.id}: unknown schema ${e.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${e.id}: schema ${e.schema} is abstract`);
    for (const name of requiredOf(e.schema))
      if (!e.properties[name]?.length) problems.push(`${e.id}: ${e.schema} requires ${name}`);
    const props = propertiesOf(e.schema);
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = props.get(name);
      if (!prop) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string' || v.length === 0)) {
        problems.push(`${e.id}: ${name} must be a list of non-empty strings`);
        continue;
      }
      const type = model.types[prop.type];
      for (const value of values) {
        const max = prop.maxLength ?? type?.maxLength;
        if (max && value.length > max && prop.type !== 'text')
          problems.push(`${e.id}: ${name} is longer than ${max}`);
        if (type?.values && !(value in type.values))
          problems.push(`${e.id}: ${name} "${value}" is not a ${prop.type}`);
        if (prop.type === 'date' && !DATE.test(value))
          problems.push(`${e.id}: ${name} "${value}" is not a date`);
        if (prop.type === 'entity') {
          const target = schemaOf.get(value);
          if (!target) problems.push(`${e.id}: ${name} points to ${value}, which is not in the export`);
          else if (prop.range && !isA(target, prop.range))
            problems.push(`${e.id}: ${name} must point to a ${prop.range}, not a ${target}`);
        }
      }
    }
  }
  return problems;
}
