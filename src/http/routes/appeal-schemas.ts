import { type TSchema, Type } from '@sinclair/typebox';
import { APPEAL_STATUSES, STORED_APPEAL_STATUSES } from '../../domain/appeals/appeal-status.js';
import { NO_DEADLINE_REASONS } from '../../domain/appeals/due-list.js';
import { LETTER_FORMATS, LETTER_TYPES } from '../../domain/appeals/letter-context.js';
import { CalendarDate, Id, oneOf, ShortText } from '../../domain/schemas/common.js';
import { InterventionExtension } from '../../domain/schemas/intervention.js';
import { SourceFields } from '../../domain/schemas/source.js';

const CONFIDENCES = ['widely_published', 'unverified', 'unknown'] as const;
const Bilingual = Type.Object({ ru: Type.String(), en: Type.String() });
const RecipientNames = Type.Object({
  ru: Type.String(),
  en: Type.String(),
  uk: Type.Optional(Type.String({ description: 'for bodies a Ukrainian letter may name' })),
});
const checked = (value: TSchema) =>
  Type.Object({
    value: Type.Union([value, Type.Null()]),
    confidence: oneOf(CONFIDENCES, 'how far the value can be trusted'),
    note: Type.Optional(Type.String()),
  });

/** A body of the recipients directory (data/recipients.json). */
export const Recipient = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    name: RecipientNames,
    addressee: RecipientNames,
    letterLanguage: oneOf(['ru', 'en', 'uk'] as const),
    jurisdiction: Type.String(),
    city: Type.Optional(Type.String()),
    postalAddress: checked(Type.String()),
    onlineReception: Type.Object({
      url: Type.Union([Type.String(), Type.Null()]),
      confidence: oneOf(CONFIDENCES),
      note: Type.Optional(Type.String()),
    }),
    email: Type.Optional(checked(Type.String())),
    deadlineRuleIds: Type.Array(Type.String()),
    reviewedOn: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Recipient' },
);

/** A legal term an appeal's deadline can follow (data/deadline-rules.json), as forms list it. */
export const DeadlineRuleView = Type.Object(
  {
    id: Type.String(),
    label: Bilingual,
    citation: Type.String(),
    startEvent: Type.String({ description: 'received, registered or sent' }),
    amount: Type.Integer(),
    unit: Type.String({ description: 'calendar_days or working_days' }),
  },
  { title: 'DeadlineRule' },
);

/** The body of POST /api/interventions/:id/transitions. */
/** Persons and groups to add to an appeal, or to remove from it. */
export const ConcernedBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version you last read; a stale one gets 409' }),
    personIds: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'named persons' })),
    groupIds: Type.Optional(
      Type.Array(Id, { maxItems: 200, description: 'groups of unnamed people (person groups)' }),
    ),
  },
  { additionalProperties: false, title: 'ConcernedChange' },
);

export const TransitionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version you last read; a stale one gets 409' }),
    to: oneOf(STORED_APPEAL_STATUSES, "the next status; 'overdue' is derived, never set"),
    on: Type.Optional({
      ...CalendarDate,
      description: 'when it happened; today in the user zone by default',
    }),
    replySourceId: Type.Optional({ ...Id, description: 'an official reply already stored as a source' }),
    reply: Type.Optional(
      Type.Omit(SourceFields, ['kind'], {
        title: 'NewReply',
        additionalProperties: false,
        description: 'an official reply to store as a source with this move',
      }),
    ),
    extension: Type.Optional(Type.Union([InterventionExtension, Type.Null()])),
  },
  { title: 'AppealTransition', additionalProperties: false },
);

const DeadlineView = Type.Object(
  {
    due: CalendarDate,
    ruleId: Type.String(),
    citation: Type.String(),
    explanation: Type.String(),
    explanationRu: Type.String(),
    estimated: Type.Boolean(),
    notes: Type.Array(Type.String()),
  },
  { title: 'Deadline' },
);

const NextStepView = Type.Object(
  {
    id: Type.String(),
    label: Bilingual,
    basis: Type.String(),
    letterType: Type.Optional(oneOf(LETTER_TYPES)),
    recipientKinds: Type.Array(Type.String()),
  },
  { title: 'NextStep' },
);

const DueAppealFields = {
  id: Type.String(),
  caseId: Type.Optional(Type.String()),
  kind: Type.String(),
  recipient: Type.String(),
  recipientId: Type.Optional(Type.String()),
  status: oneOf(APPEAL_STATUSES),
};

const DatedDueAppeal = Type.Object(
  {
    ...DueAppealFields,
    daysLeft: Type.Integer({ description: '0 due today, negative overdue' }),
    deadline: DeadlineView,
    nextSteps: Type.Array(NextStepView),
  },
  { title: 'DueAppeal' },
);

const UndatedDueAppeal = Type.Object(
  {
    ...DueAppealFields,
    noDeadline: Type.Literal(true, { description: 'awaiting an answer, but no deadline can be computed' }),
    noDeadlineReason: oneOf(NO_DEADLINE_REASONS, 'no legal term recorded, or no date to count it from'),
  },
  { title: 'UndatedDueAppeal' },
);

const DueAppeal = Type.Union([DatedDueAppeal, UndatedDueAppeal]);

export const DueList = Type.Object(
  { today: CalendarDate, timeZone: Type.String(), items: Type.Array(DueAppeal) },
  { title: 'DueList' },
);

export const AppealAdvice = Type.Object(
  {
    id: Type.String(),
    status: oneOf(APPEAL_STATUSES),
    deadline: Type.Union([DeadlineView, Type.Null()]),
    nextSteps: Type.Array(NextStepView),
  },
  { title: 'AppealAdvice' },
);

const SenderInput = Type.Object(
  {
    fullName: Type.Optional(ShortText),
    fullNameLatin: Type.Optional(ShortText),
    postalAddress: Type.Optional(ShortText),
    email: Type.Optional(ShortText),
    phone: Type.Optional(ShortText),
    relation: Type.Optional(ShortText),
    relationEn: Type.Optional(ShortText),
    authority: Type.Optional(ShortText),
  },
  { additionalProperties: false, description: 'who signs; used for this letter only, never stored' },
);

export const LetterBody = Type.Object(
  {
    type: oneOf(LETTER_TYPES),
    format: oneOf(LETTER_FORMATS),
    text: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100_000, description: 'the edited letter; rendered as given' }),
    ),
    sender: Type.Optional(SenderInput),
    caseReference: Type.Optional(ShortText),
  },
  { title: 'LetterRequest', additionalProperties: false },
);

/** A time zone override: the user's own IANA zone. */
export const TimeZoneQuery = Type.Optional(
  Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone; VIGIL_TZ by default' }),
);
