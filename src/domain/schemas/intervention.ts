import { type Static, Type } from '@sinclair/typebox';
import { APPEAL_SENDERS } from '../vocabularies.js';
import { CalendarDate, Id, LongText, oneOf, recordOf, ShortText } from './common.js';

export const INTERVENTION_KINDS = [
  'inquiry',
  'complaint',
  'crime_report',
  'petition',
  'tracing_request',
  'un_communication',
] as const;
export const INTERVENTION_CHANNELS = [
  'post',
  'online_reception',
  'email',
  'in_person',
  'fax',
  'other',
] as const;
export const INTERVENTION_STATUSES = [
  'draft',
  'sent',
  'registered',
  'answered',
  'overdue',
  'refused',
] as const;

/** An appeal to an authority or organization on behalf of persons, with its legal deadline. */
export const InterventionFields = Type.Object(
  {
    caseId: Type.Optional(Id),
    recipientName: ShortText,
    recipientOrganizationId: Type.Optional(Id),
    senderName: Type.Optional(ShortText),
    senderKind: oneOf(APPEAL_SENDERS),
    personIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
    kind: oneOf(INTERVENTION_KINDS),
    channel: Type.Optional(oneOf(INTERVENTION_CHANNELS)),
    sentOn: Type.Optional(CalendarDate),
    registeredOn: Type.Optional(CalendarDate),
    deadlineRule: Type.Optional(ShortText),
    deadline: Type.Optional(CalendarDate),
    status: oneOf(INTERVENTION_STATUSES),
    replySourceId: Type.Optional(Id),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Intervention = recordOf('Intervention', InterventionFields);
export type InterventionFields = Static<typeof InterventionFields>;
export type Intervention = Static<typeof Intervention>;
