/** What every panel of the sidebar renders from: the data of one opening call, and the network the guidance reads. */
import type { DecodedTable } from '../../src/domain/codec';
import type { Network } from '../../src/domain/network';
import type { DecisionSidebarData, GuidanceNetwork } from '../../src/domain/rpc';
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

export async function fetchState(): Promise<SidebarState> {
  const data = await call('getDecisionSidebarData');
  return { data, network: networkOf(data.network) };
}
