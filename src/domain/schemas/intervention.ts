import { type Static, Type } from '@sinclair/typebox';
import { INTERVENTION_CHANNELS, INTERVENTION_KINDS, INTERVENTION_STATUSES } from '../record-vocabularies.js';
import { APPEAL_SENDERS } from '../vocabularies.js';
import { CalendarDate, Id, LongText, oneOf, recordOf, ShortText, Timestamp } from './common.js';

/** A lawful extension of the term the authority announced: an extension id of the deadline rule. */
export const InterventionExtension = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'extension id from data/deadline-rules.json, e.g. upk144_extension_10',
    }),
    days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 366,
        description:
          'days added, or the new total term, as the rule says; the most the law allows when absent',
      }),
    ),
    noticeOn: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
);

/**
 * An appeal to an authority or organization on behalf of persons, with its legal deadline.
 * `deadline`, `deadlineEstimated` and `statusSetAt` are set by the server; `status` is never
 * stored as 'overdue' (that is derived from the deadline in the user's time zone).
 */
export const InterventionFields = Type.Object(
  {
    caseId: Type.Optional(Id),
    recipientName: ShortText,
    recipientOrganizationId: Type.Optional(Id),
    senderName: Type.Optional(ShortText),
    senderKind: oneOf(APPEAL_SENDERS),
    personIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
    groupIds: Type.Optional(
      Type.Array(Id, { maxItems: 200, description: 'groups of unnamed people the appeal is about' }),
    ),
    kind: oneOf(INTERVENTION_KINDS),
    channel: Type.Optional(oneOf(INTERVENTION_CHANNELS)),
    sentOn: Type.Optional(CalendarDate),
    sentOnEstimated: Type.Optional(
      Type.Boolean({
        description: 'the sending date is inferred (a report that tells of the appeal without dating it)',
      }),
    ),
    registeredOn: Type.Optional(CalendarDate),
    deadlineRule: Type.Optional({
      ...ShortText,
      description: 'id of the legal term in data/deadline-rules.json, e.g. fz59_answer',
    }),
    deadline: Type.Optional({
      ...CalendarDate,
      description: 'set by the server: last day of the term, from deadlineRule, the dates and any extension',
    }),
    status: oneOf(
      INTERVENTION_STATUSES,
      "change it with POST /api/interventions/{id}/transitions; 'overdue' is derived, never stored",
    ),
    replySourceId: Type.Optional(Id),
    recipientId: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9_]{1,100}$',
        description: 'id of the body in the recipients directory (GET /api/recipients)',
      }),
    ),
    receivedOn: Type.Optional({ ...CalendarDate, description: 'delivery date (postal tracking, receipt)' }),
    answeredOn: Type.Optional({ ...CalendarDate, description: 'date of the answer or the refusal' }),
    extension: Type.Optional(InterventionExtension),
    deadlineEstimated: Type.Optional(
      Type.Boolean({
        description:
          'set by the server: the deadline counts from an inferred date or a year the production calendar lacks',
      }),
    ),
    statusSetAt: Type.Optional({ ...Timestamp, description: 'set by the server when the status changes' }),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Intervention = recordOf('Intervention', InterventionFields);
export type InterventionFields = Static<typeof InterventionFields>;
export type Intervention = Static<typeof Intervention>;
