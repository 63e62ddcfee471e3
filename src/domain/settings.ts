/**
 * The Settings tab: one definition per setting of WORKBOOK.md, and the effective settings (the ToR
 * profile's defaults overridden by the tab's values).
 */
import * as z from 'zod/mini';
import { col, type Cell, type Column } from './cells';
import { mapHeader, type Problem } from './codec';
import { t } from './i18n';
import { builtOnce } from './lazy';
import { SettingsTable } from './tables';
import { SETTING_LABELS } from './setting-labels';

export const PROFILE_IDS = ['azerbaijan', 'uzbekistan', 'custom'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const ADMISSION_RULES = ['unanimous', 'consensus', 'open'] as const;
export const LANGUAGES = ['English', 'Russian'] as const;

/**
 * Each setting: the words in the Setting column, and the column kind its Value decodes as. Built on
 * first use, as the tables' columns are (tables.ts): only the executions that read Settings need them.
 */
export const settingColumns = /* @__PURE__ */ builtOnce(
  () =>
    ({
      networkName: col.text(SETTING_LABELS.networkName),
      country: col.text(SETTING_LABELS.country),
      torProfile: col.choice(SETTING_LABELS.torProfile, PROFILE_IDS),
      foundedOn: col.date(SETTING_LABELS.foundedOn),
      // Calendar periods: a cadence that does not divide the year into whole periods cannot be checked.
      meetingCadenceMonths: col.number(SETTING_LABELS.meetingCadenceMonths, {
        integer: true,
        oneOf: [1, 2, 3, 4, 6, 12],
      }),
      annualMeetingRequired: col.yesno(SETTING_LABELS.annualMeetingRequired),
      meetingModeRequired: col.yesno(SETTING_LABELS.meetingModeRequired),
      agendaDueDays: col.number(SETTING_LABELS.agendaDueDays, { integer: true, min: 0 }),
      minutesDueDays: col.number(SETTING_LABELS.minutesDueDays, { integer: true, min: 0 }),
      minutesApprovalDueDays: col.number(SETTING_LABELS.minutesApprovalDueDays, { integer: true, min: 0 }),
      circulationDueDays: col.number(SETTING_LABELS.circulationDueDays, { integer: true, min: 0 }),
      mailingList: col.email(SETTING_LABELS.mailingList),
      rcoArchiveRequired: col.yesno(SETTING_LABELS.rcoArchiveRequired),
      rcoArchiveEmail: col.email(SETTING_LABELS.rcoArchiveEmail),
      unctReportingEmail: col.email(SETTING_LABELS.unctReportingEmail),
      stateConsultationBody: col.text(SETTING_LABELS.stateConsultationBody),
      corporateEmailDomains: col.list(SETTING_LABELS.corporateEmailDomains),
      admissionRule: col.choice(SETTING_LABELS.admissionRule, ADMISSION_RULES),
      workplanMustBeCosted: col.yesno(SETTING_LABELS.workplanMustBeCosted),
      workplanMustBeEndorsed: col.yesno(SETTING_LABELS.workplanMustBeEndorsed),
      workplanEndorsementDueDays: col.number(SETTING_LABELS.workplanEndorsementDueDays, {
        integer: true,
        min: 1,
        max: 366,
      }),
      workplanReportingMonths: col.number(SETTING_LABELS.workplanReportingMonths, { integer: true, min: 1 }),
      memberListSharingMonths: col.number(SETTING_LABELS.memberListSharingMonths, { integer: true, min: 1 }),
      confidentialityNotice: col.text(SETTING_LABELS.confidentialityNotice),
      disclosureNeedsAgreement: col.yesno(SETTING_LABELS.disclosureNeedsAgreement),
      consultationReminderDays: col.number(SETTING_LABELS.consultationReminderDays, { integer: true, min: 0 }),
      language: col.choice(SETTING_LABELS.language, LANGUAGES),
      timeZone: col.text(SETTING_LABELS.timeZone),
      secretariatEditors: col.emails(SETTING_LABELS.secretariatEditors),
      unctCoverNote: col.text(SETTING_LABELS.unctCoverNote),
      lastGcmReviewOn: col.date(SETTING_LABELS.lastGcmReviewOn),
      emergingChallenges: col.text(SETTING_LABELS.emergingChallenges),
      recommendations: col.text(SETTING_LABELS.recommendations),
    }) satisfies Record<string, Column>,
);

type SettingColumns = ReturnType<typeof settingColumns>;

export type SettingKey = keyof SettingColumns;

export type Settings = z.infer<z.ZodMiniObject<{ [K in SettingKey]: SettingColumns[K]['schema'] }>>;

/** Every setting's key, in WORKBOOK.md's order. */
export const settingKeys = /* @__PURE__ */ builtOnce(() => Object.keys(settingColumns()) as readonly SettingKey[]);

export function settingLabel(key: SettingKey): string {
  return SETTING_LABELS[key];
}

export function settingKeyOf(label: string): SettingKey | undefined {
  const wanted = label.trim().toLowerCase();
  const columns = settingColumns();
  return settingKeys().find((k) => columns[k].header.toLowerCase() === wanted);
}

/** The settings of a profile with nothing chosen: the base every profile starts from. */
export const blankSettings = /* @__PURE__ */ builtOnce((): Settings => ({
  networkName: '',
  country: '',
  torProfile: 'custom',
  foundedOn: null,
  meetingCadenceMonths: null,
  annualMeetingRequired: false,
  meetingModeRequired: false,
  agendaDueDays: null,
  minutesDueDays: null,
  minutesApprovalDueDays: null,
  circulationDueDays: null,
  mailingList: '',
  rcoArchiveRequired: false,
  rcoArchiveEmail: '',
  unctReportingEmail: '',
  stateConsultationBody: '',
  corporateEmailDomains: [],
  admissionRule: 'consensus',
  workplanMustBeCosted: false,
  workplanMustBeEndorsed: false,
  workplanEndorsementDueDays: null,
  workplanReportingMonths: null,
  memberListSharingMonths: null,
  confidentialityNotice: '',
  disclosureNeedsAgreement: false,
  consultationReminderDays: null,
  language: 'English',
  timeZone: '',
  secretariatEditors: [],
  unctCoverNote: '',
  lastGcmReviewOn: null,
  emergingChallenges: '',
  recommendations: '',
}));

/** One row a setting, in WORKBOOK.md's order, as `unmn init` and setup write them. */
export function settingsRows(settings: Settings): Cell[][] {
  const columns = settingColumns();
  return settingKeys().map((key) => {
    const column = columns[key] as Column;
    return [column.header, column.encode(settings[key] as never)];
  });
}

export interface SettingsRead {
  /** The Settings tab's own values, by key, for the rows it has (a blank value overrides too). */
  readonly overrides: Partial<Settings>;
  /** The row each setting stands in, for findings. */
  readonly rows: Partial<Record<SettingKey, number>>;
  /** Settings named on more than one row: the first row counts, the later ones are data.duplicate-id's. */
  readonly duplicates: readonly SettingDuplicate[];
  readonly problems: Problem[];
}

export interface SettingDuplicate {
  readonly setting: string;
  readonly row: number;
  readonly first: number;
}

/** Reads the Settings tab (header row first); null when the tab is missing. */
export function readSettingsTab(grid: readonly (readonly Cell[])[] | null): SettingsRead {
  const sheet = SettingsTable.name;
  if (grid === null || grid.length === 0) {
    return {
      overrides: {},
      rows: {},
      duplicates: [],
      problems: [
        {
          sheet,
          row: null,
          column: null,
          ref: null,
          message: grid === null ? t('validate.settings.missing') : t('validate.settings.empty'),
          expected: t('validate.settings.expected'),
        },
      ],
    };
  }
  const { header, problems } = mapHeader(SettingsTable, grid[0] ?? []);
  const at = header.index.get('setting');
  const valueAt = header.index.get('value');
  const overrides: Record<string, unknown> = {};
  const rows: Partial<Record<SettingKey, number>> = {};
  const duplicates: SettingDuplicate[] = [];
  if (at === undefined || valueAt === undefined) return { overrides, rows, duplicates, problems };
  const columns = settingColumns();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const name = cells[at];
    if (typeof name !== 'string') continue;
    const key = settingKeyOf(name);
    if (key === undefined) continue;
    const first = rows[key];
    if (first !== undefined) {
      duplicates.push({ setting: columns[key].header, row: r + 1, first });
      continue;
    }
    rows[key] = r + 1;
    const column = columns[key] as Column;
    const decoded = column.decode(cells[valueAt]);
    if (decoded.ok) overrides[key] = decoded.value;
    else
      problems.push({
        sheet,
        row: r + 1,
        column: 'Value',
        ref: column.header,
        message: t('validate.settings.default-used', { setting: column.header, problem: decoded.message }),
        expected: column.expected,
      });
  }
  return { overrides: overrides as Partial<Settings>, rows, duplicates, problems };
}
