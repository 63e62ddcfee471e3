/**
 * The rule ids of RULES.md, and the keys of the clauses they cite: a mistyped id or clause key fails
 * to compile instead of citing nothing.
 */
export const RULE_IDS = [
  'members.roles',
  'members.focal-point',
  'members.corporate-email',
  'members.admission',
  'members.list-shared',
  'meetings.cadence',
  'meetings.annual',
  'meetings.annual-membership',
  'meetings.status',
  'meetings.mode',
  'meetings.agenda',
  'meetings.minutes',
  'meetings.minutes-approved',
  'meetings.circulated',
  'meetings.rco-archive',
  'meetings.attendance',
  'meetings.disclosure',
  'decisions.consensus',
  'decisions.evidence',
  'decisions.state-consultation',
  'decisions.follow-up',
  'consultations.overdue',
  'actions.overdue',
  'actions.owner',
  'workplan.exists',
  'workplan.fields',
  'workplan.endorsed',
  'workplan.reported',
  'workplan.overdue',
  'workplan.gcm',
  'groups.members',
  'groups.established',
  'groups.ended',
  'data.invalid',
  'data.duplicate-id',
  'data.reference',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Where one rule rests on several clauses, one key per aspect. */
export type ClauseKey =
  | RuleId
  | `members.roles/${'Chair' | 'Co-chair' | 'Coordinator' | 'Secretariat'}`
  | `members.admission/${'consensus' | 'unanimous' | 'open'}`
  | 'workplan.fields/budget';
