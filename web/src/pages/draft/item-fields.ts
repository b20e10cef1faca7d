import {
  ACT_TYPES,
  APPEAL_OUTCOMES,
  APPEAL_SENDERS,
  ORGANIZATION_KINDS,
  PERSON_ROLES_IN_REPORT,
  REPLY_OUTCOMES,
} from '../../../../src/domain/vocabularies';

/** A field a reviewer may correct, and how to ask for it. */
export interface EditableField {
  name: string;
  type: 'text' | 'longtext' | 'number' | 'choice';
  /** For choices: the vocabulary, and the catalogue group that names its values. */
  choices?: readonly string[];
  group?: string;
}

/** The fields of each kind of item that the API lets a reviewer correct (PATCH …/items/:id). */
export const EDITABLE: Record<string, EditableField[]> = {
  case: [
    { name: 'title', type: 'text' },
    { name: 'summary', type: 'longtext' },
  ],
  place: [
    { name: 'name', type: 'text' },
    { name: 'region', type: 'text' },
  ],
  person: [
    { name: 'name', type: 'text' },
    { name: 'role', type: 'choice', choices: PERSON_ROLES_IN_REPORT, group: 'personRole' },
    { name: 'age', type: 'number' },
  ],
  organization: [
    { name: 'name', type: 'text' },
    { name: 'kind', type: 'choice', choices: ORGANIZATION_KINDS, group: 'orgKind' },
  ],
  act: [{ name: 'type', type: 'choice', choices: ACT_TYPES, group: 'act' }],
  appeal: [
    { name: 'to', type: 'text' },
    { name: 'by', type: 'choice', choices: APPEAL_SENDERS, group: 'appealSender' },
    { name: 'status', type: 'choice', choices: APPEAL_OUTCOMES, group: 'appealOutcome' },
  ],
  count: [{ name: 'value', type: 'number' }],
  date: [{ name: 'date', type: 'text' }],
  reply: [
    { name: 'outcome', type: 'choice', choices: REPLY_OUTCOMES, group: 'replyOutcome' },
    { name: 'date', type: 'text' },
    { name: 'newDeadline', type: 'text' },
    { name: 'forwardedTo', type: 'text' },
  ],
};

/** What a reply item also shows, read from the letter and not edited: who answered what. */
export const REPLY_FACTS = ['from', 'outgoingNumber', 'appellant', 'answersToDate', 'answersToNumber'];

/** Kinds whose items are records that may already exist (matched, or created new). */
export const ENTITY_KINDS = new Set(['case', 'place', 'person', 'organization']);
/** Kinds whose items are matched to an existing record only: a reply answers an appeal on file. */
export const MATCHED_ONLY_KINDS = new Set(['reply']);
