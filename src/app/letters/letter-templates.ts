import type { LetterType } from '../../domain/appeals/letter-context.js';
import { complaintInaction } from './templates/complaint-inaction.js';
import { crimeReport } from './templates/crime-report.js';
import { crimeReportUk } from './templates/crime-report-uk.js';
import { icrcTracingRequest } from './templates/icrc-tracing-request.js';
import { inquiryWhereabouts } from './templates/inquiry-whereabouts.js';
import type { LetterTemplate } from './templates/letter-template.js';
import { ombudsmanRequest } from './templates/ombudsman-request.js';
import { ombudsmanRequestUk } from './templates/ombudsman-request-uk.js';
import { prosecutorStatementUk } from './templates/prosecutor-statement-uk.js';
import { unWgadUrgentAction } from './templates/un-wgad-urgent-action.js';

/** Every letter template, one per letter type. */
export const LETTER_TEMPLATES: Readonly<Record<LetterType, LetterTemplate>> = {
  inquiry_whereabouts: inquiryWhereabouts,
  crime_report: crimeReport,
  complaint_inaction: complaintInaction,
  ombudsman_request: ombudsmanRequest,
  icrc_tracing_request: icrcTracingRequest,
  un_wgad_urgent_action: unWgadUrgentAction,
  crime_report_uk: crimeReportUk,
  ombudsman_request_uk: ombudsmanRequestUk,
  prosecutor_statement_uk: prosecutorStatementUk,
};
