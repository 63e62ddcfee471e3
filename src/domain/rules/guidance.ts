/**
 * The ToR guidance the sidebar shows while a decision is being recorded, and the server repeats on
 * saving: what decisions.consensus, decisions.evidence, decisions.state-consultation, members.admission
 * and decisions.follow-up would report once the decision and its follow-up actions are in the workbook.
 * It runs those rules' own code over the network with the candidate added, so the sidebar and
 * `unmn check` never disagree.
 */
import type { IsoDay } from '../dates';
import type { Network } from '../network';
import type { Action, Decision } from '../tables';
import { keyOf } from '../words';
import type { Finding } from './finding';
import type { RuleId } from './ids';
import { DECISION_RULES } from './decisions';
import { ADMISSION_RULE } from './members';
import { runRules } from './run';

export const GUIDANCE_RULE_IDS: readonly RuleId[] = [
  'decisions.consensus',
  'decisions.evidence',
  'decisions.state-consultation',
  'members.admission',
  'decisions.follow-up',
];

/** Taken from the rule tables index.ts builds RULES from, which the sidebar's bundle leaves out. */
const GUIDANCE_RULES = [ADMISSION_RULE, ...DECISION_RULES].filter((r) => GUIDANCE_RULE_IDS.includes(r.id));

/** The network as it would be with `decision` saved (in place of its row when it has one) and `actions` with it. */
export function withCandidate(network: Network, decision: Decision, actions: readonly Action[]): Network {
  const id = keyOf(decision.id);
  const existing = network.decisions.records.find((d) => keyOf(d.id) === id);
  const given = new Set(actions.map((a) => keyOf(a.id)));
  const actionRows = new Map(network.actions.records.map((a) => [keyOf(a.id), a.row]));
  let nextActionRow = network.actions.lastRow + 1;
  return {
    ...network,
    decisions: {
      ...network.decisions,
      records: [
        ...network.decisions.records.filter((d) => keyOf(d.id) !== id),
        { ...decision, row: existing?.row ?? network.decisions.lastRow + 1, invalid: [] },
      ],
    },
    actions: {
      ...network.actions,
      records: [
        ...network.actions.records.filter((a) => !given.has(keyOf(a.id))),
        ...actions.map((a) => ({ ...a, row: actionRows.get(keyOf(a.id)) ?? nextActionRow++, invalid: [] })),
      ],
    },
  };
}

/** The findings of the guidance rules that are about this decision, as the check would give them once it is saved. */
export function decisionGuidance(
  network: Network,
  today: IsoDay,
  decision: Decision,
  actions: readonly Action[],
): Finding[] {
  const id = keyOf(decision.id);
  const admitted = decision.kind === 'Admission' ? keyOf(decision.subject) : null;
  return runRules(withCandidate(network, decision, actions), today, GUIDANCE_RULES).filter((f) =>
    f.rule === 'members.admission'
      ? admitted !== null && admitted !== '' && keyOf(f.ref ?? '') === admitted
      : keyOf(f.ref ?? '') === id,
  );
}
