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
  'meetings.mode',
  'meetings.agenda',
  'meetings.minutes',
  'meetings.circulated',
  'meetings.rco-archive',
  'meetings.attendance',
  'decisions.consensus',
  'decisions.state-consultation',
  'decisions.follow-up',
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
  'data.invalid',
  'data.duplicate-id',
  'data.reference',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Where one rule rests on several clauses, one key per aspect. */
export type ClauseKey =
  RuleId | `members.roles/${'Chair' | 'Co-chair' | 'Coordinator' | 'Secretariat'}` | `members.admission/${'consensus' | 'unanimous'}` | 'workplan.fields/budget';
