/**
 * The words of each ToR that each rule enforces, quoted exactly from shared/tor/ (a test checks every
 * phrase against the ToR text), and how a finding cites them: the ToR when the profile's own words
 * require it, the Settings row when only a setting the secretariat chose makes the rule apply.
 */
import { SETTING_COLUMNS, settingLabel, type ProfileId, type SettingKey, type Settings } from '../settings';
import type { Profile } from '../profiles';
import type { ClauseKey } from './ids';

export interface Quote {
  /** The ToR's heading the words stand under. */
  readonly section: string;
  /** Phrases copied verbatim from the ToR, footnote markers left out. */
  readonly words: readonly string[];
}

type TorProfile = Exclude<ProfileId, 'custom'>;

const AZ_ROLE = 'Role and Organizational Arrangements';
const AZ_MEMBERSHIP = 'Composition and Membership';
const UZ_ROLE = 'Role and Organizational Arrangements';
const UZ_WORKING = 'Working Arrangements';
const UZ_SECRETARIAT = 'Coordination and Secretariat';
const UZ_MEMBERSHIP = 'Composition and Membership';

const AZ_CONSENSUS = 'Decisions relevant to the work of the Network will be made by consensus based on consultations with all Network Members';
const AZ_MINUTES = 'disseminating meeting minutes';
const AZ_INTERNAL = 'All information exchanged within the Network meetings is meant for internal use only, unless explicitly stated and agreed otherwise';
const AZ_GROUPS = 'Working Groups can be established on a permanent or ad-hoc basis';
const UZ_CONSENSUS = 'Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members';
const AZ_MONITORING = 'monitoring the implementation of decisions made by UNMN';
const UZ_DOCUMENTED = 'IOM will serve as the Secretariat for the UNMN and ensure that all meetings are convened, facilitated, documented, and action points followed up';
const UZ_AWP = 'the UNMN may develop (costed) annual work plans (AWPs), with key actions, responsible participating agency(-ies) and timeframes';
const UZ_METHODS = 'The UNMN may adopt any additional working methods, as necessary';

