import { type TObject, type TSchema, Type } from '@sinclair/typebox';

/**
 * The PATCH body for a record: any subset of its fields, `null` to remove an optional field,
 * and the `version` the client last read (optimistic concurrency).
 */
export function patchOf(fields: TObject, title: string): TObject {
  const required = new Set(fields.required ?? []);
  const properties: Record<string, TSchema> = {
    version: Type.Integer({ minimum: 1, description: 'the version you last read; a stale one gets 409' }),
  };
  for (const [name, schema] of Object.entries(fields.properties)) {
    const plain = Type.Optional(schema, false);
    properties[name] = Type.Optional(required.has(name) ? plain : Type.Union([plain, Type.Null()]));
  }
  return Type.Object(properties, { title, additionalProperties: false });
}
