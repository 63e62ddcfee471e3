/**
 * The words in the Settings tab's Setting column, one per setting (settings.ts builds each setting's
 * column from them): apart from the column definitions, so that a rule citing a setting, and the
 * sidebar's bundle that runs such rules, need none of them.
 */
// @i18n-exempt: the Settings tab's Setting values, which the contract fixes in English (WORKBOOK.md)
export const SETTING_LABELS = {
  networkName: 'Network name',
  country: 'Country',
  torProfile: 'ToR profile',
  foundedOn: 'Founded on',
  meetingCadenceMonths: 'Meeting cadence (months)',
  annualMeetingRequired: 'Annual network meeting required',
  meetingModeRequired: 'Meeting mode must be recorded',
  agendaDueDays: 'Agenda due (days before meeting)',
  minutesDueDays: 'Minutes due (days after meeting)',
  minutesApprovalDueDays: 'Minutes approval due (days after minutes due)',
  circulationDueDays: 'Circulation due (days after approval)',
  mailingList: 'Mailing list',
  rcoArchiveRequired: 'RCO archive required',
  rcoArchiveEmail: 'RCO archive email',
  unctReportingEmail: 'UNCT reporting email',
  stateConsultationBody: 'State consultation body',
  corporateEmailDomains: 'Corporate email domains',
  admissionRule: 'Admission rule',
  workplanMustBeCosted: 'Workplan must be costed',
  workplanMustBeEndorsed: 'Workplan must be endorsed',
  workplanEndorsementDueDays: 'Workplan endorsement due (days into the year)',
  workplanReportingMonths: 'Workplan reporting interval (months)',
  memberListSharingMonths: 'Member list sharing interval (months)',
  confidentialityNotice: 'Confidentiality notice',
  disclosureNeedsAgreement: 'Disclosure needs agreement',
  consultationReminderDays: 'Consultation reminder (days before deadline)',
  language: 'Language',
  timeZone: 'Time zone',
  secretariatEditors: 'Secretariat editors',
  unctCoverNote: 'UNCT cover note',
  lastGcmReviewOn: 'Last GCM review on',
  emergingChallenges: 'Emerging challenges',
  recommendations: 'Recommendations',
} as const;
