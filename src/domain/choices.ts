/**
 * The values each choice column of WORKBOOK.md offers, and the tabs by name: apart from tables.ts so
 * that the sidebar's bundle, which offers these choices, carries no table definition.
 */
export const ROLES = ['Chair', 'Co-chair', 'Coordinator', 'Secretariat', 'Member'] as const;
export const MEMBER_STATUSES = ['Active', 'Pending', 'Withdrawn'] as const;
export const FOCAL_KINDS = ['Primary', 'Alternate'] as const;
export const MEETING_KINDS = ['Regular', 'Annual', 'Extraordinary', 'Working group'] as const;
export const MEETING_MODES = ['In person', 'Online', 'Hybrid'] as const;
export const MEETING_STATUSES = ['Planned', 'Held', 'Cancelled'] as const;
export const CONFIDENTIALITY = ['Internal', 'Public'] as const;
export const DECISION_KINDS = [
  'General',
  'Admission',
  'Workplan endorsement',
  'Joint statement',
  'Working group',
  'Disclosure',
] as const;
export const OUTCOMES = ['Adopted', 'Not adopted', 'Pending'] as const;
export const ACTION_STATUSES = ['Open', 'Done', 'Dropped'] as const;
export const WORKPLAN_STATUSES = ['Not started', 'On track', 'Delayed', 'Completed', 'Dropped'] as const;
export const GROUP_KINDS = ['Permanent', 'Ad hoc'] as const;
export const CONSULTATION_KINDS = ['No objection', 'Approval'] as const;
export const CONSULTATION_STATUSES = ['Open', 'Closed', 'Withdrawn'] as const;
export const CONSULTATION_OUTCOMES = ['Agreed', 'Not agreed'] as const;
export const ANSWERS = ['Approve', 'No objection', 'Object', 'Abstain'] as const;
export const LOG_OUTCOMES = ['Sending', 'Sent', 'Failed', 'Deferred', 'Refused', 'Done'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Every tab of WORKBOOK.md, in the order a new workbook shows them (TABLES in tables.ts; a test holds the two together). */
export const TAB_NAMES = [
  'Settings',
  'Members',
  'Focal points',
  'Meetings',
  'Decisions',
  'Actions',
  'Workplan',
  'Working groups',
  'Consultations',
  'Answers',
  'Log',
  'Compliance',
] as const;
