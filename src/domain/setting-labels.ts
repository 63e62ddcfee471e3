/**
 * The words in the Settings tab's Setting column, one per setting (settings.ts builds each setting's
 * column from them): apart from the column definitions, so that a rule citing a setting, and the
 * sidebar's bundle that runs such rules, need none of them. Each setting is a constant of its own,
 * its key with its words, which a rule cites by name: a bundle then carries the words of the
 * settings its rules cite, not the table (the sidebar's guidance cites two of them).
 */
import type { SettingKey } from './settings';

/** A setting as a rule cites it: its key, and its words in the Setting column. */
export type SettingRow = readonly [key: SettingKey, label: string];

// @i18n-exempt: the Settings tab's Setting values, which the contract fixes in English (WORKBOOK.md)
export const NETWORK_NAME = ['networkName', 'Network name'] as const,
  COUNTRY = ['country', 'Country'] as const,
  TOR_PROFILE = ['torProfile', 'ToR profile'] as const,
  FOUNDED_ON = ['foundedOn', 'Founded on'] as const,
  MEETING_CADENCE_MONTHS = ['meetingCadenceMonths', 'Meeting cadence (months)'] as const,
  ANNUAL_MEETING_REQUIRED = ['annualMeetingRequired', 'Annual network meeting required'] as const,
  MEETING_MODE_REQUIRED = ['meetingModeRequired', 'Meeting mode must be recorded'] as const,
  AGENDA_DUE_DAYS = ['agendaDueDays', 'Agenda due (days before meeting)'] as const,
  MINUTES_DUE_DAYS = ['minutesDueDays', 'Minutes due (days after meeting)'] as const,
  MINUTES_APPROVAL_DUE_DAYS = ['minutesApprovalDueDays', 'Minutes approval due (days after minutes due)'] as const,
  CIRCULATION_DUE_DAYS = ['circulationDueDays', 'Circulation due (days after approval)'] as const,
  MAILING_LIST = ['mailingList', 'Mailing list'] as const,
  RCO_ARCHIVE_REQUIRED = ['rcoArchiveRequired', 'RCO archive required'] as const,
  RCO_ARCHIVE_EMAIL = ['rcoArchiveEmail', 'RCO archive email'] as const,
  UNCT_REPORTING_EMAIL = ['unctReportingEmail', 'UNCT reporting email'] as const,
  STATE_CONSULTATION_BODY = ['stateConsultationBody', 'State consultation body'] as const,
  CORPORATE_EMAIL_DOMAINS = ['corporateEmailDomains', 'Corporate email domains'] as const,
  ADMISSION_RULE = ['admissionRule', 'Admission rule'] as const,
  WORKPLAN_MUST_BE_COSTED = ['workplanMustBeCosted', 'Workplan must be costed'] as const,
  WORKPLAN_MUST_BE_ENDORSED = ['workplanMustBeEndorsed', 'Workplan must be endorsed'] as const,
  WORKPLAN_ENDORSEMENT_DUE_DAYS = [
    'workplanEndorsementDueDays',
    'Workplan endorsement due (days into the year)',
  ] as const,
  WORKPLAN_REPORTING_MONTHS = ['workplanReportingMonths', 'Workplan reporting interval (months)'] as const,
  MEMBER_LIST_SHARING_MONTHS = ['memberListSharingMonths', 'Member list sharing interval (months)'] as const,
  CONFIDENTIALITY_NOTICE = ['confidentialityNotice', 'Confidentiality notice'] as const,
  DISCLOSURE_NEEDS_AGREEMENT = ['disclosureNeedsAgreement', 'Disclosure needs agreement'] as const,
  CONSULTATION_REMINDER_DAYS = ['consultationReminderDays', 'Consultation reminder (days before deadline)'] as const,
  LANGUAGE = ['language', 'Language'] as const,
  TIME_ZONE = ['timeZone', 'Time zone'] as const,
  SECRETARIAT_EDITORS = ['secretariatEditors', 'Secretariat editors'] as const,
  UNCT_COVER_NOTE = ['unctCoverNote', 'UNCT cover note'] as const,
  LAST_GCM_REVIEW_ON = ['lastGcmReviewOn', 'Last GCM review on'] as const,
  EMERGING_CHALLENGES = ['emergingChallenges', 'Emerging challenges'] as const,
  RECOMMENDATIONS = ['recommendations', 'Recommendations'] as const;

/** Each setting's words by its key. */
export const SETTING_LABELS = /* @__PURE__ */ labelsOf([
  NETWORK_NAME,
  COUNTRY,
  TOR_PROFILE,
  FOUNDED_ON,
  MEETING_CADENCE_MONTHS,
  ANNUAL_MEETING_REQUIRED,
  MEETING_MODE_REQUIRED,
  AGENDA_DUE_DAYS,
  MINUTES_DUE_DAYS,
  MINUTES_APPROVAL_DUE_DAYS,
  CIRCULATION_DUE_DAYS,
  MAILING_LIST,
  RCO_ARCHIVE_REQUIRED,
  RCO_ARCHIVE_EMAIL,
  UNCT_REPORTING_EMAIL,
  STATE_CONSULTATION_BODY,
  CORPORATE_EMAIL_DOMAINS,
  ADMISSION_RULE,
  WORKPLAN_MUST_BE_COSTED,
  WORKPLAN_MUST_BE_ENDORSED,
  WORKPLAN_ENDORSEMENT_DUE_DAYS,
  WORKPLAN_REPORTING_MONTHS,
  MEMBER_LIST_SHARING_MONTHS,
  CONFIDENTIALITY_NOTICE,
  DISCLOSURE_NEEDS_AGREEMENT,
  CONSULTATION_REMINDER_DAYS,
  LANGUAGE,
  TIME_ZONE,
  SECRETARIAT_EDITORS,
  UNCT_COVER_NOTE,
  LAST_GCM_REVIEW_ON,
  EMERGING_CHALLENGES,
  RECOMMENDATIONS,
]);

function labelsOf<const R extends readonly (readonly [string, string])[]>(
  rows: R,
): { readonly [Row in R[number] as Row[0]]: Row[1] } {
  return Object.fromEntries(rows) as { readonly [Row in R[number] as Row[0]]: Row[1] };
}
