import { type Static, Type } from '@sinclair/typebox';
import { INTAKE_STATUSES } from '../record-vocabularies.js';
import { BirthDate, oneOf } from './common.js';

const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

/**
 * What a relative sends through the public form, without an account. Every field is stored
 * encrypted. `website` is a honeypot that people never see; robots fill it in.
 */
export const IntakeSubmissionFields = Type.Object(
  {
    personName: Line(300),
    birthDate: Type.Optional(BirthDate),
    lastKnownPlace: Type.Optional(Line(500)),
    unit: Type.Optional(Line(500)),
    whatHappened: Line(20_000),
    contact: Type.Object(
      {
        name: Type.Optional(Line(300)),
        phone: Type.Optional(Line(100)),
        email: Type.Optional(Line(300)),
        messenger: Type.Optional(Line(300)),
      },
      { additionalProperties: false },
    ),
    consent: Type.Literal(true, {
      description: 'the sender agrees that the organization stores and uses this',
    }),
    website: Type.Optional(Type.String({ maxLength: 500, description: 'leave empty' })),
  },
  { additionalProperties: false, title: 'IntakeSubmissionInput' },
);
export type IntakeSubmissionFields = Static<typeof IntakeSubmissionFields>;

/** A stored submission as reviewers see it. */
export const IntakeSubmission = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    receivedAt: Type.String(),
    status: oneOf(INTAKE_STATUSES),
    handledBy: Type.Optional(Type.String()),
    handledAt: Type.Optional(Type.String()),
    submission: Type.Omit(IntakeSubmissionFields, ['website']),
  },
  { title: 'IntakeSubmission' },
);
export type IntakeSubmission = Static<typeof IntakeSubmission>;
