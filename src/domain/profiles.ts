/**
 * The ToR profiles: each one's defaults of WORKBOOK.md's Settings table, and the effective settings of
 * a workbook. Where each default comes from is in profile-sources.ts, apart so that no bundle carries it.
 */
import type { Problem } from './codec';
import {
  blankSettings,
  readSettingsTab,
  type ProfileId,
  type SettingsRead,
  type SettingKey,
  type Settings,
} from './settings';
import type { Cell } from './cells';
import { followSettings, languageOfSetting, t, type MessageKey } from './i18n';
import { builtOnce } from './lazy';

export interface Profile {
  readonly id: ProfileId;
  /** How a clause is attributed: "Uzbekistan ToR", in the execution's language. */
  readonly torName: string;
  readonly defaults: Settings;
}

/** The add-on's own deadlines, the same under every profile: no ToR names a number of days. */
export const DEADLINES = {
  agendaDueDays: 5,
  minutesDueDays: 14,
  minutesApprovalDueDays: 14,
  circulationDueDays: 7,
  workplanEndorsementDueDays: 90,
  consultationReminderDays: 2,
} as const;

/**
 * A profile whose defaults are built on first read: they are read by the executions that read
 * Settings, and the code that builds them is then only skimmed at the bundle's load.
 */
function profile(
  id: ProfileId,
  torName: MessageKey,
  defaultsOf: () => Omit<Settings, 'confidentialityNotice'>,
): Profile {
  const defaults = builtOnce((): Settings => ({
    ...defaultsOf(),
    // No ToR words one: each profile's is the add-on's, in the language of the moment it is read.
    get confidentialityNotice() {
      return t('rules.profile.confidentiality');
    },
  }));
  return {
    id,
    get torName() {
      return t(torName);
    },
    get defaults() {
      return defaults();
    },
  };
}

// @i18n-exempt: the Settings defaults of WORKBOOK.md: the network's name and state body as its ToR writes them
const AZERBAIJAN = profile('azerbaijan', 'rules.tor.azerbaijan', () => ({
  ...blankSettings(),
  networkName: 'UN Network on Migration in Azerbaijan',
  country: 'Azerbaijan',
  torProfile: 'azerbaijan',
  meetingCadenceMonths: 6,
  annualMeetingRequired: true,
  meetingModeRequired: false,
  ...DEADLINES,
  stateConsultationBody: 'State Migration Service',
  admissionRule: 'open',
  memberListSharingMonths: 6,
  disclosureNeedsAgreement: true,
  timeZone: 'Asia/Baku',
}));

// @i18n-exempt: the Settings defaults of WORKBOOK.md: the network's name as its ToR writes it
const UZBEKISTAN = profile('uzbekistan', 'rules.tor.uzbekistan', () => ({
  ...blankSettings(),
  networkName: 'UN Network on Migration in Uzbekistan',
  country: 'Uzbekistan',
  torProfile: 'uzbekistan',
  meetingCadenceMonths: 3,
  annualMeetingRequired: false,
  meetingModeRequired: true,
  ...DEADLINES,
  mailingList: 'migration.uz@one.un.org',
  corporateEmailDomains: [
    'un.org',
    'one.un.org',
    'iom.int',
    'undp.org',
    'unicef.org',
    'who.int',
    'ilo.org',
    'fao.org',
    'unhcr.org',
    'ohchr.org',
    'unfpa.org',
    'unesco.org',
    'unwomen.org',
    'unaids.org',
    'undrr.org',
    'unodc.org',
    'worldbank.org',
  ],
  admissionRule: 'unanimous',
  workplanMustBeCosted: true,
  workplanMustBeEndorsed: true,
  workplanReportingMonths: 6,
  rcoArchiveRequired: true,
  timeZone: 'Asia/Tashkent',
}));

const CUSTOM = profile('custom', 'rules.tor.custom', () => ({
  ...blankSettings(),
  torProfile: 'custom',
  meetingCadenceMonths: 6,
  ...DEADLINES,
  admissionRule: 'consensus',
}));

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  azerbaijan: AZERBAIJAN,
  uzbekistan: UZBEKISTAN,
  custom: CUSTOM,
};

export interface EffectiveSettings {
  readonly profile: Profile;
  readonly settings: Settings;
  readonly rows: Partial<Record<SettingKey, number>>;
  readonly settingDuplicates: SettingsRead['duplicates'];
  readonly problems: Problem[];
}

/** The profile's defaults overridden by the Settings tab (header row first; null when the tab is missing). */
export function effectiveSettings(settingsGrid: readonly (readonly Cell[])[] | null): EffectiveSettings {
  const read = readSettingsTab(settingsGrid);
  // The default notice is written in the network's language: it must be known before the defaults are read.
  followSettings(languageOfSetting(read.overrides.language));
  const profile = PROFILES[(read.overrides.torProfile as ProfileId | null | undefined) ?? 'custom'];
  return {
    profile,
    settings: { ...profile.defaults, ...read.overrides, torProfile: profile.id },
    rows: read.rows,
    settingDuplicates: read.duplicates,
    problems: read.problems,
  };
}
