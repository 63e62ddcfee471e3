/** What every panel of the sidebar renders from: the data of one opening call, and the network the guidance reads. */
import type { DecodedTable } from '../../src/domain/codec';
import type { Network } from '../../src/domain/network';
import type { DecisionSidebarData, GuidanceNetwork, SavedDecision, SavedMeeting } from '../../src/domain/rpc';
import { keyOf } from '../../src/domain/words';
import { call } from '../lib/rpc';

export interface SidebarState {
  readonly data: DecisionSidebarData;
  readonly network: Network;
}

interface Travelling<T> {
  readonly records: DecodedTable<T>['records'];
  readonly lastRow: number;
  readonly unreadable: readonly string[];
  readonly readable: boolean;
}

/**
 * A tab as the rules take it. The rules ask of a tab's header only whether it has one (run.ts), so a
 * readable tab gets an empty header map; the server's own checks read the real one.
 */
function table<T>(tab: Travelling<T> | null): DecodedTable<T> {
  return {
    records: tab?.records ?? [],
    problems: [],
    header: tab?.readable ? { index: new Map(), headers: [], missing: [] } : null,
    lastRow: tab?.lastRow ?? 1,
    unreadable: tab?.unreadable ?? [],
    headerAt: null,
  };
}

/** The Network type the rules run over, from what the server sent: the tabs the guidance does not read are empty. */
export function networkOf(sent: GuidanceNetwork): Network {
  return {
    profile: sent.profile,
    settings: sent.settings,
    rows: {},
    settingDuplicates: [],
    problems: [],
    members: table(sent.members),
    focalPoints: table(null),
    meetings: table(sent.meetings),
    decisions: table(sent.decisions),
    actions: table(sent.actions),
    workplan: table(null),
    groups: table(null),
    consultations: table(null),
    answers: table(null),
    log: table(null),
    allProblems: [],
  };
}

/** The decision of that ID with its actions and the version the server read; null when no row has it. */
export function savedDecisionOf(state: SidebarState, id: string): SavedDecision | null {
  const key = keyOf(id);
  const found = state.network.decisions.records.find((d) => keyOf(d.id) === key);
  const version = state.data.versions.decisions[key];
  if (found === undefined || version === undefined) return null;
  const { row: _row, invalid: _invalid, ...decision } = found;
  const actions = state.network.actions.records
    .filter((a) => keyOf(a.source) === key)
    .map(({ row: _r, invalid: _i, ...a }) => a);
  return { decision, actions, version };
}

/** The meeting of that ID with the version the server read; null when no row has it. */
export function savedMeetingOf(state: SidebarState, id: string): SavedMeeting | null {
  const key = keyOf(id);
  const found = state.network.meetings.records.find((m) => keyOf(m.id) === key);
  const version = state.data.versions.meetings[key];
  if (found === undefined || version === undefined) return null;
  const { row: _row, invalid: _invalid, ...meeting } = found;
  return { meeting, version };
}

export async function fetchState(): Promise<SidebarState> {
  const data = await call('getDecisionSidebarData');
  return { data, network: networkOf(data.network) };
}