/** Keyed by rule id, or by rule id and aspect (`members.roles/Co-chair`) where one rule rests on several clauses. */
export const CLAUSES: Readonly<Partial<Record<ClauseKey, Partial<Record<TorProfile, Quote>>>>> = {
  'members.roles/Chair': {
    uzbekistan: { section: UZ_MEMBERSHIP, words: ['The UNMN is chaired/coordinated by the International Organization for Migration (IOM)'] },
  },
  'members.roles/Co-chair': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Co-chairs UNRC and IOM mission in Azerbaijan'] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: ['The UNRC co-chairs the Network'] },
  },
  'members.roles/Coordinator': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Coordinator and Secretariat: IOM Mission in Azerbaijan'] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: ['The UNMN is chaired/coordinated by the International Organization for Migration (IOM)'] },
  },
  'members.roles/Secretariat': {
    azerbaijan: { section: AZ_MEMBERSHIP, words: ['Coordinator and Secretariat: IOM Mission in Azerbaijan'] },
    uzbekistan: { section: UZ_SECRETARIAT, words: ['IOM will serve as the Secretariat for the UNMN'] },
  },
  'members.focal-point': {
    azerbaijan: { section: AZ_ROLE, words: ['liaising with members, disseminating meeting minutes'] },
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: ['The UNMN comprises focal points from the UN entities', 'The UN system entities in Uzbekistan shall nominate members to the UNMN'],
    },
  },
  'members.corporate-email': {
    uzbekistan: {
      section: UZ_SECRETARIAT,
      words: ['All email-communications of the UNMN will be shared through the UN system corporate email-accounts'],
    },
  },
  'members.admission/unanimous': {
    uzbekistan: {
      section: UZ_MEMBERSHIP,
      words: ['Other UN system entities may become members of the Network upon unanimous approval by its current members'],
    },
  },
  'members.admission/consensus': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
  },
  'members.admission/open': {
    azerbaijan: {
      section: AZ_MEMBERSHIP,
      words: ['Members: UN Resident Coordinator Office (RCO), IOM, UNDP, UNICEF, WHO, ILO, FAO, UNHCR, OHCHR, UNFPA and other interested UN Agencies'],
    },
  },
  'members.list-shared': {
    azerbaijan: { section: AZ_ROLE, words: ['IOM will maintain the member list and share it regularly'] },
  },
  'meetings.cadence': {
    azerbaijan: { section: AZ_ROLE, words: ['The UN Migration Network will meet on a bi-annual basis'] },
    uzbekistan: { section: UZ_WORKING, words: ['The UNMN meets one time per quarter'] },
  },
  'meetings.annual': {
    azerbaijan: { section: AZ_ROLE, words: ['There will be at least one Annual Network Meeting of the full membership of the Network'] },
  },
  'meetings.annual-membership': {
    azerbaijan: { section: AZ_ROLE, words: ['There will be at least one Annual Network Meeting of the full membership of the Network to include other relevant stakeholders'] },
  },
  'meetings.status': {
    azerbaijan: { section: AZ_ROLE, words: ['Convene and chair meetings to ensure the smooth functioning of the Network'] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.mode': {
    uzbekistan: { section: `${UZ_WORKING}, note 4`, words: ['The chosen mode of a meeting shall be recorded in the minutes'] },
  },
  'meetings.agenda': {
    azerbaijan: { section: AZ_ROLE, words: ['it will assist the Co-chairs in preparing and circulating draft agendas'] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.minutes': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.minutes-approved': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.circulated': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: ['The Secretariat will share all minutes of UNMN meetings'] },
  },
  'meetings.rco-archive': {
    uzbekistan: {
      section: UZ_SECRETARIAT,
      words: [
        "The Secretariat will share all minutes of UNMN meetings and relevant documents/materials on UNSCDF and AWP's implementation with UNRC's Office (RCO) for reporting and archiving purposes",
      ],
    },
  },
  'meetings.attendance': {
    azerbaijan: { section: AZ_ROLE, words: ['Convene and chair meetings to ensure the smooth functioning of the Network'] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.disclosure': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_INTERNAL] },
  },
  'decisions.consensus': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
  'decisions.evidence': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
  'decisions.state-consultation': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['on all issues relevant to or of concern to the state, with the State Migration Service under the Government of Azerbaijan'],
    },
  },
  'decisions.follow-up': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'consultations.overdue': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
  'actions.overdue': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: { section: UZ_WORKING, words: ['The Network and its members have the responsibility to implement their decisions as agreed'] },
  },
  'actions.owner': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: { section: UZ_WORKING, words: ['The Network and its members have the responsibility to implement their decisions as agreed'] },
  },
  'workplan.exists': {
    azerbaijan: { section: AZ_ROLE, words: ["Members of the Network will contribute to design and implementation of the Network's objectives and workplan"] },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.fields': {
    azerbaijan: { section: AZ_ROLE, words: ["Members of the Network will contribute to design and implementation of the Network's objectives and workplan"] },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.fields/budget': {
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.endorsed': {
    uzbekistan: { section: UZ_ROLE, words: ['The AWPs shall be endorsed by the UNMN members'] },
  },
  'workplan.reported': {
    uzbekistan: { section: UZ_ROLE, words: ['the implementation is to be monitored and reported to UNCT on regular basis'] },
  },
  'workplan.overdue': {
    azerbaijan: { section: AZ_ROLE, words: ['contribute to reviewing the progress made by the Network, making recommendations for necessary actions'] },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.gcm': {
    azerbaijan: { section: AZ_ROLE, words: ['Galvanize coordinated support to the implementation of, and reporting on, the GCM'] },
    uzbekistan: { section: UZ_WORKING, words: ['The Network will focus on supporting the progress of Uzbekistan towards achieving implementation of the GCM'] },
  },
  'groups.members': {
    azerbaijan: { section: AZ_ROLE, words: ['The composition of Working Groups will be drawn from Network members and may include external partners'] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
  'groups.established': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_GROUPS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
  'groups.ended': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_GROUPS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
};

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
  return `Network settings: "${settingLabel(key)}" = ${settingValue(settings[key])}`;
}

/**
 * The clause of a finding. `setting` is the setting the rule depends on: cited instead of the ToR when
 * the profile's ToR has no words for the rule (a custom choice turned it on), or when it is a number
 * (a cadence, a deadline) that the Settings tab changed from the ToR's.
 */
export function citeClause(profile: Profile, settings: Settings, key: ClauseKey, setting?: SettingKey): string {
  const quote = profile.id === 'custom' ? undefined : CLAUSES[key]?.[profile.id];
  if (setting !== undefined) {
    const changed = SETTING_COLUMNS[setting].kind === 'number' && settings[setting] !== profile.defaults[setting];
    if (quote === undefined || changed) return settingCitation(setting, settings);
  }
  if (quote !== undefined) return quoteText(profile, quote);
  const rule = key.startsWith('data.') ? 'Workbook contract (WORKBOOK.md)' : `${profile.torName} (custom profile), the add-on's baseline`;
  return `${rule}: ${BASELINES[key] ?? BASELINES[key.split('/')[0] ?? ''] ?? key}`;
}
