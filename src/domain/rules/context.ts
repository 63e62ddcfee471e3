/**
 * What every rule sees: the decoded network, the effective settings, `today`, and the indexes the
 * rules share (members by agency, rows by ID, actions by source), built once so that no rule is
 * quadratic in the rows.
 */
import type { Located } from '../codec';
import type { IsoDay } from '../dates';
import type { Network } from '../network';
import type { SettingRow } from '../setting-labels';
import type { Answer, Consultation, Decision, Meeting, Member, TabName } from '../tables';
import { clauseOf, settingCitation, type BaselineTable, type ClauseTable } from './clauses';
import { t } from '../i18n';
import type { ClauseKey, RuleId } from './ids';
import { latestAnswers } from '../consultations';
import { isActiveOn } from '../membership';
import { keyOf } from '../words';
import type { Finding, Severity } from './finding';

export interface RuleContext {
  readonly network: Network;
  readonly settings: Network['settings'];
  readonly today: IsoDay;
  /** Members by agency code (the first row of each). */
  readonly members: ReadonlyMap<string, Located<Member>>;
  readonly meetings: ReadonlyMap<string, Located<Meeting>>;
  readonly decisions: ReadonlyMap<string, Located<Decision>>;
  readonly consultations: ReadonlyMap<string, Located<Consultation>>;
  /** Each consultation's answers by agency: the latest answer of each agency (a later one replaces an earlier). */
  answersTo(consultation: string): ReadonlyMap<string, Located<Answer>>;
  /**
   * The keys of every row of Members, Meetings and Decisions, those that could not be read included:
   * a reference to a malformed row is not broken (the row itself is data.invalid's).
   */
  readonly exists: {
    readonly members: KeySet;
    readonly meetings: KeySet;
    readonly decisions: KeySet;
    readonly consultations: KeySet;
  };
  /** How many action points name each decision or meeting as their Source. */
  readonly actionsBySource: ReadonlyMap<string, number>;
  isActiveOn(member: Member, day: IsoDay): boolean;
  /** The members active on a day, in register order. */
  activeOn(day: IsoDay): readonly Located<Member>[];
  /** The agency key (keyOf) of each member activeOn gives, in the same order. */
  activeKeysOn(day: IsoDay): readonly string[];
  /** The clause a finding cites (see clauses.ts). */
  clause(key: ClauseKey, setting?: SettingRow): string;
  /** A Settings row cited as the clause, where the setting alone makes a rule apply. */
  settingClause(setting: SettingRow): string;
  /** Whether a clause this context gave cites the network's settings rather than the ToR. */
  citesSetting(clause: string): boolean;
}

export interface KeySet {
  has(key: string): boolean;
}

export type Rule = (ctx: RuleContext) => Finding[];

export interface RuleDef {
  readonly id: RuleId;
  /** The tab an internal failure of the rule is reported against. */
  readonly sheet: TabName;
  /**
   * The tabs the rule reads. Without one of them (missing, or no header row) the rule would report
   * absences that are only the tab's; it stays silent and data.invalid reports the tab.
   */
  readonly needs: readonly TabName[];
  readonly run: Rule;
  /** The ToR words the rule cites (none for the workbook contract's rules). */
  readonly quotes?: ClauseTable;
  /** What it holds a network to where no ToR words apply (see clauses.ts). */
  readonly baselines?: BaselineTable;
}

/** A module's rules, each citing the module's ToR words and baselines unless it names its own. */
export function withClauses(
  rules: readonly RuleDef[],
  quotes: ClauseTable,
  baselines: BaselineTable,
): readonly RuleDef[] {
  return rules.map((rule) => ({ quotes, baselines, ...rule }));
}

function firstByKey<T>(records: readonly T[], key: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of records) {
    const k = keyOf(key(r));
    if (k !== '' && !out.has(k)) out.set(k, r);
  }
  return out;
}

const NO_ANSWERS: ReadonlyMap<string, Located<Answer>> = new Map();

/**
 * The stretch of days a day falls in: how many of the days a member joined or left come on or before
 * it. isActiveOn compares days as text, and so do the sort and the search, so two days of one stretch
 * have the same members active, whatever a cell holds.
 */
