/**
 * The words of each ToR that each rule enforces, quoted exactly from docs/tor/ (a test checks every
 * phrase against the ToR text), and how a finding cites them: the ToR when the profile's own words
 * require it, the Settings row when only a setting the secretariat chose makes the rule apply.
 */
import type { SettingRow } from '../setting-labels';
import type { ProfileId, SettingKey, Settings } from '../settings';
import type { Profile } from '../profiles';
import type { ClauseKey } from './ids';
import { t, type MessageKey } from '../i18n';

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

/* The ToR's own headings and words, quoted in English and labelled as quotations in Russian. */
// @i18n-exempt: ToR heading
export const AZ_ROLE = 'Role and Organizational Arrangements';
// @i18n-exempt: ToR heading
export const AZ_MEMBERSHIP = 'Composition and Membership';
// @i18n-exempt: ToR heading
export const UZ_ROLE = 'Role and Organizational Arrangements';
// @i18n-exempt: ToR heading
export const UZ_WORKING = 'Working Arrangements';
// @i18n-exempt: ToR heading
export const UZ_SECRETARIAT = 'Coordination and Secretariat';
// @i18n-exempt: ToR heading
export const UZ_MEMBERSHIP = 'Composition and Membership';

// @i18n-exempt: ToR quotation
export const AZ_CONSENSUS =
  'Decisions relevant to the work of the Network will be made by consensus based on consultations with all Network Members';
// @i18n-exempt: ToR quotation
export const AZ_MINUTES = 'disseminating meeting minutes';
// @i18n-exempt: ToR quotation
export const AZ_INTERNAL =
  'All information exchanged within the Network meetings is meant for internal use only, unless explicitly stated and agreed otherwise';
// @i18n-exempt: ToR quotation
export const AZ_GROUPS = 'Working Groups can be established on a permanent or ad-hoc basis';
// @i18n-exempt: ToR quotation
export const UZ_CONSENSUS =
  'Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members';
// @i18n-exempt: ToR quotation
export const AZ_MONITORING = 'monitoring the implementation of decisions made by UNMN';
// @i18n-exempt: ToR quotation
export const UZ_DOCUMENTED =
  'IOM will serve as the Secretariat for the UNMN and ensure that all meetings are convened, facilitated, documented, and action points followed up';
// @i18n-exempt: ToR quotation
export const UZ_AWP =
  'the UNMN may develop (costed) annual work plans (AWPs), with key actions, responsible participating agency(-ies) and timeframes';
// @i18n-exempt: ToR quotation
export const UZ_METHODS = 'The UNMN may adopt any additional working methods, as necessary';

/**
 * What the add-on holds a network to when no ToR words apply (the custom profile), and the workbook
 * contract the data rules enforce: a message per clause key. Each rule module keeps those of its own
 * rules beside their ToR words, so that the sidebar's guidance carries only theirs.
 */
export type BaselineTable = Readonly<Partial<Record<ClauseKey, MessageKey>>>;

/** The ToR's words in its own language (English), labelled as a quotation where the sentence around them is not. */
function quoteText(profile: Profile, quote: Quote): string {
  const words = quote.words.map((w) => `"${w}"`).join(' … ');
  return t('rules.cite.tor', { tor: profile.torName, section: quote.section, words });
}

function settingValue(value: Settings[SettingKey]): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === null ? '' : String(value);
}

export function settingCitation([key, label]: SettingRow, settings: Settings): string {
  return t('rules.cite.setting', { setting: label, value: settingValue(settings[key]) });
}

/** A finding's clause, and whether it cites a Settings row rather than the ToR. */
export interface CitedClause {
  readonly text: string;
  readonly bySetting: boolean;
}

/**
 * The clause of a finding. `setting` is the setting the rule depends on: cited instead of the ToR when
 * the profile's ToR has no words for the rule (a custom choice turned it on), or when it is a number
 * (a cadence, a deadline) that the Settings tab changed from the ToR's.
 */
export function clauseOf(
  profile: Profile,
  settings: Settings,
  clauses: ClauseTable,
  baselines: BaselineTable,
  key: ClauseKey,
  setting?: SettingRow,
): CitedClause {
  const quote = profile.id === 'custom' ? undefined : clauses[key]?.[profile.id];
  if (setting !== undefined) {
    // Only a number setting holds a number (or null, where both being null is no change).
    const value = settings[setting[0]];
    const base = profile.defaults[setting[0]];
    const changed = (typeof value === 'number' || typeof base === 'number') && value !== base;
    if (quote === undefined || changed) return { text: settingCitation(setting, settings), bySetting: true };
  }
  if (quote !== undefined) return { text: quoteText(profile, quote), bySetting: false };
  const message = baselines[key] ?? baselines[key.split('/')[0] as ClauseKey];
  const baseline = message === undefined ? key : t(message);
  const text = key.startsWith('data.')
    ? t('rules.cite.contract', { baseline })
    : t('rules.cite.baseline', { tor: profile.torName, baseline });
  return { text, bySetting: false };
}
