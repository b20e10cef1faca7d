import { type Static, Type } from '@sinclair/typebox';

const Doc = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
/** One entry of the audit log as GET /api/audit lists it. */
export const AuditEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String(),
    actor: Type.String(),
    actorName: Type.Optional(Type.String({ description: 'the user name of the account that acted' })),
    action: Type.String(),
    collection: Type.String(),
    recordId: Type.String(),
    before: Doc,
    after: Doc,
    context: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()], {
      description: 'what the change was part of: `{ import, source }` for a table import',
    }),
    hash: Type.String(),
  },
  { title: 'AuditEntry' },
);
export type AuditEntry = Static<typeof AuditEntry>;
