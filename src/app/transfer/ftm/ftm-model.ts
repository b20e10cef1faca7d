import { createRequire } from 'node:module';

/** One FollowTheMoney entity as JSON lines carry it. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

interface ModelProperty {
  name: string;
  label?: string;
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

// Exports check every entity: each schema's inherited properties are worked out once.
const PROPERTIES = new Map<string, Map<string, ModelProperty>>();

/** Every property of a schema, its own and inherited. */
function propertiesOf(schema: string): Map<string, ModelProperty> {
  const known = PROPERTIES.get(schema);
  if (known) return known;
  const props = collectProperties(schema, new Set());
  PROPERTIES.set(schema, props);
  return props;
}

/**
 * The properties a schema requires: its own list, not its parents' (as the reference libraries
 * check it: an Address carries `full` without the `name` Thing requires).
 */
function requiredOf(schema: string): string[] {
  return model.schemata[schema]?.required ?? [];
}

/** The label the model gives a property ("Birth place"), for notes that keep its value. */
export function propertyLabel(schema: string, property: string): string {
  return propertiesOf(schema).get(property)?.label ?? property;
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
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T/;

/** What is wrong with one value of a property, if anything. */
function valueProblem(prop: ModelProperty, value: string, schemaOf: Map<string, string>): string | undefined {
  const type = model.types[prop.type];
  const max = prop.maxLength ?? type?.maxLength;
  if (max && value.length > max && prop.type !== 'text') return `is longer than ${max}`;
  if (type?.values && !(value in type.values)) return `"${value}" is not a ${prop.type}`;
  if (prop.type === 'date' && !DATE.test(value)) return `"${value}" is not a date`;
  if (prop.type === 'entity') {
    const target = schemaOf.get(value);
    if (!target) return `points to ${value}, which is not in the file`;
    if (prop.range && !isA(target, prop.range)) return `must point to a ${prop.range}, not a ${target}`;
  }
  return undefined;
}

/** Why an entity cannot be read at all: an unknown or abstract schema, a required property missing. */
function entityRefusal(e: FtmEntity): string | undefined {
  const schema = model.schemata[e.schema];
  if (!schema) return `unknown schema ${e.schema}`;
  if (schema.abstract) return `schema ${e.schema} is abstract`;
  const missing = requiredOf(e.schema).filter((name) => !e.properties[name]?.length);
  return missing.length ? `${e.schema} requires ${missing.join(', ')}` : undefined;
}

const isStringList = (values: unknown): values is string[] =>
  Array.isArray(values) && values.every((v) => typeof v === 'string' && v.length > 0);

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
    if (!e.id) problems.push(`an entity of ${e.schema} has no id`);
    const refusal = entityRefusal(e);
    if (refusal) problems.push(`${e.id}: ${refusal}`);
    if (!model.schemata[e.schema]) continue;
    const props = propertiesOf(e.schema);
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = props.get(name);
      if (!prop) problems.push(`${e.id}: ${e.schema} has no property ${name}`);
      else if (!isStringList(values)) problems.push(`${e.id}: ${name} must be a list of non-empty strings`);
      else
        for (const value of values) {
          const problem = valueProblem(prop, value, schemaOf);
          if (problem) problems.push(`${e.id}: ${name} ${problem}`);
        }
    }
  }
  return problems;
}

/** A property an import left out, and why. */
export interface FtmDrop {
  property: string;
  reason: string;
}

/**
 * An entity as an import reads it, the way the reference libraries do: values that do not fit
 * the model are left out one by one (each listed), dates with a time are cut to their date, and
 * only an unknown schema or a required property missing refuses the whole entity.
 */
export function readableEntity(
  e: FtmEntity,
  schemaOf: Map<string, string>,
): { entity?: FtmEntity; refused?: string; dropped: FtmDrop[] } {
  const dropped: FtmDrop[] = [];
  const refused = entityRefusal(e);
  if (refused) return { refused, dropped };
  const props = propertiesOf(e.schema);
  const properties: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(e.properties ?? {})) {
    const prop = props.get(name);
    if (!prop) {
      dropped.push({ property: name, reason: `${e.schema} has no such property` });
      continue;
    }
    const kept: string[] = [];
    for (const raw of Array.isArray(values) ? values : [values]) {
      if (typeof raw !== 'string' || raw.trim() === '') {
        dropped.push({ property: name, reason: 'a value is not a non-empty string' });
        continue;
      }
      const value = prop.type === 'date' ? (DATE_TIME.exec(raw)?.[1] ?? raw) : raw.trim();
      const problem = valueProblem(prop, value, schemaOf);
      // The report names no value: it may be personal data.
      if (problem) dropped.push({ property: name, reason: problem.replace(/^".*" /s, 'a value ') });
      else kept.push(value);
    }
    if (kept.length) properties[name] = [...new Set(kept)];
  }
  const missing = requiredOf(e.schema).filter((name) => !properties[name]);
  if (missing.length) return { refused: `${e.schema} requires ${missing.join(', ')}`, dropped };
  return { entity: { id: e.id, schema: e.schema, properties }, dropped };
}
