import type { Bilingual } from '../deadlines/deadline-rules.js';
import type { AppealStatus } from './appeal-status.js';
import type { LetterType } from './letter-context.js';

/** What happened that calls for a next step. */
export type Trigger = 'deadline_passed' | 'refused';

/** A suggested next step; data, so lawyers can edit the advice without touching logic. */
export interface NextStep {
  id: string;
  trigger: Trigger;
  /** Rules whose term this step follows; empty means any rule. */
  ruleIds: string[];
  label: Bilingual;
  basis: string;
  /** The letter Vigil can draft for it, if any. */
  letterType?: LetterType;
  /** Directory kinds the letter goes to (see data/recipients.json). */
  recipientKinds: string[];
}

export const NEXT_STEPS: readonly NextStep[] = [
  {
    id: 'prosecutor_complaint_no_decision_on_crime_report',
    trigger: 'deadline_passed',
    ruleIds: ['upk144_crime_report'],
    label: {
      ru: 'Жалоба военному прокурору на бездействие следственного органа: решение по сообщению о преступлении не принято в срок',
      en: 'Complaint to the military prosecutor: no decision on the crime report within the term',
    },
    basis: 'УПК РФ, ст. 124, ст. 144 ч. 1, 3; ст. 37 ч. 2 (надзор прокурора)',
    letterType: 'complaint_inaction',
    recipientKinds: ['military_prosecutor'],
  },
  {
    id: 'court_complaint_no_decision_on_crime_report',
    trigger: 'deadline_passed',
    ruleIds: ['upk144_crime_report', 'upk124_prosecutor_complaint'],
    label: {
      ru: 'Жалоба в суд (гарнизонный военный суд) на бездействие, затрудняющее доступ к правосудию',
      en: 'Complaint to the (garrison military) court about inaction that impedes access to justice',
    },
    basis: 'УПК РФ, ст. 125',
    recipientKinds: ['court'],
  },
  {
    id: 'higher_prosecutor_complaint_undecided',
    trigger: 'deadline_passed',
    ruleIds: ['upk124_prosecutor_complaint'],
    label: {
      ru: 'Жалоба вышестоящему прокурору: жалоба не рассмотрена в срок',
      en: 'Complaint to the higher prosecutor: the complaint was not decided within the term',
    },
    basis: 'УПК РФ, ст. 124 ч. 1',
    letterType: 'complaint_inaction',
    recipientKinds: ['military_prosecutor'],
  },
  {
    id: 'prosecutor_complaint_no_answer_59fz',
    trigger: 'deadline_passed',
    ruleIds: ['fz59_answer', 'fz59_forwarding'],
    label: {
      ru: 'Жалоба прокурору на нарушение порядка рассмотрения обращения (ответ не дан в срок); просьба возбудить дело по ст. 5.59 КоАП РФ',
      en: 'Complaint to the prosecutor that the appeal went unanswered; ask for proceedings under Code of Administrative Offences art. 5.59',
    },
    basis: '59-ФЗ, ст. 12, ст. 15; КоАП РФ, ст. 5.59, ст. 28.4',
    letterType: 'complaint_inaction',
    recipientKinds: ['military_prosecutor', 'prosecutor'],
  },
  {
    id: 'ombudsman_after_no_answer',
    trigger: 'deadline_passed',
    ruleIds: ['fz59_answer', 'upk144_crime_report', 'upk124_prosecutor_complaint'],
    label: {
      ru: 'Обращение к Уполномоченному по правам человека в РФ (ранее обжаловано в административном порядке без результата)',
      en: 'Request to the High Commissioner for Human Rights (an earlier administrative appeal brought no result)',
    },
    basis: 'Федеральный конституционный закон от 26.02.1997 № 1-ФКЗ, ст. 16',
    letterType: 'ombudsman_request',
    recipientKinds: ['ombudsman'],
  },
  {
    id: 'appeal_refusal_to_open_case',
    trigger: 'refused',
    ruleIds: ['upk144_crime_report'],
    label: {
      ru: 'Жалоба прокурору или в суд на постановление об отказе в возбуждении уголовного дела; запросить его копию',
      en: 'Complaint to the prosecutor or court against the refusal to open a criminal case; request a copy of the decision',
    },
    basis: 'УПК РФ, ст. 148 ч. 4, 5; ст. 124, 125',
    letterType: 'complaint_inaction',
    recipientKinds: ['military_prosecutor', 'court'],
  },
  {
    id: 'appeal_refusal_59fz',
    trigger: 'refused',
    ruleIds: [],
    label: {
      ru: 'Обжаловать ответ вышестоящему органу или прокурору; обращение к Уполномоченному по правам человека',
      en: 'Appeal the answer to the higher body or the prosecutor; request to the Ombudsman',
    },
    basis: '59-ФЗ, ст. 5 ч. 4; 1-ФКЗ, ст. 16',
    letterType: 'complaint_inaction',
    recipientKinds: ['military_prosecutor', 'ombudsman'],
  },
];

/** The steps to suggest for an appeal given its rule and its shown status ('overdue' when late). */
export function suggestNextSteps(
  appeal: { ruleId?: string; status: AppealStatus },
  steps: readonly NextStep[] = NEXT_STEPS,
): NextStep[] {
  const trigger: Trigger | undefined =
    appeal.status === 'overdue' ? 'deadline_passed' : appeal.status === 'refused' ? 'refused' : undefined;
  if (!trigger) return [];
  return steps.filter(
    (s) =>
      s.trigger === trigger &&
      (s.ruleIds.length === 0 || (appeal.ruleId !== undefined && s.ruleIds.includes(appeal.ruleId))),
  );
}
