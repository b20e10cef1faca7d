import type { LetterType } from '../../domain/appeals/letter-context.js';
import { complaintInaction } from './templates/complaint-inaction.js';
import { crimeReport } from './templates/crime-report.js';
import { icrcTracingRequest } from './templates/icrc-tracing-request.js';
import { inquiryWhereabouts } from './templates/inquiry-whereabouts.js';
import type { LetterTemplate } from './templates/letter-template.js';
import { ombudsmanRequest } from './templates/ombudsman-request.js';
import { unWgadUrgentAction } from './templates/un-wgad-urgent-action.js';

/** Every letter template, one per letter type. */
export const LETTER_TEMPLATES: Readonly<Record<LetterType, LetterTemplate>> = {
  inquiry_whereabouts: inquiryWhereabouts,
  crime_report: crimeReport,
  complaint_inaction: complaintInaction,
  ombudsman_request: ombudsmanRequest,
  icrc_tracing_request: icrcTracingRequest,
  un_wgad_urgent_action: unWgadUrgentAction,
};
