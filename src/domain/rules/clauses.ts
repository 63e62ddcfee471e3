/**
 * The words of each ToR that each rule enforces, quoted exactly from docs/tor/ (a test checks every
 * phrase against the ToR text), and how a finding cites them: the ToR when the profile's own words
 * require it, the Settings row when only a setting the secretariat chose makes the rule apply.
 */
import { SETTING_LABELS } from '../setting-labels';
import type { ProfileId, SettingKey, Settings } from '../settings';
import type { Profile } from '../profiles';
import type { ClauseKey } from './ids';

export interface Quote {
  /** The ToR's heading the words stand under. */
  readonly section: string;
  /** Phrases copied verbatim from the ToR, footnote markers left out. */
  readonly words: readonly string[];
}

type TorProfile = Exclude<ProfileId, 'custom'>;

/**
 * The ToR words of a set of rules, keyed by rule id, or by rule id and aspect (`members.roles/Co-chair`)
 * where one rule rests on several clauses. Each rule module keeps the words of its own rules, so that
 * a bundle that runs a few rules (the sidebar's guidance) carries only theirs.
 */
export type ClauseTable = Readonly<Partial<Record<ClauseKey, Partial<Record<TorProfile, Quote>>>>>;

export const AZ_ROLE = 'Role and Organizational Arrangements';
export const AZ_MEMBERSHIP = 'Composition and Membership';
export const UZ_ROLE = 'Role and Organizational Arrangements';
export const UZ_WORKING = 'Working Arrangements';
export const UZ_SECRETARIAT = 'Coordination and Secretariat';
export const UZ_MEMBERSHIP = 'Composition and Membership';

export const AZ_CONSENSUS =
  'Decisions relevant to the work of the Network will be made by consensus based on consultations with all Network Members';
export const AZ_MINUTES = 'disseminating meeting minutes';
export const AZ_INTERNAL =
  'All information exchanged within the Network meetings is meant for internal use only, unless explicitly stated and agreed otherwise';
export const AZ_GROUPS = 'Working Groups can be established on a permanent or ad-hoc basis';
export const UZ_CONSENSUS =
  'Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members';
export const AZ_MONITORING = 'monitoring the implementation of decisions made by UNMN';
export const UZ_DOCUMENTED =
  'IOM will serve as the Secretariat for the UNMN and ensure that all meetings are convened, facilitated, documented, and action points followed up';
export const UZ_AWP =
  'the UNMN may develop (costed) annual work plans (AWPs), with key actions, responsible participating agency(-ies) and timeframes';
export const UZ_METHODS = 'The UNMN may adopt any additional working methods, as necessary';

/**
 * What the add-on holds a network to when no ToR words apply (the custom profile), and the workbook
 * contract the data rules enforce.
 */
export const BASELINES: Readonly<Record<string, string>> = {
  'members.focal-point': 'each active member names an active Primary focal point with a name and an email',
  'members.admission/unanimous': 'members are admitted by a decision every current member approved',
  'members.admission/consensus': 'members are admitted by an adopted decision',
  'members.admission/open': 'any interested UN agency may join; the register records how each joined',
  'meetings.status': 'each meeting is recorded as held or cancelled once its day has passed',
  'meetings.minutes-approved': 'draft minutes are approved by the members',
  'meetings.annual-membership': 'the annual meeting brings together the full membership and other stakeholders',
  'meetings.disclosure': 'meeting records are internal unless the members agree to disclose them',
  'decisions.evidence': 'Consulted records who was consulted, at the meeting or in writing',
  'consultations.overdue': 'written consultations are closed once their deadline passes',
  'groups.ended': 'ad hoc working groups close or are extended when their term ends',
  'meetings.agenda': 'the agenda goes out before each meeting',
  'meetings.minutes': 'each meeting is documented in minutes',
  'meetings.circulated': 'approved minutes are circulated to the members',
  'meetings.attendance': 'each meeting records who attended',
  'decisions.consensus': 'decisions are taken by consensus after consulting every member',
  'decisions.follow-up': 'decisions are followed up by action points',
  'actions.overdue': 'action points are followed up',
  'actions.owner': 'each action point has a member that owns it',
  'workplan.exists': 'the network keeps an annual workplan',
  'workplan.fields': 'each workplan row has a key action, a lead agency and a timeframe',
  'workplan.overdue': 'the workplan shows the progress of each key action',
  'workplan.gcm': 'the workplan serves the implementation of the GCM',
  'groups.members': "working groups are drawn from the network's members",
  'groups.established': 'working groups are established by a decision of the network',
  'data.invalid': 'each cell holds what its column allows',
  'data.duplicate-id': 'each row has an ID of its own (each member one row)',
  'data.reference': "agency codes are Members' codes and IDs point at existing rows",
};

function quoteText(profile: Profile, quote: Quote): string {
  return `${profile.torName}, ${quote.section}: ${quote.words.map((w) => `"${w}"`).join(' … ')}`;
}

function settingValue(value: Settings[SettingKey]): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === null ? '' : String(value);
}

export function settingCitation(key: SettingKey, settings: Settings): string {
  return `Network settings: "${SETTING_LABELS[key]}" = ${settingValue(settings[key])}`;
}

/**
 * The clause of a finding. `setting` is the setting the rule depends on: cited instead of the ToR when
 * the profile's ToR has no words for the rule (a custom choice turned it on), or when it is a number
 * (a cadence, a deadline) that the Settings tab changed from the ToR's.
 */
export function citeClause(
  profile: Profile,
  settings: Settings,
  clauses: ClauseTable,
  key: ClauseKey,
  setting?: SettingKey,
): string {
  const quote = profile.id === 'custom' ? undefined : clauses[key]?.[profile.id];
  if (setting !== undefined) {
    // Only a number setting holds a number (or null, where both being null is no change).
    const value = settings[setting];
    const base = profile.defaults[setting];
    const changed = (typeof value === 'number' || typeof base === 'number') && value !== base;
    if (quote === undefined || changed) return settingCitation(setting, settings);
  }
  if (quote !== undefined) return quoteText(profile, quote);
  const rule = key.startsWith('data.')
    ? 'The workbook contract (docs/workbook.md)'
    : `${profile.torName} (custom profile), the add-on's baseline`;
  return `${rule}: ${BASELINES[key] ?? BASELINES[key.split('/')[0] ?? ''] ?? key}`;
}