function stretches(members: readonly Member[]): (day: IsoDay) => number {
  const changes = [...new Set(members.flatMap((m) => [m.joinedOn, m.leftOn]).filter((d) => d !== null))].sort();
  return (day) => {
    let low = 0;
    let high = changes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (changes[middle]! <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export function buildContext(
  network: Network,
  today: IsoDay,
  quotes: ClauseTable = {},
  baselines: BaselineTable = {},
): RuleContext {
  const memberRows = network.members.records;
  const actionsBySource = new Map<string, number>();
  for (const a of network.actions.records) {
    const k = keyOf(a.source);
    if (k !== '') actionsBySource.set(k, (actionsBySource.get(k) ?? 0) + 1);
  }
  const members = firstByKey(memberRows, (m) => m.agency);
  const meetings = firstByKey(network.meetings.records, (m) => m.id);
  const decisions = firstByKey(network.decisions.records, (d) => d.id);
  const consultations = firstByKey(network.consultations.records, (c) => c.id);
  const answers = latestAnswers(network.answers.records);
  const existing = (readable: ReadonlyMap<string, unknown>, unreadable: readonly string[]): KeySet =>
    new Set([...readable.keys(), ...unreadable.map(keyOf)]);
  const uniqueMembers = [...members.values()];
  // Who is active changes only on the days members joined or left: the members active on a day, with
  // their keys beside them in the same order, are kept once for each stretch between two such days,
  // not for each of the thousands of days a large network's rules ask about.
  const stretchOf = stretches(uniqueMembers);
  const activeCache = new Map<number, { members: Located<Member>[]; keys: string[] }>();
  const active = (day: IsoDay) => {
    const stretch = stretchOf(day);
    let found = activeCache.get(stretch);
    if (found === undefined) {
      const members = uniqueMembers.filter((m) => isActiveOn(m, day));
      found = { members, keys: members.map((m) => keyOf(m.agency)) };
      activeCache.set(stretch, found);
    }
    return found;
  };
  const bySetting = new Set<string>();
  return {
    network,
    settings: network.settings,
    today,
    members,
    meetings,
    decisions,
    consultations,
    answersTo: (consultation) => answers.get(keyOf(consultation)) ?? NO_ANSWERS,
    exists: {
      members: existing(members, network.members.unreadable),
      meetings: existing(meetings, network.meetings.unreadable),
      decisions: existing(decisions, network.decisions.unreadable),
      consultations: existing(consultations, network.consultations.unreadable),
    },
    actionsBySource,
    isActiveOn,
    activeOn: (day) => active(day).members,
    activeKeysOn: (day) => active(day).keys,
    clause(key, setting) {
      const cited = clauseOf(network.profile, network.settings, quotes, baselines, key, setting);
      if (cited.bySetting) bySetting.add(cited.text);
      return cited.text;
    },
    settingClause(setting) {
      const text = settingCitation(setting, network.settings);
      bySetting.add(text);
      return text;
    },
    citesSetting(clause) {
      return bySetting.has(clause);
    },
  };
}

/** A person's words inside a message, cut short so that a finding stays one readable line. */
export function clip(text: string, max = 80): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Who asks, as a finding says it: the ToR, or the network's own settings where only a setting turns the rule on. */
export function whoAsks(ctx: RuleContext, clause: string): string {
  return t(ctx.citesSetting(clause) ? 'rules.asks.settings' : 'rules.asks.tor');
}

/** A finding with the rule's defaults filled in. */
export function finding(rule: RuleId, severity: Severity, fields: Omit<Finding, 'rule' | 'severity'>): Finding {
  return { rule, severity, ...fields };
}

const NONE_UNKNOWN: readonly string[] = Object.freeze([]);

const listKeys = new WeakMap<readonly string[], readonly string[]>();
const listKeySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The keys of a list's codes, worked out once for each list: the records that name one list share its
 * array (cells.ts), and the rules asked for the keys of the same lists of members a million times.
 */
export function keysOf(list: readonly string[]): readonly string[] {
  let keys = listKeys.get(list);
  if (keys === undefined) listKeys.set(list, (keys = list.map(keyOf)));
  return keys;
}

/** The keys of a list's codes as a set, once for each list (keysOf). */
export function keySetOf(list: readonly string[]): ReadonlySet<string> {
  let keys = listKeySets.get(list);
  if (keys === undefined) listKeySets.set(list, (keys = new Set(keysOf(list))));
  return keys;
}

/** Codes of `list` that `known` lacks, as written, once each. */
export function unknownCodes(list: readonly string[], known: KeySet): readonly string[] {
  // A list of one, made for the call, is keyed sooner than looked up.
  const keys = list.length > 1 ? keysOf(list) : list.map(keyOf);
  // Most lists name only what is known: they are answered without a list or a set of their own.
  const first = keys.findIndex((k) => k !== '' && !known.has(k));
  if (first < 0) return NONE_UNKNOWN;
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = first; i < list.length; i++) {
    const k = keys[i]!;
    if (k === '' || known.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(list[i]!.trim());
  }
  return out;
}
