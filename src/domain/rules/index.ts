/**
 * The ToR compliance check of RULES.md: every rule over the decoded network as of `today`, each
 * guarded so that one rule's failure never stops the others.
 */
import type { IsoDay } from '../dates';
import type { Network } from '../network';
import { ACTION_RULES } from './actions';
import type { BaselineTable, ClauseTable } from './clauses';
import { t } from '../i18n';
import type { RuleDef } from './context';
import { DATA_RULES } from './data';
import { CONSULTATION_RULES } from './consultations';
import { DECISION_RULES } from './decisions';
import type { Finding } from './finding';
import { GROUP_RULES } from './groups';
import { MEETING_RULES } from './meetings';
import { MEMBER_RULES } from './members';
import { runRules } from './run';
import { WORKPLAN_RULES } from './workplan';

export type { Finding, Severity, SeverityCounts } from './finding';
export { countBySeverity, describeCounts, SEVERITY_LABELS, SEVERITY_ORDER } from './finding';
export { compareFindings } from './run';

export const RULES: readonly RuleDef[] = [
  ...MEMBER_RULES,
  ...MEETING_RULES,
  ...DECISION_RULES,
  ...CONSULTATION_RULES,
  ...ACTION_RULES,
  ...WORKPLAN_RULES,
  ...GROUP_RULES,
  ...DATA_RULES,
];

/** Every rule's ToR words, for docs/rules.md and the test that checks each quote against the ToR. */
export const CLAUSES: ClauseTable = /* @__PURE__ */ Object.assign({}, ...RULES.map((r) => r.quotes));

const BASELINE_MESSAGES: BaselineTable = /* @__PURE__ */ Object.assign({}, ...RULES.map((r) => r.baselines));

/** Every rule's baseline by clause key, for docs/rules.md, each read in the execution's language when it is looked up. */
export const BASELINES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(BASELINE_MESSAGES).map(([key, message]) => [key, { enumerable: true, get: () => t(message) }]),
  ),
);

/** Runs every rule of RULES.md; the findings come sorted (see compareFindings). */
export function checkNetwork(network: Network, today: IsoDay, rules: readonly RuleDef[] = RULES): Finding[] {
  return runRules(network, today, rules);
}
