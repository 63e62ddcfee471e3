/**
 * Where each default of a ToR profile comes from: the words of the network's Terms of Reference
 * (docs/tor/), or the add-on's own choice. For people and tests; no runtime reads it, so it stays out
 * of the Apps Script and sidebar bundles.
 */
import type { ProfileId, SettingKey } from './settings';

/** Where the add-on's own deadlines come from: no ToR counts the days of these three. */
// @i18n-exempt: provenance for developers and tests (no runtime shows it), quoting the ToR in English
const DEADLINE_SOURCES = {
  minutesApprovalDueDays: "The add-on's default: the members approve draft minutes within 14 days of their being due",
  workplanEndorsementDueDays: "The add-on's default: a workplan is endorsed within the first 90 days of its year",
  consultationReminderDays:
    "The add-on's default: members who have not answered a written consultation are reminded 2 days before its deadline",
} as const;

// @i18n-exempt: provenance for developers and tests (no runtime shows it), quoting the ToR in English
export const PROFILE_SOURCES: Readonly<Record<ProfileId, Partial<Record<SettingKey, string>>>> = {
  azerbaijan: {
    ...DEADLINE_SOURCES,
    networkName: 'Title: "UN Network on Migration in Azerbaijan Terms of Reference"',
    country: 'Title: "UN Network on Migration in Azerbaijan Terms of Reference"',
    torProfile: 'The Terms of Reference of the UN Network on Migration in Azerbaijan',
    meetingCadenceMonths:
      'Role and organizational arrangements: "The UN Migration Network will meet on a bi-annual basis, or upon request by its members"',
    annualMeetingRequired:
      'Role and organizational arrangements: "There will be at least one Annual Network Meeting of the full membership of the Network"',
    agendaDueDays:
      'Role and organizational arrangements: IOM "will assist the Co-chairs in preparing and circulating draft agendas" (5 days is the add-on\'s default notice)',
    minutesDueDays:
      'Role and organizational arrangements: IOM will assist "disseminating meeting minutes" (14 days is the add-on\'s default)',
    circulationDueDays:
      'Role and organizational arrangements: IOM will assist "disseminating meeting minutes" (7 days is the add-on\'s default)',
    stateConsultationBody:
      'Role and organizational arrangements: "on all issues relevant to or of concern to the state, with the State Migration Service under the Government of Azerbaijan"',
    admissionRule:
      'Composition and Membership: "Members: UN Resident Coordinator Office (RCO), IOM, UNDP, UNICEF, WHO, ILO, FAO, UNHCR, OHCHR, UNFPA and other interested UN Agencies" (no admission procedure)',
    memberListSharingMonths:
      'Role and organizational arrangements: "IOM will maintain the member list and share it regularly"',
    confidentialityNotice:
      'Role and organizational arrangements: "All information exchanged within the Network meetings is meant for internal use only, unless explicitly stated and agreed otherwise"',
    disclosureNeedsAgreement:
      'Role and organizational arrangements: "All information exchanged within the Network meetings is meant for internal use only, unless explicitly stated and agreed otherwise"',
    timeZone: "Azerbaijan's time (Asia/Baku)",
  },
  uzbekistan: {
    ...DEADLINE_SOURCES,
    networkName: 'Title: "UN Network on Migration in Uzbekistan"',
    country:
      'Mission statement: "supporting the GoU in implementing objectives set forth in the GCM and in line with the international human rights obligations and relevant national priorities of Uzbekistan"',
    torProfile: 'The Terms of Reference of the UN Network on Migration in Uzbekistan',
    meetingCadenceMonths:
      'Working Arrangements: "The UNMN meets one time per quarter, or upon request by its member(s)"',
    meetingModeRequired:
      'Working Arrangements, note 4: "The chosen mode of a meeting shall be recorded in the minutes"',
    agendaDueDays:
      'Coordination and Secretariat: IOM will "ensure that all meetings are convened, facilitated, documented" (5 days is the add-on\'s default notice)',
    minutesDueDays:
      'Coordination and Secretariat: IOM will "ensure that all meetings are convened, facilitated, documented" (14 days is the add-on\'s default)',
    circulationDueDays:
      'Coordination and Secretariat: "The Secretariat will share all minutes of UNMN meetings" (7 days is the add-on\'s default)',
    mailingList:
      'Coordination and Secretariat: "primarily through the UNMN one: migration.uz@one.un.org, which lists all the members of the Network"',
    rcoArchiveRequired:
      'Coordination and Secretariat: "The Secretariat will share all minutes of UNMN meetings … with UNRC\'s Office (RCO) for reporting and archiving purposes"',
    timeZone: "Uzbekistan's time (Asia/Tashkent)",
    rcoArchiveEmail:
      'Coordination and Secretariat: "The Secretariat will share all minutes of UNMN meetings … with UNRC\'s Office (RCO) for reporting and archiving purposes"',
    corporateEmailDomains:
      'Coordination and Secretariat: "All email-communications of the UNMN will be shared through the UN system corporate email-accounts"',
    admissionRule:
      'Composition and Membership: "Other UN system entities may become members of the Network upon unanimous approval by its current members"',
    workplanMustBeCosted:
      'Role and Organizational Arrangements: "the UNMN may develop (costed) annual work plans (AWPs), with key actions, responsible participating agency(-ies) and timeframes"',
    workplanMustBeEndorsed: 'Role and Organizational Arrangements: "The AWPs shall be endorsed by the UNMN members"',
    workplanReportingMonths:
      'Role and Organizational Arrangements: "the implementation is to be monitored and reported to UNCT on regular basis" (every 6 months is the add-on\'s default)',
    confidentialityNotice: "The add-on's default notice for internal records",
  },
  custom: {
    ...DEADLINE_SOURCES,
    meetingCadenceMonths: "No ToR: the add-on's default of a meeting every 6 months; set your network's own",
    agendaDueDays: "No ToR: the add-on's default notice of 5 days; set your network's own",
    minutesDueDays: "No ToR: the add-on's default of 14 days; set your network's own",
    circulationDueDays: "No ToR: the add-on's default of 7 days; set your network's own",
    confidentialityNotice: "No ToR: the add-on's default notice for internal records",
  },
};
